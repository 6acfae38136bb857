-- Draw $count new observation ids from the column's own sequence in one statement (the sequence
-- as the insert's column default would run the whole insert on one thread): the smallest and
-- the largest. They are the whole range unless another writer drew from it at the same moment.
-- columns: first_id, last_id
select min(id) as first_id, max(id) as last_id
from (select nextval('observation_id_seq') as id from range($count))
