-- Every current timeline event of an institution, in date order.
-- columns: event_id, start_date, end_date, label, kind, note, batch_id
select event_id, start_date, end_date, label, kind, note, batch_id
from timeline_event
where institution_id = $institution_id and retired_by_batch is null
order by start_date, end_date, event_id
