-- Every current target of an institution, all years, in sheet order.
-- columns: target_id, year, position, level1, level2, indicator, operator, target_value, target_text, unit, weight, metric_id, actual_value, actual_qualifier, actual_text, actual_score, actual_note, deviation, batch_id
select
    target_id, year, position, level1, level2, indicator, operator, target_value, target_text, unit, weight,
    metric_id, actual_value, actual_qualifier, actual_text, actual_score, actual_note, deviation, batch_id
from target
where institution_id = $institution_id and retired_by_batch is null
order by year, position, target_id
