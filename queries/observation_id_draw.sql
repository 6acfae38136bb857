-- $count new observation ids, drawn from the column's own sequence in one statement, ascending.
-- (The sequence as the insert's column default would run the whole insert on one thread.)
-- columns: observation_id
select nextval('observation_id_seq') as observation_id
from range($count)
order by observation_id
