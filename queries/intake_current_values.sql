-- The current stored values of an institution (for warnings: jumps against last year, month sums).
select metric_id, year, month, value, qualifier
from observation
where institution_id = $institution_id
  and retired_by_batch is null
