update batch
set inserted = $inserted, updated = $updated, unchanged = $unchanged, skipped = $skipped
where batch_id = $batch_id
