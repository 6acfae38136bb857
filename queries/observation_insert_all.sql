-- Insert every staged value (relation `frame`): for when the comparison found none unchanged,
-- so that (after the changed ones are retired) no staged key has a current row left.
insert into observation (institution_id, metric_id, year, month, platform, value, qualifier, note, sentence, batch_id)
select $institution_id, f.metric_id, f.year, f.month, f.platform, f.value, f.qualifier, f.note, f.sentence, $batch_id
from frame as f
