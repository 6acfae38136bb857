-- Retire the current daily rows that a staged export (relation `daily`) holds again.
update platform_daily as p
set retired_by_batch = $batch_id
from daily as n
where p.institution_id = $institution_id
  and p.platform = $platform
  and p.retired_by_batch is null
  and p.day = n.day::date
  and p.channel = n.channel
  and p.measure = n.measure
