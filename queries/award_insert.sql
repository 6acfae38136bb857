insert into award (institution_id, year, competition, level, grade, count, sentence, batch_id)
values ($institution_id, $year, $competition, $level, $grade, $count, $sentence, $batch_id)
