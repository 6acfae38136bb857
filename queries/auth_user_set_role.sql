update app_user set role = $role where user_name = $user_name
