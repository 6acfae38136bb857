-- Forget counts that no longer matter (older than the lock period and not locked), so that guessing
-- from many addresses or on names that are no account cannot grow this table without end.
delete from sign_in_throttle
where last_failure_at < $before
  and (locked_until is null or locked_until < $now)
