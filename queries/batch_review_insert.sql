insert into batch_review (batch_id, institution_id, status, submitted_by, submitted_at, proposal)
values ($batch_id, $institution_id, 'pending', $submitted_by, $submitted_at, $proposal)
