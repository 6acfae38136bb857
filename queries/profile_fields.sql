-- columns: year, field, value, sentence, batch_id
select year, field, value, sentence, batch_id
from profile_field
where institution_id = $institution_id and retired_by_batch is null
order by year, field
