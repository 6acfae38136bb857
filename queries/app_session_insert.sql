insert into app_session (session_hash, user_name, credential_version, created_at, expires_at)
values ($session_hash, $user_name, $credential_version, $created_at, $expires_at)
