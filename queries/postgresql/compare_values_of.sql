-- PostgreSQL only: the values of several institutions that the comparison of `metrics` for a period
-- of `year` reads, in one read of the comparison's materialized view (migration 0020), in
-- metric_values' order per institution (museum.compare.sources splits them):
-- - the compared metrics' rows of `year` and the year before (同比, 环比, target actuals);
-- - the staff counts (`staff`) of every year up to `year` (per staff: the latest reported);
-- - of `year`, its latest month's row and one whole-year row, whatever their metric: 序时进度 of a
--   past year (museum.targets.scoring.time_progress) asks only whether the year has a whole-year
--   figure and which month is its latest.
-- month_key orders as `month nulls first`.
-- columns: institution_id, metric_id, year, month, value, qualifier, note, sentence, batch_id, from_records, platforms, batch_kind, batch_file, batch_user, batch_time, is_demo
with

compared as (
    select *
    from compare_values
    where institution_id = any($ids) and year <= $year
      and ((year >= $year - 1 and metric_id = any($metrics)) or metric_id = $staff)
),

progress as (
    select distinct on (institution_id, month is null) *
    from compare_values
    where institution_id = any($ids) and year = $year
    order by institution_id, month is null, month desc, metric_id
)

select
    institution_id, metric_id, year, month, value, qualifier, note, sentence, batch_id, from_records, platforms,
    batch_kind, batch_file, batch_user, batch_time, is_demo
from (select * from compared union select * from progress) as chosen
order by institution_id, metric_id, year, month_key
