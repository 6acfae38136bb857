-- How many staged values (relation `frame`) are new, changed or unchanged against the current
-- stored values (the counts of observation_stage_compare, without returning every row).
with

current_values as (
    select * from observation
    where institution_id = $institution_id and retired_by_batch is null
),

compared as (
    select
        case
            when c.observation_id is null then 'new'
            when c.value = f.value and c.qualifier = f.qualifier
                 and coalesce(c.note, '') = coalesce(f.note, '')
                 and coalesce(c.sentence, '') = coalesce(f.sentence, '') then 'unchanged'
            else 'changed'
        end as status
    from frame as f
    left join current_values as c
        on c.metric_id = f.metric_id
        and c.year = f.year
        and c.month is not distinct from f.month
),

final as (
    select status, count(*) as staged from compared group by status
)

select * from final
