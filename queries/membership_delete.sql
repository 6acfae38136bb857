delete from membership where user_name = $user_name and institution_id = $institution_id
