-- Every current value of an institution, all years: stored observations plus the counts that
-- event records (awards, honours, research) imply. Where records exist for a metric and year,
-- their count replaces a stored total.
--
-- Total vs breakdown: a value without a platform is the whole matrix (the annual report, an
-- office sheet); platform values are its breakdown. Per (metric, year, month) the total is used
-- where one exists, else the sum of the platforms, and `platforms` lists the platform codes that
-- sum covers (comma-separated, sorted; null for a total).
--
-- At national size (23M observations, bench/scale.py) the one scan of `observation` is most of
-- the cost and everything after it works on one institution's rows; the steps are kept few (one
-- aggregate for every record-derived count, distinct lists instead of DISTINCT aggregates, which
-- DuckDB plans as extra joins), because each step costs planning and a pipeline however small.
-- columns: metric_id, year, month, value, qualifier, note, sentence, batch_id, from_records, platforms, batch_kind, batch_file, batch_user, batch_time, is_demo
with

current_observations as (
    select metric_id, year, month, platform, value, qualifier, note, sentence, batch_id
    from observation
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
        array_to_string(list_sort(list_distinct(list(o.platform))), ',') as platforms
    from current_observations as o
    where o.platform is not null
      and not exists (
          select 1 from totals as t
          where t.metric_id = o.metric_id and t.year = o.year and t.month is not distinct from o.month
      )
    group by o.metric_id, o.year, o.month
),

-- Every current record as the counts it adds to: an award to awards_total and to each level (0
-- for the other levels, so that "no national award" in a year with awards is 0, not missing),
-- an honour to honors_received, a research item to its metric by type, stage and role.
record_counts as (
    select a.year, m.metric_id, case when m.level is null or m.level = a.level then a.count else 0 end as value,
           a.sentence, a.batch_id
    from award as a
    cross join (values ('awards_total', null), ('awards_national', 'national'), ('awards_provincial', 'provincial'),
                       ('awards_municipal', 'municipal')) as m (metric_id, level)
    where a.institution_id = $institution_id and a.retired_by_batch is null
    union all
    select year, 'honors_received', 1, sentence, batch_id
    from honor
    where institution_id = $institution_id and retired_by_batch is null
    union all
    select
        year,
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
        end,
        count, sentence, batch_id
    from research
    where institution_id = $institution_id and retired_by_batch is null
),

-- per metric and year: the count, the distinct sentences in one order, the latest batch
derived as (
    select
        year, metric_id, sum(value) as value,
        case when count(sentence) > 0 then array_to_string(list_sort(list_distinct(list(sentence))), ' ') end as sentence,
        max(batch_id) as batch_id
    from record_counts
    where metric_id is not null
    group by year, metric_id
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
    from (select * from totals union all select * from breakdown) as o
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
