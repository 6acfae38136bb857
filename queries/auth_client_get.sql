-- columns: failures, last_failure_at, locked_until
select failures, last_failure_at, locked_until
from sign_in_client
where client = $client
