-- A batch that states the research records of a year replaces all current ones of that year.
update research
set retired_by_batch = $batch_id
where institution_id = $institution_id and year = $year and retired_by_batch is null
