-- PostgreSQL only: per institution whether any of its values up to `year` is demo data (the demo
-- banner, as a unit's own pages decide it from every year up to theirs), from the comparison's view.
-- columns: institution_id, is_demo
select institution_id, bool_or(is_demo) as is_demo
from compare_values
where institution_id = any($ids) and year <= $year
group by institution_id
