-- Each staged value (relation `frame`) against the current stored value of the same key:
-- status new | changed | unchanged.
-- columns: metric_id, year, month, platform, value, qualifier, old_value, old_qualifier, status
with

current_values as (
    select * from observation
    where institution_id = $institution_id and retired_by_batch is null
),

compared as (
    select
        f.metric_id,
        f.year,
        f.month,
        f.platform,
        f.value,
        f.qualifier,
        c.value as old_value,
        c.qualifier as old_qualifier,
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

final as (select * from compared)

select * from final
