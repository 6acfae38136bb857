-- The metrics an institution reports monthly: those with a current monthly value (any platform) in the
-- twelve months before the month typed ($first_key .. $last_key as year * 12 + month - 1).
-- columns: metric_id
select distinct metric_id
from observation
where institution_id = $institution_id and retired_by_batch is null and month is not null
  and year * 12 + month - 1 between $first_key and $last_key
order by metric_id
