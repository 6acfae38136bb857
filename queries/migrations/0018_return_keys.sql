-- 0018_return_keys: the keys that sign and verify returns between installs (报送包, issue 24).
--
-- return_signing_key: on a unit's install, one Ed25519 key pair per institution that sends
-- returns; the private key never leaves this table (a package carries the public key only).
-- return_trusted_key: on the sponsor's install, the public key registered for each unit (one per
-- unit; a package signed by another key is refused). Neither is versioned by batches: a key is
-- not a figure, and rolling a return back must not make its unit's key unknown again.
create table return_signing_key (
    institution_id  integer primary key references institution (institution_id),
    key_id          varchar not null,
    private_key     blob not null,
    public_key      blob not null,
    created_at      timestamp not null,
    created_by      varchar not null
);

create table return_trusted_key (
    institution_id  integer primary key references institution (institution_id),
    key_id          varchar not null,
    public_key      blob not null,
    registered_at   timestamp not null,
    registered_by   varchar not null
);
