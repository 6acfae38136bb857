-- A pending batch approved or rejected; a batch decided already is left as it is (0 rows).
update batch_review
set status = $status, decided_by = $decided_by, decided_at = $decided_at, reason = $reason
where batch_id = $batch_id and status = 'pending'
