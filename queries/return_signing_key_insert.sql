-- A new key pair for an institution's returns (made on its first package).
insert into return_signing_key (institution_id, key_id, private_key, public_key, created_at, created_by)
values ($institution_id, $key_id, $private_key, $public_key, $created_at, $created_by)
