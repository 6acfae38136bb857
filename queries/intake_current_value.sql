-- The current value of one (metric, year, month) of an institution (manual correction form).
-- columns: value, qualifier, note, batch_id
select value, qualifier, note, batch_id
from observation
where institution_id = $institution_id
  and retired_by_batch is null
  and platform is null
  and metric_id = $metric_id
  and year = $year
  and month is not distinct from $month
