-- Staged values (relation `frame`) whose metric is not in the catalog table: observation keeps
-- no foreign-key index (see migration 0004), so the writing transaction checks this itself.
-- columns: metric_id
select distinct f.metric_id::varchar as metric_id
from frame as f
anti join metric as m on m.metric_id = f.metric_id::varchar
order by 1
