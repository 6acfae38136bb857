-- A year's current monthly values by where they came from: the office's sheets (uploads for the
-- whole matrix), each platform's downloads, values typed by hand (corrections), demo data.
-- PostgreSQL: grouped by position, for DuckDB's group by all.
-- columns: source, platform, month, metrics
select
    case
        when b.kind = 'correction' then 'typed'
        when b.kind = 'demo' then 'demo'
        when o.platform is not null then 'platform'
        else 'office'
    end as source,
    o.platform,
    o.month,
    count(distinct o.metric_id) as metrics
from observation as o
join batch as b on b.batch_id = o.batch_id
where o.institution_id = $institution_id
    and o.year = $year
    and o.month is not null
    and o.retired_by_batch is null
group by 1, 2, 3
order by source, platform, month
