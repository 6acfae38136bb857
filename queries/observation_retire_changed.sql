-- Retire the current rows that a staged value (relation `frame`) replaces with something different.
update observation as o
set retired_by_batch = $batch_id
from frame as f
where o.institution_id = $institution_id
  and o.retired_by_batch is null
  and o.metric_id = f.metric_id
  and o.year = f.year
  and o.month is not distinct from f.month
  and o.platform is not distinct from f.platform
  and (o.value <> f.value or o.qualifier <> f.qualifier
       or coalesce(o.note, '') <> coalesce(f.note, '')
       or coalesce(o.sentence, '') <> coalesce(f.sentence, ''))
