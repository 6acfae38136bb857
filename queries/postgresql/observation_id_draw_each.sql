-- Draw $count new observation ids one by one, in ascending order (PostgreSQL: generate_series).
-- columns: observation_id
select nextval('observation_id_seq') as observation_id
from generate_series(1, $count::bigint)
order by observation_id
