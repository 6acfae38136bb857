-- See auth_throttle_forget_stale: the same for client addresses.
delete from sign_in_client
where last_failure_at < $before
  and (locked_until is null or locked_until < $now)
