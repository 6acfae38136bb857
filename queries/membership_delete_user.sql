delete from membership where user_name = $user_name
