-- Every column of the user tables, in table order, for loading a backup into a schema built from
-- the project's own migrations (never from the backup).
-- columns: table_name, column_name
select table_name, column_name
from duckdb_columns()
where database_name = current_database() and schema_name = 'main' and not internal
order by table_name, column_index
