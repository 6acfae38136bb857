delete from app_user where user_name = $user_name
