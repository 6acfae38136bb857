-- The public key registered for a unit's returns on this (the sponsor's) install, if any.
-- columns: key_id, public_key, registered_at, registered_by
select key_id, public_key, registered_at, registered_by
from return_trusted_key
where institution_id = $institution_id
