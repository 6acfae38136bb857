-- Monthly catalog metrics of one platform from its export rows: the stored current rows with
-- the staged export (relations `items`, `daily`) in place of the rows it replaces, by the rules
-- of data/sources/metrics.csv (relation `rules`), for the months the staged rows touch. `days`
-- is how many days of the month the daily rows cover (0 for item rules); `at_least` whether a summed
-- figure of a work was written as a lower bound ("10w+", "10万+"), which makes the month's sum one too.
-- PostgreSQL: the last day's value by array_agg for DuckDB's arg_max; not exists for its anti join;
-- jsonb_exists for DuckDB's list_contains over json_extract_string.
-- columns: metric_id, year, month, platform, value, days, at_least
with

stored_items as (
    select item_key, channel, item_type, published_at, views, likes, comments, shares, favorites, follows, is_public, figures
    from platform_item
    where institution_id = $institution_id and platform = $platform and retired_by_batch is null
),

staged_items as (
    select item_key, channel, item_type, published_at, views, likes, comments, shares, favorites, follows, is_public, figures
    from items
),

current_items as (
    select * from staged_items
    union all
    select s.* from stored_items as s
    where not exists (select 1 from staged_items as n where n.item_key = s.item_key and n.channel is not distinct from s.channel)
),

stored_daily as (
    select day, channel, measure, value
    from platform_daily
    where institution_id = $institution_id and platform = $platform and retired_by_batch is null
),

staged_daily as (
    select day::date as day, channel, measure, value from daily
),

current_daily as (
    select * from staged_daily
    union all
    select s.* from stored_daily as s
    where not exists (select 1 from staged_daily as n where n.day = s.day and n.channel = s.channel and n.measure = s.measure)
),

touched as (
    select distinct year(published_at) as year, month(published_at) as month from staged_items where published_at is not null
    union
    select distinct year(day), month(day) from staged_daily
),

platform_rules as (
    select * from rules where platform = $platform
),

item_values as (
    select
        r.metric_id,
        year(i.published_at) as year,
        month(i.published_at) as month,
        -- a work that is not public (自见, 私密, 已删除) is kept but is not a published work
        case when r.rule = 'count' then (count(*) filter (where coalesce(i.is_public, true)))::double precision
             else sum(case r.field
                          when 'views' then i.views when 'likes' then i.likes when 'comments' then i.comments
                          when 'shares' then i.shares when 'favorites' then i.favorites when 'follows' then i.follows
                      end)
        end as value,
        0 as days,
        r.rule <> 'count' and bool_or(coalesce(jsonb_exists(i.figures::jsonb -> 'at_least', r.field), false)) as at_least
    from current_items as i
    join platform_rules as r
        on r.source = 'items' and (r.item_type is null or r.item_type = i.item_type)
    -- a WeChat article is counted once (its 全部 row), not once per channel
    where (i.channel is null or i.channel = '全部') and i.published_at is not null
    group by r.metric_id, r.rule, year(i.published_at), month(i.published_at)
),

daily_values as (
    select
        r.metric_id,
        year(d.day) as year,
        month(d.day) as month,
        case when r.rule = 'last' then (array_agg(d.value order by d.day desc))[1] else sum(d.value) end as value,
        count(distinct d.day) as days,
        false as at_least
    from current_daily as d
    join platform_rules as r
        on r.source = 'daily' and r.field = d.measure and coalesce(r.channel, '') = d.channel
    group by r.metric_id, r.rule, year(d.day), month(d.day)
),

final as (
    select v.metric_id, v.year, v.month, $platform as platform, v.value, v.days, v.at_least
    from (select * from item_values union all select * from daily_values) as v
    join touched as t using (year, month)
    where v.value is not null
)

select * from final order by metric_id, year, month
