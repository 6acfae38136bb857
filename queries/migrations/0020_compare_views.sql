-- 0020_compare_views: nothing on DuckDB.
--
-- On PostgreSQL (queries/migrations/postgresql/0020_compare_views.sql) this adds the materialized
-- view the comparison (单位对比) reads every chosen unit's values from in one query, and the row
-- that says when it was last refreshed (museum.store.views). DuckDB's comparison reads each unit's
-- values as its own pages do. The number is shared so that both engines count their migrations alike.
select 1
