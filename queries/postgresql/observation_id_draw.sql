-- Draw $count new observation ids from the column's own sequence in one statement: the smallest
-- and the largest (PostgreSQL: generate_series for DuckDB's range, and the subquery needs a name).
-- columns: first_id, last_id
select min(id) as first_id, max(id) as last_id
from (select nextval('observation_id_seq') as id from generate_series(1, $count::bigint)) as drawn
