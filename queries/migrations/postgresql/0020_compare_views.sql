-- 0020_compare_views (PostgreSQL only; the DuckDB file is empty): what the comparison (单位对比)
-- reads for all units at once, refreshed after each committed write (museum.store.views).
--
-- 1. compare_values: queries/metric_values.sql for every institution at once — the same rows and
--    columns each unit's values frame has, plus institution_id and month_key (month, 0 for the whole
--    year). Keep the two in step: tests/unit/test_compare_views.py checks that every unit's rows here
--    are its metric_values rows. A unit's page reads metric_values itself; only the comparison reads
--    this view, and says "截至 hh:mm" while it is behind the data.
create materialized view compare_values as
with

current_observations as (
    select institution_id, metric_id, year, month, platform, value, qualifier, note, sentence, batch_id
    from observation
    where retired_by_batch is null
),

totals as (
    select institution_id, metric_id, year, month, value, qualifier, note, sentence, batch_id,
           null::varchar as platforms
    from current_observations
    where platform is null
),

breakdown as (
    select
        o.institution_id, o.metric_id, o.year, o.month, sum(o.value) as value,
        case when bool_or(o.qualifier = 'approx') then 'approx'
             when bool_or(o.qualifier = 'at_least') then 'at_least'
             else 'exact' end as qualifier,
        null::varchar as note, null::varchar as sentence, max(o.batch_id) as batch_id,
        array_to_string(list_sort(list_distinct(list(o.platform))), ',') as platforms
    from current_observations as o
    where o.platform is not null
      and not exists (
          select 1 from totals as t
          where t.institution_id = o.institution_id and t.metric_id = o.metric_id and t.year = o.year
            and t.month is not distinct from o.month
      )
    group by o.institution_id, o.metric_id, o.year, o.month
),

record_counts as (
    select a.institution_id, a.year, m.metric_id,
           case when m.level is null or m.level = a.level then a.count else 0 end as value,
           a.sentence, a.batch_id
    from award as a
    cross join (values ('awards_total', null), ('awards_national', 'national'), ('awards_provincial', 'provincial'),
                       ('awards_municipal', 'municipal')) as m (metric_id, level)
    where a.retired_by_batch is null
    union all
    select institution_id, year, 'honors_received', 1, sentence, batch_id
    from honor
    where retired_by_batch is null
    union all
    select
        institution_id,
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
    where retired_by_batch is null
),

derived as (
    select
        institution_id, year, metric_id, sum(value) as value,
        case when count(sentence) > 0 then array_to_string(list_sort(list_distinct(list(sentence))), ' ') end as sentence,
        max(batch_id) as batch_id
    from record_counts
    where metric_id is not null
    group by institution_id, year, metric_id
),

combined as (
    select
        d.institution_id, d.metric_id, d.year, null::integer as month, d.value::double precision as value,
        'exact' as qualifier, null as note, d.sentence, d.batch_id, true as from_records,
        null::varchar as platforms
    from derived as d
    union all
    select
        o.institution_id, o.metric_id, o.year, o.month, o.value, o.qualifier, o.note, o.sentence, o.batch_id,
        false as from_records, o.platforms
    from (select * from totals union all select * from breakdown) as o
    where not exists (
        select 1 from derived as d
        where d.institution_id = o.institution_id and d.metric_id = o.metric_id and d.year = o.year
          and o.month is null
    )
)

select
    c.institution_id, c.metric_id, c.year, c.month, coalesce(c.month, 0) as month_key,
    c.value, c.qualifier, c.note, c.sentence, c.batch_id, c.from_records, c.platforms,
    b.kind as batch_kind, b.file_name as batch_file, b.user_name as batch_user, b.created_at as batch_time,
    b.is_demo
from combined as c
join batch as b using (batch_id);

-- REFRESH MATERIALIZED VIEW CONCURRENTLY (readers keep reading while it runs) needs a unique
-- index on plain columns covering every row: one value per unit, metric, year and month.
create unique index compare_values_key on compare_values (institution_id, metric_id, year, month_key);
-- a unit's latest month of a year (the comparison's 序时进度 rows, queries/postgresql/compare_values_of.sql)
create index compare_values_year on compare_values (institution_id, year, month_key);
-- whether a unit has demo values (the demo banner, queries/postgresql/compare_demo_of.sql): few rows are
create index compare_values_demo on compare_values (institution_id, year) where is_demo;

-- 2. When compare_values was last refreshed, and the data version (data_version_seq) read just
--    before that refresh's snapshot: a later data version means the view may be behind. One row.
create table compare_view_state (
    id integer primary key check (id = 1),
    refreshed_at timestamptz not null,
    data_version bigint not null
);
insert into compare_view_state values (1, now(), (select last_value from data_version_seq));

-- 3. The state row is bookkeeping of a derived view, not data: writing it must not move the data
--    version (that would make the view look behind after every refresh, and every cache of every
--    page stale). data_version_track as in 0019, leaving compare_view_state out.
create or replace function data_version_track() returns integer language plpgsql as '
declare
    found record;
    added integer := 0;
begin
    for found in
        select c.relname from pg_class as c
        where c.relnamespace = current_schema()::regnamespace and c.relkind in (''r'', ''p'')
          and c.relname not in (''schema_migrations'', ''compare_view_state'')
          and not exists (select 1 from pg_trigger as t where t.tgrelid = c.oid and t.tgname = ''data_version'')
    loop
        execute format(''create trigger data_version after insert or update or delete or truncate on %I ''
                       ''for each statement execute function data_version_bump()'', found.relname);
        added := added + 1;
    end loop;
    return added;
end';

-- 4. Only a materialized view's owner may refresh it, and the app never logs in as the owner
--    (museum_owner, docs/deployment.md §5b): the refresh is this function, run with its owner's
--    rights (security definer, its search path fixed to the schema it was made in).
create function compare_values_refresh() returns void language plpgsql security definer
set search_path from current as '
begin
    refresh materialized view concurrently compare_values;
    -- a refresh does not renew the view statistics: without them the planner takes
    -- a national view for an empty one and scans it whole for every unit (bench/scale.py)
    analyze compare_values;
end';
