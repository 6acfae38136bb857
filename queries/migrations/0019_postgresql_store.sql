-- 0019_postgresql_store: nothing on DuckDB.
--
-- On PostgreSQL (queries/migrations/postgresql/0019_postgresql_store.sql) this adds the unique
-- key of current values that DuckDB cannot express (it has no partial indexes; there
-- museum.store.batches keeps the rule by retiring before it inserts), and the few DuckDB
-- functions the named queries call. The number is shared so that both engines count their
-- migrations alike.
select 1
