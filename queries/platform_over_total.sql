-- Months where the platforms of a metric add up to more than the matrix total (platform null),
-- beyond rounding: the staged values (relation `frame`) in place of the stored ones they replace.
with

stored as (
    select metric_id, year, month, platform, value from observation
    where institution_id = $institution_id and retired_by_batch is null
),

staged as (
    select metric_id::varchar as metric_id, year, month, platform, value from frame
),

current_values as (
    select * from staged
    union all
    select s.* from stored as s
    anti join staged as f
        on f.metric_id = s.metric_id and f.year = s.year and f.month is not distinct from s.month
        and f.platform is not distinct from s.platform
),

breakdown as (
    select metric_id, year, month, sum(value) as platforms_value
    from current_values
    where platform is not null and month is not null
    group by metric_id, year, month
),

totals as (
    select metric_id, year, month, value as total from current_values where platform is null and month is not null
),

touched as (
    select distinct metric_id, year, month from staged
),

final as (
    select b.metric_id, b.year, b.month, b.platforms_value, t.total
    from breakdown as b
    join totals as t using (metric_id, year, month)
    join touched using (metric_id, year, month)
    join metric as m using (metric_id)
    where m.kind = 'flow' and b.platforms_value > t.total + greatest(abs(t.total) * $tolerance, 0.5)
)

select * from final order by metric_id, year, month
