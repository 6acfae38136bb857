-- How many current values in a return's period the return (relation `frame`) no longer holds
-- (what its commit retires; see return_observation_retire_absent).
-- columns: absent
select count(*) as absent
from observation as o
where o.institution_id = $institution_id
  and o.retired_by_batch is null
  and o.year = $year
  and ((o.month between $first and $last) or (o.month is null and $whole_year))
  and not exists (
      select 1 from frame as f
      where f.metric_id = o.metric_id and f.year = o.year
        and f.month is not distinct from o.month and f.platform is not distinct from o.platform
  )
