-- Every batch, newest first, with the institution it wrote to and, when it went through review, its review state.
-- columns: batch_id, kind, institution, file_name, file_sha256, file_size, user_name, created_at, inserted, updated, unchanged, skipped, note, is_demo, rolls_back, rolled_back_by, review_status
select
    b.batch_id,
    b.kind,
    i.name as institution,
    b.file_name,
    b.file_sha256,
    b.file_size,
    b.user_name,
    b.created_at,
    b.inserted,
    b.updated,
    b.unchanged,
    b.skipped,
    b.note,
    b.is_demo,
    b.rolls_back,
    b.rolled_back_by,
    r.status as review_status
from batch as b
left join institution as i using (institution_id)
left join batch_review as r using (batch_id)
order by b.batch_id desc
