-- Forget counts that no longer matter (older than the lock period and not locked): names that are
-- no account and client addresses, so that anonymous guessing cannot grow these tables without end.
delete from sign_in_throttle
where user_name like 'unknown:%'
  and last_failure_at < $before
  and (locked_until is null or locked_until < $now)
