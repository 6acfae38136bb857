-- The last day each platform's exports cover (daily rows and item publish times), for the report's stale_source check.
-- PostgreSQL: the subquery in from is named.
-- columns: platform, last_day
select platform, max(day) as last_day
from (
    select platform, day from platform_daily
    where institution_id = $institution_id and retired_by_batch is null
    union all
    select platform, cast(published_at as date) as day from platform_item
    where institution_id = $institution_id and retired_by_batch is null and published_at is not null
) as days
group by platform
order by platform
