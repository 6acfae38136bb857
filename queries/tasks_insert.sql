-- columns: task_id
insert into key_task (institution_id, year, position, group_title, item_number, sentence, status, status_note,
                      status_date, source, batch_id)
values ($institution_id, $year, $position, $group_title, $item_number, $sentence, $status, $status_note,
        $status_date, $source, $batch_id)
returning task_id
