-- columns: year, item_type, role, stage, description, count, sentence, batch_id
select year, item_type, role, stage, description, count, sentence, batch_id
from research
where institution_id = $institution_id and retired_by_batch is null
order by year, research_id
