insert into sign_in_throttle (user_name, client, failures, last_failure_at, locked_until)
values ($user_name, $client, $failures, $last_failure_at, $locked_until)
on conflict (user_name, client) do update set
    failures = excluded.failures,
    last_failure_at = excluded.last_failure_at,
    locked_until = excluded.locked_until
