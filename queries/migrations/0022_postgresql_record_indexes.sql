-- 0022_postgresql_record_indexes: nothing on DuckDB.
--
-- On PostgreSQL (queries/migrations/postgresql/0022_postgresql_record_indexes.sql) each record
-- table gets an index of its current rows by unit. DuckDB skips row groups by their min/max and
-- needs none; PostgreSQL without them scans a national table for one unit's awards or targets
-- (bench/scale.py: 6-16x DuckDB's time per frame, 1-2x with them). The number is shared so that
-- both engines count their migrations alike.
select 1
