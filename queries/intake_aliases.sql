-- The column aliases an institution has remembered (column text -> metric id, '' = ignore).
-- columns: column_text, metric_id
select column_text, metric_id
from column_alias
where institution_id = $institution_id and retired_by_batch is null
order by column_text
