-- Whether the database has been initialised (its migrations table exists), in the connection's schema.
-- columns: count_star()
select count(*) as "count_star()"
from information_schema.tables
where table_schema = current_schema() and table_name = 'schema_migrations'
