-- columns: target_id
insert into target (institution_id, year, position, level1, level2, indicator, operator, target_value, target_text,
                    unit, weight, metric_id, actual_value, actual_qualifier, actual_text, actual_score, actual_note,
                    deviation, batch_id)
values ($institution_id, $year, $position, $level1, $level2, $indicator, $operator, $target_value, $target_text,
        $unit, $weight, $metric_id, $actual_value, $actual_qualifier, $actual_text, $actual_score, $actual_note,
        $deviation, $batch_id)
returning target_id
