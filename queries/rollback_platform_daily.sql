-- Roll back batch $target: retire the daily platform rows it wrote, revive the ones it retired.
update platform_daily
set retired_by_batch = case when batch_id = $target then $rollback_batch else null end
where (batch_id = $target and retired_by_batch is null)
   or retired_by_batch = $target
