-- Client addresses locked at $now, for `users unlock --list`.
-- columns: client, failures, locked_until
select client, failures, locked_until
from sign_in_client
where locked_until > $now
order by client
