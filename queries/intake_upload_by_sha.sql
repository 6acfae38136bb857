-- The live (not rolled back) upload batch that already holds a file with this SHA-256, if any.
-- columns: batch_id
select batch_id
from batch
where kind = 'upload'
  and file_sha256 = $sha256
  and rolled_back_by is null
order by batch_id
limit 1
