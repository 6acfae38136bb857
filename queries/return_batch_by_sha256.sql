-- The active (not rolled back) return batch that already holds these exact package bytes.
-- columns: batch_id
select batch_id
from batch
where file_sha256 = $sha256
  and kind = 'return'
  and rolled_back_by is null
order by batch_id
limit 1
