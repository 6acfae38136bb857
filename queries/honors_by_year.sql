-- columns: year, title, subject, awarded_by, level, sentence, batch_id
select year, title, subject, awarded_by, level, sentence, batch_id
from honor
where institution_id = $institution_id and retired_by_batch is null
order by year, honor_id
