-- columns: event_id
insert into timeline_event (institution_id, start_date, end_date, label, kind, note, batch_id)
values ($institution_id, $start_date, $end_date, $label, $kind, $note, $batch_id)
returning event_id
