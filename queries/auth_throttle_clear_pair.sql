delete from sign_in_throttle where user_name = $user_name and client = $client
