-- columns: batch_id, kind, institution_id, file_name, file_sha256, file_size, user_name, created_at, inserted, updated, unchanged, skipped, note, is_demo, rolls_back, rolled_back_by
select * from batch where batch_id = $batch_id
