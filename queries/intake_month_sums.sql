-- Flow metrics and years touched by the staged values (relation `frame`) whose months (file
-- first, then stored) do not add up to the stated exact annual value: all twelve months summing
-- to something else, or fewer months already above it (beyond rounding: $tolerance of it, min 0.5).
with

stored as (
    select metric_id, year, month, value, qualifier from observation
    where institution_id = $institution_id and retired_by_batch is null
),

staged as (
    select metric_id::varchar as metric_id, year, month, value, qualifier::varchar as qualifier from frame
),

touched as (
    select distinct f.metric_id, f.year
    from staged as f
    join metric as m on m.metric_id = f.metric_id
    where m.kind = 'flow'
),

known as (
    select f.* from staged as f join touched using (metric_id, year)
    union all
    select s.* from stored as s join touched using (metric_id, year)
    where not exists (
        select 1 from staged as f
        where f.metric_id = s.metric_id and f.year = s.year and f.month is not distinct from s.month
    )
),

annual as (
    select metric_id, year, value from known where month is null and qualifier = 'exact'
),

monthly as (
    select metric_id, year, count(distinct month) as months, sum(value) as total
    from known where month is not null
    group by metric_id, year
),

final as (
    select m.metric_id, m.year, m.months, m.total, a.value as annual
    from monthly as m
    join annual as a using (metric_id, year)
    where (m.months = 12 and abs(m.total - a.value) > greatest(abs(a.value) * $tolerance, 0.5))
       or (m.months < 12 and m.total > a.value + greatest(abs(a.value) * $tolerance, 0.5))
)

select * from final order by metric_id, year
