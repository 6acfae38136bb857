-- Register a unit's public key (an admin trusted it on receiving the unit's first return).
insert into return_trusted_key (institution_id, key_id, public_key, registered_at, registered_by)
values ($institution_id, $key_id, $public_key, $registered_at, $registered_by)
