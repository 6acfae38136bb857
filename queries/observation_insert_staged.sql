-- Insert the staged values (relation `frame`, with the ids drawn for it by observation_id_draw)
-- that have no identical current row.
insert into observation (observation_id, institution_id, metric_id, year, month, platform, value, qualifier, note, sentence, batch_id)
select f.observation_id, $institution_id, f.metric_id, f.year, f.month, f.platform, f.value, f.qualifier, f.note, f.sentence, $batch_id
from frame as f
where not exists (
    select 1 from observation as o
    where o.institution_id = $institution_id
      and o.retired_by_batch is null
      and o.metric_id = f.metric_id
      and o.year = f.year
      and o.month is not distinct from f.month
      and o.platform is not distinct from f.platform
)
