-- The key pair this install signs an institution's returns with (none until its first package).
-- columns: key_id, private_key, public_key
select key_id, private_key, public_key
from return_signing_key
where institution_id = $institution_id
