-- Retire the current aliases of the columns a staged mapping (relation `frame`) sets anew.
update column_alias as a
set retired_by_batch = $batch_id
from frame as f
where a.institution_id = $institution_id
  and a.retired_by_batch is null
  and a.column_text = f.column_text
