insert into sign_in_throttle (user_name, failures, last_failure_at, locked_until)
values ($user_name, $failures, $last_failure_at, $locked_until)
on conflict (user_name) do update set
    failures = excluded.failures,
    last_failure_at = excluded.last_failure_at,
    locked_until = excluded.locked_until
