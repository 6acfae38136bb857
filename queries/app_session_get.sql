-- A remembered session with the account it belongs to (none when the account is gone).
-- columns: user_name, credential_version, expires_at, revoked_at, role, disabled, current_version
select s.user_name, s.credential_version, s.expires_at, s.revoked_at, u.role, u.disabled,
       u.credential_version as current_version
from app_session as s
join app_user as u using (user_name)
where s.session_hash = $session_hash
