-- The active (not rolled back) report or seed batch that already holds these exact bytes.
-- columns: batch_id
select batch_id
from batch
where file_sha256 = $sha256
  and kind in ('report', 'seed')
  and rolled_back_by is null
order by batch_id
limit 1
