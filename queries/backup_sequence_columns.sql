-- The columns whose default draws from a sequence (nextval('name')), to continue past their largest value.
-- columns: table_name, column_name, sequence_name
select table_name, column_name, regexp_extract(column_default, 'nextval\(''([a-z0-9_]+)''\)', 1) as sequence_name
from duckdb_columns()
where database_name = current_database() and schema_name = 'main' and column_default like 'nextval(%'
order by table_name, column_name
