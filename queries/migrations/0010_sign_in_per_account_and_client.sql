-- 0010_sign_in_per_account_and_client: failed sign-ins on an account are counted per client address,
-- so that a stranger guessing from one address locks the account for that address only, never for
-- its owner elsewhere. `client` is '' when the address is unknown. Counts carry over as ''.
create table sign_in_throttle_by_client (
    user_name       varchar not null,
    client          varchar not null default '',
    failures        integer not null default 0,
    last_failure_at timestamp,
    locked_until    timestamp,
    primary key (user_name, client)
);
insert into sign_in_throttle_by_client (user_name, client, failures, last_failure_at, locked_until)
select user_name, '', failures, last_failure_at, locked_until from sign_in_throttle;
drop table sign_in_throttle;
alter table sign_in_throttle_by_client rename to sign_in_throttle;
