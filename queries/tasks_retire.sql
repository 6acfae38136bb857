-- Retire one current key task version (an edit replaces it, a new report's plan may remove it).
-- columns: task_id
update key_task
set retired_by_batch = $batch_id
where task_id = $task_id and institution_id = $institution_id and retired_by_batch is null
returning task_id
