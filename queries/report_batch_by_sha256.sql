-- The active (not rolled back, not rejected in review) report or seed batch that already holds these exact bytes;
-- a report pending review counts (the same file is not submitted twice).
-- columns: batch_id
select batch_id
from batch
where file_sha256 = $sha256
  and kind in ('report', 'seed')
  and rolled_back_by is null
  and batch_id not in (select batch_id from batch_review where status = 'rejected')
order by batch_id
limit 1
