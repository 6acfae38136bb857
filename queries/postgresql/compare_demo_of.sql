-- PostgreSQL only: per institution whether any of its values up to `year` is demo data (the demo
-- banner, as a unit's own pages decide it from every year up to theirs), from the comparison's view.
-- columns: institution_id, is_demo
-- One lookup per unit in the partial index of demo rows (compare_values_demo).
select unit.id as institution_id,
       exists (select 1 from compare_values as v where v.institution_id = unit.id and v.year <= $year and v.is_demo)
           as is_demo
from unnest($ids) as unit (id)
