-- PostgreSQL only: wait for the session-level advisory lock named $name (museum.store.db.serialised),
-- so that processes sharing one database take turns at a step (start-up's migrations, sign-in counts).
-- The wait is bounded by the connection's lock_timeout (MUSEUM_DB_WAIT_SECONDS).
-- columns: locked
select pg_advisory_lock(hashtext('museum:' || $name)) is not null as locked
