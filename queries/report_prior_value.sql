-- The current annual value of one metric of an institution in one year (null when none).
-- columns: value
select value
from observation
where institution_id = $institution_id
  and metric_id = $metric_id
  and year = $year
  and month is null
  and retired_by_batch is null
  and platform is null
