-- PostgreSQL only: the values of several institutions that the comparison of `metrics` for a period
-- of `year` reads, in one read of the comparison's materialized view (migration 0020), in
-- metric_values' order per institution (museum.compare.sources splits them):
-- - the compared metrics' rows of `year` and the year before (同比, 环比, target actuals);
-- - the staff counts (`staff`) of every year up to `year` (per staff: the latest reported);
-- - of `year`, of the other metrics its latest month's row and one whole-year row: 序时进度 of a
--   past year (museum.targets.scoring.time_progress) asks only whether the year has a whole-year
--   figure and which month is its latest.
-- month_key orders as `month nulls first`.
-- columns: institution_id, metric_id, year, month, value, qualifier, note, sentence, batch_id, from_records, platforms, batch_kind, batch_file, batch_user, batch_time, is_demo
with

-- per unit two index lookups (never one scan of the whole view: with a few hundred units the planner
-- would otherwise read every unit's ten years, measured at national size by bench/scale.py)
compared as (
    select found.*
    from unnest($ids) as unit (id)
    cross join lateral (
        select * from compare_values as v
        where v.institution_id = unit.id and v.year between $year - 1 and $year
          and v.metric_id = any($metrics) and v.metric_id <> $staff
        union all
        select * from compare_values as v
        where v.institution_id = unit.id and v.metric_id = $staff and v.year <= $year
    ) as found
),

-- of the other metrics' rows of the year, the latest month's and a whole-year one per unit, each an
-- index lookup (compare_values_year); with the compared metrics' own rows of the year in `compared`
-- they answer 序时进度's two questions as all the year's rows would
progress as (
    select last.*
    from unnest($ids) as unit (id)
    cross join lateral (
        select * from compare_values as v
        where v.institution_id = unit.id and v.year = $year and v.month_key > 0
          and v.metric_id <> all($metrics) and v.metric_id <> $staff
        order by v.month_key desc limit 1
    ) as last
    union all
    select whole.*
    from unnest($ids) as unit (id)
    cross join lateral (
        select * from compare_values as v
        where v.institution_id = unit.id and v.year = $year and v.month_key = 0
          and v.metric_id <> all($metrics) and v.metric_id <> $staff
        limit 1
    ) as whole
)

select
    institution_id, metric_id, year, month, value, qualifier, note, sentence, batch_id, from_records, platforms,
    batch_kind, batch_file, batch_user, batch_time, is_demo
from (select * from compared union all select * from progress) as chosen
order by institution_id, metric_id, year, month_key
