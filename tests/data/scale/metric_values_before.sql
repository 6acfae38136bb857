-- Every current value of an institution, all years: stored observations plus the counts that
-- event records (awards, honours, research) imply. Where records exist for a metric and year,
-- their count replaces a stored total.
--
-- Total vs breakdown: a value without a platform is the whole matrix (the annual report, an
-- office sheet); platform values are its breakdown. Per (metric, year, month) the total is used
-- where one exists, else the sum of the platforms, and `platforms` lists the platform codes that
-- sum covers (comma-separated, sorted; null for a total).
-- columns: metric_id, year, month, value, qualifier, note, sentence, batch_id, from_records, platforms, batch_kind, batch_file, batch_user, batch_time, is_demo
with

current_observations as (
    select * from observation
    where institution_id = $institution_id and retired_by_batch is null
),

totals as (
    select metric_id, year, month, value, qualifier, note, sentence, batch_id, null::varchar as platforms
    from current_observations
    where platform is null
),

breakdown as (
    select
        o.metric_id, o.year, o.month, sum(o.value) as value,
        case when bool_or(o.qualifier = 'approx') then 'approx'
             when bool_or(o.qualifier = 'at_least') then 'at_least'
             else 'exact' end as qualifier,
        null::varchar as note, null::varchar as sentence, max(o.batch_id) as batch_id,
        string_agg(distinct o.platform, ',' order by o.platform) as platforms
    from current_observations as o
    where o.platform is not null
      and not exists (
          select 1 from totals as t
          where t.metric_id = o.metric_id and t.year = o.year and t.month is not distinct from o.month
      )
    group by o.metric_id, o.year, o.month
),

observations as (
    select * from totals
    union all
    select * from breakdown
),

awards as (
    select * from award
    where institution_id = $institution_id and retired_by_batch is null
),

honors as (
    select * from honor
    where institution_id = $institution_id and retired_by_batch is null
),

research_items as (
    select * from research
    where institution_id = $institution_id and retired_by_batch is null
),

levels as (
    select unnest(['national', 'provincial', 'municipal']) as level
),

award_years as (
    select year, max(batch_id) as batch_id, string_agg(distinct sentence, ' ' order by sentence) as sentence
    from awards
    group by year
),

award_counts as (
    select year, 'awards_total' as metric_id, sum(count) as value from awards group by year
    union all
    -- every level of a year that has awards, so that "no national award" is 0, not missing
    select y.year, 'awards_' || l.level, coalesce(sum(a.count), 0)
    from award_years as y
    cross join levels as l
    left join awards as a on a.year = y.year and a.level = l.level
    group by y.year, l.level
),

award_metrics as (
    select c.year, c.metric_id, c.value, y.sentence, y.batch_id
    from award_counts as c
    join award_years as y using (year)
),

honor_metrics as (
    select year, 'honors_received' as metric_id, count(*) as value,
           string_agg(distinct sentence, ' ' order by sentence) as sentence, max(batch_id) as batch_id
    from honors
    group by year
),

research_classified as (
    select
        *,
        case
            when item_type = 'project' and stage = 'applied' and role = 'lead' then 'projects_applied_lead'
            when item_type = 'project' and stage = 'applied' and role = 'participant' then 'projects_applied_participant'
            when item_type = 'project' and stage = 'approved' and role = 'lead' then 'projects_approved_lead'
            when item_type = 'project' and stage = 'approved' and role = 'participant' then 'projects_approved_participant'
            when item_type = 'project' and stage = 'concluded' then 'projects_concluded'
            when item_type = 'local_standard' and stage = 'applied' then 'local_standards_applied'
            when item_type = 'local_standard' and stage = 'approved' then 'local_standards_approved'
            when item_type = 'national_standard' then 'national_standards_participated'
            when item_type = 'paper' then 'papers_published'
        end as metric_id
    from research_items
),

research_metrics as (
    select year, metric_id, sum(count) as value,
           string_agg(distinct sentence, ' ' order by sentence) as sentence, max(batch_id) as batch_id
    from research_classified
    where metric_id is not null
    group by year, metric_id
),

derived as (
    select year, metric_id, value, sentence, batch_id from award_metrics
    union all
    select year, metric_id, value, sentence, batch_id from honor_metrics
    union all
    select year, metric_id, value, sentence, batch_id from research_metrics
),

combined as (
    select
        d.metric_id, d.year, null::integer as month, d.value::double as value,
        'exact' as qualifier, null as note, d.sentence, d.batch_id, true as from_records,
        null::varchar as platforms
    from derived as d
    union all
    select
        o.metric_id, o.year, o.month, o.value, o.qualifier, o.note, o.sentence, o.batch_id,
        false as from_records, o.platforms
    from observations as o
    where not exists (
        select 1 from derived as d
        where d.metric_id = o.metric_id and d.year = o.year and o.month is null
    )
),

final as (
    select
        c.*,
        b.kind as batch_kind,
        b.file_name as batch_file,
        b.user_name as batch_user,
        b.created_at as batch_time,
        b.is_demo
    from combined as c
    join batch as b using (batch_id)
)

select * from final
order by metric_id, year, month nulls first
