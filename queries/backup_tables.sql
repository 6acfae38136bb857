-- The user tables of the database, for a backup's manifest.
-- columns: table_name
select table_name
from duckdb_tables()
where database_name = current_database() and schema_name = 'main' and not temporary
order by table_name
