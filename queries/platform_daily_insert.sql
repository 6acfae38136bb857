-- Write the staged export's daily rows (relation `daily`).
insert into platform_daily (institution_id, platform, source_format, day, channel, measure, value, batch_id)
select $institution_id, $platform, $source_format, day::date, channel, measure, value, $batch_id
from daily
