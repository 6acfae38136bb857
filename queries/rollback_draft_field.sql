-- Roll back batch $target: retire the draft texts it wrote, revive the ones it retired.
update draft_field
set retired_by_batch = case when batch_id = $target then $rollback_batch else null end
where (batch_id = $target and retired_by_batch is null)
   or retired_by_batch = $target
