-- Write the staged volunteer records (relation `records`).
insert into volunteer_record (institution_id, kind, person, service_day, activity, team, hours, registered, batch_id)
select $institution_id, kind, person, service_day, activity, team, hours, registered, $batch_id
from records
