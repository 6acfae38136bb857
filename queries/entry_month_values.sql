-- The current whole-matrix monthly values of one month (platform total where one exists, else the sum of the
-- platforms), for the typed-entry grid's 上月, 上年同月 and 当前值 columns.
-- columns: metric_id, value, qualifier
with

current_month as (
    select metric_id, platform, value, qualifier
    from observation
    where institution_id = $institution_id and retired_by_batch is null and year = $year and month = $month
),

totals as (
    select metric_id, value, qualifier from current_month where platform is null
),

summed as (
    select metric_id, sum(value) as value, 'exact' as qualifier
    from current_month
    where platform is not null and metric_id not in (select metric_id from totals)
    group by metric_id
),

final as (
    select * from totals
    union all
    select * from summed
)

select * from final order by metric_id
