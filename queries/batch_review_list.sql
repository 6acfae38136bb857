-- Reviewed batches of one status (all institutions when $institution_id is null), oldest first.
-- columns: batch_id, institution_id, institution, status, submitted_by, submitted_at, proposal, decided_by, decided_at, reason, kind, file_name, note
select r.batch_id, r.institution_id, i.name as institution, r.status, r.submitted_by, r.submitted_at, r.proposal,
       r.decided_by, r.decided_at, r.reason, b.kind, b.file_name, b.note
from batch_review as r
join batch as b using (batch_id)
left join institution as i on i.institution_id = r.institution_id
where r.status = $status and ($institution_id is null or r.institution_id = $institution_id)
order by r.batch_id
