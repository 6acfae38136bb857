-- Every current stored observation of an institution (the CLI's `values`), optionally for one
-- year, one metric, one platform, or the matrix totals only ($totals_only), with its batch.
-- columns: metric_id, year, month, platform, value, qualifier, sentence, batch_id, kind, file_name, sort_order
with

current_values as (
    select * from observation
    where institution_id = $institution_id and retired_by_batch is null
      and ($year is null or year = $year)
      and ($metric_id is null or metric_id = $metric_id)
      and ($platform is null or platform = $platform)
      and (not $totals_only or platform is null)
),

final as (
    select c.metric_id, c.year, c.month, c.platform, c.value, c.qualifier, c.sentence, c.batch_id,
           b.kind, b.file_name, m.sort_order
    from current_values as c
    join batch as b using (batch_id)
    left join metric as m using (metric_id)
)

select * from final
order by sort_order, metric_id, year, month nulls first, platform nulls first
