-- The current volunteer records of an institution (services and roster members).
-- columns: kind, person, service_day, activity, team, hours, registered
select kind, person, service_day, activity, team, hours, registered
from volunteer_record
where institution_id = $institution_id and retired_by_batch is null
order by kind, person, service_day, activity
