-- The failures of one account name from one client address ('' when unknown).
-- columns: failures, last_failure_at, locked_until
select failures, last_failure_at, locked_until
from sign_in_throttle
where user_name = $user_name
  and client = $client
