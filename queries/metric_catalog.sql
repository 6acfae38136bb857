-- The catalog as the metric table holds it (compared with data/metrics.csv before writing).
-- columns: metric_id, name_zh, name_en, unit_zh, unit_en, kind, category, aliases, higher_is_better, non_negative, sort_order
select metric_id, name_zh, name_en, unit_zh, unit_en, kind, category, aliases, higher_is_better, non_negative, sort_order
from metric
order by metric_id
