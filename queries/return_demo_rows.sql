-- How many of an institution's current values in a return's period come from demo batches (示例数据):
-- a package of them says so, and the sponsor's batch is marked as demo too.
-- columns: demo_rows
select count(*) as demo_rows
from observation as o
join batch as b using (batch_id)
where o.institution_id = $institution_id and o.retired_by_batch is null and b.is_demo
  and o.year = $year
  and ((o.month between $first and $last) or (o.month is null and $whole_year))
