-- Staged values (relation `frame`, with its file `row`) more than $factor times above or below
-- the same metric and month a year earlier; the earlier value comes from the file itself
-- (`prior_in_file`, found by museum.intake.checks.prior_in_file), else from the stored current
-- values. Ratios are compared in points elsewhere and are left out.
-- columns: row, metric_id, year, month, value, prior_value
with

stored as (
    select metric_id, year, month, value from observation
    where institution_id = $institution_id and retired_by_batch is null and platform is null
),

staged as (
    select metric_id::varchar as metric_id, year, month, value, prior_in_file, row from frame
    where value > 0
),

paired as (
    select f.row, f.metric_id, f.year, f.month, f.value, coalesce(f.prior_in_file, s.value) as prior_value
    from staged as f
    left join stored as s
        on s.metric_id = f.metric_id and s.year = f.year - 1 and s.month is not distinct from f.month
),

final as (
    select paired.*
    from paired
    join metric as m using (metric_id)
    where m.kind <> 'ratio'
      and paired.prior_value > 0
      and (paired.value > paired.prior_value * $factor or paired.value * $factor < paired.prior_value)
)

select * from final order by row
