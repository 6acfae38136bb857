-- 0021_row_security: nothing on DuckDB.
--
-- On PostgreSQL (queries/migrations/postgresql/0021_row_security.sql) this turns on row-level
-- security per institution for the writer role (issue 25, "Tenancy"): each transaction names the
-- unit it writes (museum.store.db.transaction(con, institution=…)), and the database refuses a
-- write of another unit's rows. A DuckDB file has one writer and no roles. The number is shared so
-- that both engines count their migrations alike.
select 1
