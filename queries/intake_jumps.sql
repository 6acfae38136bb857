-- Staged values (relation `frame`, with its file `row`) more than $factor times above or below
-- the same metric and month a year earlier; the earlier value comes from the file itself, else
-- from the stored current values. Ratios are compared in points elsewhere and are left out.
with

stored as (
    select metric_id, year, month, value from observation
    where institution_id = $institution_id and retired_by_batch is null
),

staged as (
    select metric_id::varchar as metric_id, year, month, value, row from frame
),

known as (
    select metric_id, year, month, value from staged
    union all
    select s.metric_id, s.year, s.month, s.value from stored as s
    where not exists (
        select 1 from staged as f
        where f.metric_id = s.metric_id and f.year = s.year and f.month is not distinct from s.month
    )
),

jumps as (
    select f.row, f.metric_id, f.year, f.month, f.value, k.value as prior_value
    from staged as f
    join known as k
        on k.metric_id = f.metric_id and k.year = f.year - 1 and k.month is not distinct from f.month
    join metric as m on m.metric_id = f.metric_id
    where m.kind <> 'ratio'
      and f.value > 0 and k.value > 0
      and (f.value > k.value * $factor or f.value * $factor < k.value)
),

final as (select * from jumps)

select * from final order by row
