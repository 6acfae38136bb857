-- PostgreSQL only: every current target of several institutions (targets_current for each, in one read).
-- columns: institution_id, target_id, year, position, level1, level2, indicator, operator, target_value, target_text, unit, weight, metric_id, actual_value, actual_qualifier, actual_text, actual_score, actual_note, deviation, batch_id
select
    institution_id, target_id, year, position, level1, level2, indicator, operator, target_value, target_text, unit,
    weight, metric_id, actual_value, actual_qualifier, actual_text, actual_score, actual_note, deviation, batch_id
from target
where institution_id = any($ids) and retired_by_batch is null
order by institution_id, year, position, target_id
