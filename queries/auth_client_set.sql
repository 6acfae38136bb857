insert into sign_in_client (client, failures, last_failure_at, locked_until)
values ($client, $failures, $last_failure_at, $locked_until)
on conflict (client) do update set
    failures = excluded.failures,
    last_failure_at = excluded.last_failure_at,
    locked_until = excluded.locked_until
