-- Draw $count new observation ids one by one, in ascending order: for the rare draw that
-- observation_id_draw found shared with another writer (its range then has gaps).
-- columns: observation_id
select nextval('observation_id_seq') as observation_id
from range($count)
order by observation_id
