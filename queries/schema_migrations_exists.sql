-- Whether the database has been initialised (its migrations table exists).
-- columns: count_star()
select count(*)
from duckdb_tables()
where database_name = current_database() and schema_name = 'main' and table_name = 'schema_migrations'
