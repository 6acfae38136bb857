-- PostgreSQL only: row-level security on every table with an institution_id that lacks it (after
-- each migration from 0021 on; see queries/migrations/postgresql/0021_row_security.sql).
-- columns: added
select row_security_track() as added
