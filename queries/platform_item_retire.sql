-- Retire the current rows of the items that a staged export (relation `items`) holds again.
update platform_item as p
set retired_by_batch = $batch_id
from items as n
where p.institution_id = $institution_id
  and p.platform = $platform
  and p.retired_by_batch is null
  and p.item_key = n.item_key
  and p.channel is not distinct from n.channel
