-- Remember a staged mapping (relation `frame`: column_text, metric_id) for an institution.
insert into column_alias (institution_id, column_text, metric_id, batch_id)
select $institution_id, column_text, metric_id, $batch_id from frame
