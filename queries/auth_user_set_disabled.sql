update app_user set disabled = $disabled where user_name = $user_name
