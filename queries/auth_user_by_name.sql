-- columns: user_name, role, password_hash, created_at, disabled, credential_version
select user_name, role, password_hash, created_at, disabled, credential_version
from app_user
where user_name = $user_name
