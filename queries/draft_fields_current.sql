-- The editor's current text of each field of an institution's report drafts.
-- columns: year, field, text, batch_id
select year, field, text, batch_id
from draft_field
where institution_id = $institution_id and retired_by_batch is null
order by year, field
