-- Every account with its sign-in lock, if any (never the password hash): the most failures and the
-- latest lock over the client addresses it was tried from.
-- columns: user_name, role, created_at, disabled, failures, locked_until
select
    u.user_name,
    u.role,
    u.created_at,
    u.disabled,
    coalesce(t.failures, 0) as failures,
    t.locked_until
from app_user as u
left join (
    select user_name, max(failures) as failures, max(locked_until) as locked_until
    from sign_in_throttle
    group by user_name
) as t using (user_name)
order by u.user_name
