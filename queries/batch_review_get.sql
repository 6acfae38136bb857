-- One reviewed batch with its kind and file.
-- columns: batch_id, institution_id, status, submitted_by, submitted_at, proposal, decided_by, decided_at, reason, kind, file_name, file_sha256, note
select r.batch_id, r.institution_id, r.status, r.submitted_by, r.submitted_at, r.proposal, r.decided_by, r.decided_at,
       r.reason, b.kind, b.file_name, b.file_sha256, b.note
from batch_review as r
join batch as b using (batch_id)
where r.batch_id = $batch_id
