delete from sign_in_client where client = $client
