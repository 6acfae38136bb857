-- A return replaces exactly the (metric, year, month, platform) keys of its period: retire the
-- current values in the period that the return (relation `frame`) no longer holds.
-- columns: observation_id
update observation as o
set retired_by_batch = $batch_id
where o.institution_id = $institution_id
  and o.retired_by_batch is null
  and o.year = $year
  and ((o.month between $first and $last) or (o.month is null and $whole_year))
  and not exists (
      select 1 from frame as f
      where f.metric_id = o.metric_id and f.year = o.year
        and f.month is not distinct from o.month and f.platform is not distinct from o.platform
  )
returning o.observation_id
