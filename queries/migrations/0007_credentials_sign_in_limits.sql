-- 0007_credentials_sign_in_limits: a credential version per account, sign-in limits per client
-- address, and no text typed into a failed sign-in on an unknown name kept anywhere.

-- Changes to a new random value whenever the account's password, role or disabled flag changes and
-- at every restore; a signed-in session keeps the value it signed in with and ends when it differs
-- (museum.access.auth.session_end_reason). Accounts created before this migration start at 0.
alter table app_user add column credential_version bigint not null default 0;

-- Failed sign-ins per client address (the connection's, or the trusted proxy's header), whatever
-- names were tried, so that guessing across many names is limited too.
create table sign_in_client (
    client          varchar primary key,
    failures        integer not null default 0,
    last_failure_at timestamp,
    locked_until    timestamp
);

-- A per-database random salt: failed sign-ins on names that are not accounts are counted and
-- audited under "unknown:" + 12 hex digits of HMAC-SHA256(salt, name), never the typed text.
create table app_secret (
    name            varchar primary key,
    value           varchar not null
);
insert into app_secret (name, value)
values ('sign_in_salt', md5(gen_random_uuid()::varchar) || md5(gen_random_uuid()::varchar));

-- Until now the text typed as the name of a failed sign-in was kept verbatim (sometimes a password
-- typed into the wrong field, sometimes a megabyte of it): forget it where it named no account.
delete from sign_in_throttle where user_name not in (select user_name from app_user);
update audit set user_name = 'unknown'
where action = 'sign_in_failed'
  and user_name not in (select user_name from app_user)
  and user_name not in (select user_name from audit where action = 'sign_in_ok');
