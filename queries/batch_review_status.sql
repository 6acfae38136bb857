-- The review status of a batch (no row: applied at once, never reviewed).
-- columns: status
select status from batch_review where batch_id = $batch_id
