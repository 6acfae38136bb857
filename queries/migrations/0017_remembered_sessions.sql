-- 0017_remembered_sessions: a sign-in that survives a reload (issue 18 §13). The browser keeps a
-- signed token naming a row here; the row keeps only the SHA-256 of the token's random part, the
-- account and the credential version it signed in with, so that a stolen database gives no usable
-- token, and sign-out, a password or role change, removal or the lifetime end it.
create table app_session (
    session_hash        varchar primary key,
    user_name           varchar not null,
    credential_version  bigint not null,
    created_at          timestamp not null,
    expires_at          timestamp not null,
    revoked_at          timestamp
);
