-- Every account with its sign-in lock, if any (never the password hash).
-- columns: user_name, role, created_at, disabled, failures, locked_until
select
    u.user_name,
    u.role,
    u.created_at,
    u.disabled,
    coalesce(t.failures, 0) as failures,
    t.locked_until
from app_user as u
left join sign_in_throttle as t using (user_name)
order by u.user_name
