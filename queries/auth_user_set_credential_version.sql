-- A new credential version ends every session that signed in with the old one.
update app_user set credential_version = $credential_version where user_name = $user_name
