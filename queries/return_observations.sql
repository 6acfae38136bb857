-- The current values of one institution in a return's period: the months of the period (and the
-- year's annual values, month null, when the period is the whole year), every platform.
-- columns: metric_id, year, month, platform, value, qualifier, note, sentence
select metric_id, year, month, platform, value, qualifier, note, sentence
from observation
where institution_id = $institution_id and retired_by_batch is null
  and year = $year
  and ((month between $first and $last) or (month is null and $whole_year))
order by metric_id, month nulls first, platform nulls first
