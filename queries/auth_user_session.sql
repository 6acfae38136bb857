-- What a signed-in session is checked against on every request.
-- columns: role, disabled, credential_version
select role, disabled, credential_version
from app_user
where user_name = $user_name
