-- The live (not rolled back, not rejected in review) upload batch that already holds a file with this SHA-256,
-- if any; a batch pending review counts (the same file is not submitted twice).
-- columns: batch_id
select batch_id
from batch
where kind = 'upload'
  and file_sha256 = $sha256
  and rolled_back_by is null
  and batch_id not in (select batch_id from batch_review where status = 'rejected')
order by batch_id
limit 1
