-- The live (not rolled back) target import of this year that already holds these exact bytes.
-- columns: batch_id
select batch_id
from batch
where kind = 'targets'
  and file_sha256 = $sha256
  and institution_id = $institution_id
  and note = $note
  and rolled_back_by is null
order by batch_id
limit 1
