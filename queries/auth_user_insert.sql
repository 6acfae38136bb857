insert into app_user (user_name, role, password_hash, created_at, credential_version)
values ($user_name, $role, $password_hash, $created_at, $credential_version)
