update app_user set password_hash = $password_hash where user_name = $user_name
