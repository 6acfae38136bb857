-- Every current key task of an institution, all years, in order.
-- columns: task_id, year, position, group_title, item_number, sentence, status, status_note, status_date, source, batch_id
select task_id, year, position, group_title, item_number, sentence, status, status_note, status_date, source, batch_id
from key_task
where institution_id = $institution_id and retired_by_batch is null
order by year, position, task_id
