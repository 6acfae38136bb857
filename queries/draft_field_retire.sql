-- Retire the current text of one field of one year's draft (a new text replaces it).
-- columns: year
update draft_field
set retired_by_batch = $batch_id
where institution_id = $institution_id and year = $year and field = $field and retired_by_batch is null
returning year
