-- The user tables of the database (PostgreSQL: its schema's tables, from the catalog).
-- columns: table_name
select table_name::varchar as table_name
from information_schema.tables
where table_schema = current_schema() and table_type = 'BASE TABLE'
order by table_name
