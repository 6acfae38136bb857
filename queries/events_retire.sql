-- Remove one event (it is retired, so a rollback brings it back).
-- columns: event_id
update timeline_event
set retired_by_batch = $batch_id
where event_id = $event_id and institution_id = $institution_id and retired_by_batch is null
returning event_id
