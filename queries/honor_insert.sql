insert into honor (institution_id, year, title, subject, awarded_by, level, sentence, batch_id)
values ($institution_id, $year, $title, $subject, $awarded_by, $level, $sentence, $batch_id)
