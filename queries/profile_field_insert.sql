insert into profile_field (institution_id, year, field, value, sentence, batch_id)
values ($institution_id, $year, $field, $value, $sentence, $batch_id)
