-- Each sequence and the last value it gave out (null before its first use).
-- columns: sequence_name, start_value, last_value
select sequence_name, start_value, last_value
from duckdb_sequences()
where database_name = current_database() and schema_name = 'main' and not temporary
order by sequence_name
