-- Every batch, newest first, with the institution it wrote to.
-- columns: batch_id, kind, institution, file_name, file_sha256, file_size, user_name, created_at, inserted, updated, unchanged, skipped, note, is_demo, rolls_back, rolled_back_by
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
    b.rolled_back_by
from batch as b
left join institution as i using (institution_id)
order by b.batch_id desc
