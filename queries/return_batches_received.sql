-- The active (not rolled back) returns received for one institution, with the note that names their
-- period and when the unit made them ("return:2025-Q1@2025-04-03T08:00:00Z").
-- columns: batch_id, note
select batch_id, note
from batch
where kind = 'return'
  and institution_id = $institution_id
  and rolled_back_by is null
  and note like 'return:%'
order by batch_id
