-- PostgreSQL only: release the advisory lock taken by advisory_lock.sql on this connection.
-- columns: unlocked
select pg_advisory_unlock(hashtext('museum:' || $name)) as unlocked
