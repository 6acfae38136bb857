-- Which table refers to which: a restore loads the referenced table first.
-- columns: table_name, referenced_table
select distinct table_name, referenced_table
from duckdb_constraints()
where database_name = current_database() and schema_name = 'main' and constraint_type = 'FOREIGN KEY'
order by table_name, referenced_table
