-- columns: year, competition, level, grade, count, sentence, batch_id
select year, competition, level, grade, count, sentence, batch_id
from award
where institution_id = $institution_id and retired_by_batch is null
order by year, case level when 'national' then 1 when 'provincial' then 2 else 3 end,
         case grade when 'first' then 1 when 'second' then 2 when 'third' then 3 else 4 end
