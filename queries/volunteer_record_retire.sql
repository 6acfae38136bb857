-- Retire the current volunteer records that a staged export (relation `records`) holds again:
-- a service by person, day and activity; a member by person.
update volunteer_record as v
set retired_by_batch = $batch_id
from records as n
where v.institution_id = $institution_id
  and v.retired_by_batch is null
  and v.kind = n.kind
  and v.person = n.person
  and v.service_day is not distinct from n.service_day
  and v.activity is not distinct from n.activity
