-- 0003_accounts_audit: staff accounts, sign-in throttling and the audit trail.
--
-- Times are UTC (naive timestamps written by museum/access/auth.py and museum/store/audit.py), so that a lock
-- or an audit line means the same instant whatever the server's time zone.

-- One row per named member of staff. Only a bcrypt hash of the password is stored.
create table app_user (
    user_name       varchar primary key,
    role            varchar not null check (role in ('viewer', 'editor', 'admin')),
    password_hash   varchar not null,
    created_at      timestamp not null,
    disabled        boolean not null default false
);

-- Consecutive failed sign-ins per user name (known or not), kept in the database so that a
-- restart does not reset a lock.
create table sign_in_throttle (
    user_name       varchar primary key,
    failures        integer not null default 0,
    last_failure_at timestamp,
    locked_until    timestamp
);

-- Who did what and when. Rows are only ever added.
create sequence audit_id_seq start 1;
create table audit (
    audit_id        bigint primary key default nextval('audit_id_seq'),
    occurred_at     timestamp not null,
    user_name       varchar not null,
    action          varchar not null check (action in (
        'sign_in_ok', 'sign_in_failed', 'sign_out', 'upload_accepted', 'upload_rejected',
        'report_import', 'correction', 'rollback', 'export', 'account_change', 'backup', 'restore'
    )),
    detail          varchar,
    file_sha256     varchar
);
