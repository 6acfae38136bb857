insert into app_user (user_name, role, password_hash, created_at)
values ($user_name, $role, $password_hash, $created_at)
