-- What one batch did to the stored values: each value it wrote, and the value it replaced (or
-- brought back, for a rollback), so a person can see a batch before rolling it back.
-- columns: metric_id, year, month, platform, old_value, old_qualifier, new_value, new_qualifier, still_current
with

written as (
    select institution_id, metric_id, year, month, platform, value, qualifier, retired_by_batch
    from observation
    where batch_id = $batch_id
),

replaced as (
    select institution_id, metric_id, year, month, platform, value, qualifier
    from observation
    where retired_by_batch = $batch_id
),

final as (
    select
        coalesce(w.metric_id, r.metric_id) as metric_id,
        coalesce(w.year, r.year) as year,
        coalesce(w.month, r.month) as month,
        coalesce(w.platform, r.platform) as platform,
        r.value as old_value,
        r.qualifier as old_qualifier,
        w.value as new_value,
        w.qualifier as new_qualifier,
        w.metric_id is not null and w.retired_by_batch is null as still_current
    from written as w
    full outer join replaced as r
        on r.institution_id = w.institution_id
        and r.metric_id = w.metric_id
        and r.year = w.year
        and r.month is not distinct from w.month
        and r.platform is not distinct from w.platform
)

select * from final
order by metric_id, year, month nulls first, platform nulls first
