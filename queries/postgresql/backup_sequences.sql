-- Each sequence and the last value it gave out (null before its first use); PostgreSQL's catalog.
-- columns: sequence_name, start_value, last_value
select sequencename::varchar as sequence_name, start_value, last_value
from pg_sequences
where schemaname = current_schema()
order by sequencename
