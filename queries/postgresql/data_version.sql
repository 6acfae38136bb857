-- PostgreSQL only: the data version every dashboard process checks before trusting its cache
-- (museum.store.db.data_version); it moves with every committed write (migration 0019).
-- columns: version
select last_value as version from data_version_seq
