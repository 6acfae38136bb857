-- Insert every staged value (relation `frame`, with the ids drawn for it by observation_id_draw):
-- for when the comparison found none unchanged, so that (after the changed ones are retired) no
-- staged key has a current row left.
insert into observation (observation_id, institution_id, metric_id, year, month, platform, value, qualifier, note, sentence, batch_id)
select f.observation_id, $institution_id, f.metric_id, f.year, f.month, f.platform, f.value, f.qualifier, f.note, f.sentence, $batch_id
from frame as f
