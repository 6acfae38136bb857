-- Every account as a restore compares them (the hash only to tell whether a password differs).
-- columns: user_name, role, password_hash, disabled
select user_name, role, password_hash, disabled
from app_user
order by user_name
