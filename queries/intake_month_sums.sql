-- Flow metrics and years touched by the staged values (relation `frame`) whose months (file
-- first, then stored) do not add up to the stated exact annual value: all twelve months summing
-- to something else, or fewer months already above it (beyond rounding: $tolerance of it, min 0.5).
-- The annual values are found first (few); the staged months are read only for them, so a
-- million monthly values with no annual one cost one pass.
-- columns: metric_id, year, months, total, annual
with

stored as (
    select metric_id, year, month, value, qualifier from observation
    where institution_id = $institution_id and retired_by_batch is null and platform is null
),

staged_annual as (
    select metric_id::varchar as metric_id, year, value, qualifier::varchar as qualifier from frame where month is null
),

touched as (
    select distinct metric_id::varchar as metric_id, year from frame
),

annual_values as (
    select metric_id, year, value, qualifier from staged_annual
    union all
    select s.metric_id, s.year, s.value, s.qualifier
    from stored as s
    semi join touched as t on t.metric_id = s.metric_id and t.year = s.year
    anti join staged_annual as f on f.metric_id = s.metric_id and f.year = s.year
    where s.month is null
),

annual as (
    select a.metric_id, a.year, a.value
    from annual_values as a
    join metric as m using (metric_id)
    where m.kind = 'flow' and a.qualifier = 'exact'
),

staged_months as (
    select f.metric_id::varchar as metric_id, f.year, f.month, f.value
    from frame as f
    semi join annual as a on a.metric_id = f.metric_id::varchar and a.year = f.year
    where f.month is not null
),

months as (
    select metric_id, year, month, value from staged_months
    union all
    select s.metric_id, s.year, s.month, s.value from stored as s
    semi join annual as a on a.metric_id = s.metric_id and a.year = s.year
    anti join staged_months as f on f.metric_id = s.metric_id and f.year = s.year and f.month = s.month
    where s.month is not null
),

sums as (
    select metric_id, year, count(distinct month) as months, sum(value) as total
    from months
    group by metric_id, year
),

final as (
    select s.metric_id, s.year, s.months, s.total, a.value as annual
    from sums as s
    join annual as a using (metric_id, year)
    where (s.months = 12 and abs(s.total - a.value) > greatest(abs(a.value) * $tolerance, 0.5))
       or (s.months < 12 and s.total > a.value + greatest(abs(a.value) * $tolerance, 0.5))
)

select * from final order by metric_id, year
