-- Every current per-platform value of an institution (the breakdown of the matrix total).
-- columns: metric_id, year, month, platform, value, qualifier, batch_id
select o.metric_id, o.year, o.month, o.platform, o.value, o.qualifier, o.batch_id
from observation as o
where o.institution_id = $institution_id and o.retired_by_batch is null and o.platform is not null
order by o.metric_id, o.year, o.month nulls first, o.platform
