select * from batch where batch_id = $batch_id
