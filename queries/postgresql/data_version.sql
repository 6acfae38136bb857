-- PostgreSQL only: what changes whenever the data may have (museum.store.db.data_version).
-- The server's WAL position moves with every committed write of the cluster: a conservative
-- version (a write to another database also invalidates caches) until the data-version row.
-- columns: version
select pg_current_wal_lsn()::text as version
