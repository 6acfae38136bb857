-- Later batches that replaced rows written by batch $target: rolling it back would undo them too.
-- columns: later_batch
with

written_then_retired as (
    select retired_by_batch as later_batch from observation where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from award where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from honor where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from research where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from profile_field where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from target where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from budget_figure where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from key_task where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from timeline_event where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from platform_item where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from platform_daily where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from column_alias where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from draft_field where batch_id = $target and retired_by_batch is not null
    union all
    select retired_by_batch from volunteer_record where batch_id = $target and retired_by_batch is not null
),

final as (
    select distinct later_batch from written_then_retired order by later_batch
)

select * from final
