-- New budget figures of a year replace the current ones.
update budget_figure
set retired_by_batch = $batch_id
where institution_id = $institution_id and year = $year and retired_by_batch is null
