insert into research (institution_id, year, item_type, role, stage, description, count, sentence, batch_id)
values ($institution_id, $year, $item_type, $role, $stage, $description, $count, $sentence, $batch_id)
