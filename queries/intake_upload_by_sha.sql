-- The live (not rolled back, not rejected in review) upload batch of this institution that already holds a
-- file with this SHA-256, if any; a batch pending review counts (the same file is not submitted twice). Another
-- unit's batch of the same bytes is no duplicate: the file is that unit's, not this one's.
-- columns: batch_id
select batch_id
from batch
where kind = 'upload'
  and file_sha256 = $sha256
  and institution_id = $institution_id
  and rolled_back_by is null
  and batch_id not in (select batch_id from batch_review where status = 'rejected')
order by batch_id
limit 1
