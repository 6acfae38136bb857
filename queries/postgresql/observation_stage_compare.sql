-- Each staged value (relation `frame`) against the current stored value of the same key:
-- status new | changed | unchanged.
-- PostgreSQL: in the order DuckDB returns them unasked and the previews show: the stored rows'
-- order (DuckDB's join reads the staged rows into its hash table and walks observation), the new
-- values after them in the staged order (their ctid, as COPY wrote them).
-- columns: metric_id, year, month, platform, value, qualifier, old_value, old_qualifier, status
with

current_values as (
    select * from observation
    where institution_id = $institution_id and retired_by_batch is null
),

compared as (
    select
        c.observation_id as stored_at,
        f.ctid as staged_at,
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

final as (
    select metric_id, year, month, platform, value, qualifier, old_value, old_qualifier, status
    from compared
    order by stored_at nulls last, staged_at
)

select * from final
