-- How many staged values (relation `frame`) are new, changed or unchanged against the current
-- stored values: the statuses of observation_stage_compare, counted without returning every row
-- (a million-row upload). Both must decide alike (tests/unit/test_intake_commit.py).
-- columns: status, count
with

current_values as (
    select * from observation
    where institution_id = $institution_id and retired_by_batch is null
),

compared as (
    select
        case
            when c.batch_id is null then 'new'
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
        and c.platform is not distinct from f.platform
),

final as (
    select status, count(*) as count from compared group by status
)

select * from final order by status
