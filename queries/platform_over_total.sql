-- Months where the platforms of a metric add up to more than the matrix total (platform null),
-- beyond rounding: the staged values (relation `frame`) in place of the stored ones they replace,
-- for the (metric, year, month) the staged values touch.
-- columns: metric_id, year, month, platforms_value, total
with

staged as (
    select metric_id::varchar as metric_id, year, month, platform, value from frame where month is not null
),

touched as (
    select distinct metric_id, year, month from staged
),

stored as (
    select o.metric_id, o.year, o.month, o.platform, o.value
    from observation as o
    semi join touched as t on t.metric_id = o.metric_id and t.year = o.year and t.month = o.month
    where o.institution_id = $institution_id and o.retired_by_batch is null
),

current_values as (
    select * from staged
    union all
    select s.* from stored as s
    anti join staged as f
        on f.metric_id = s.metric_id and f.year = s.year and f.month = s.month
        and f.platform is not distinct from s.platform
),

breakdown as (
    select metric_id, year, month, sum(value) as platforms_value
    from current_values
    where platform is not null
    group by metric_id, year, month
),

totals as (
    select metric_id, year, month, value as total from current_values where platform is null
),

final as (
    select b.metric_id, b.year, b.month, b.platforms_value, t.total
    from breakdown as b
    join totals as t using (metric_id, year, month)
    join metric as m using (metric_id)
    where m.kind = 'flow' and b.platforms_value > t.total + greatest(abs(t.total) * $tolerance, 0.5)
)

select * from final order by metric_id, year, month
