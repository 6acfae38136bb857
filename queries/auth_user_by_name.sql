-- columns: user_name, role, password_hash, created_at, disabled
select user_name, role, password_hash, created_at, disabled
from app_user
where user_name = $user_name
