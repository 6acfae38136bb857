-- The current budget figures of an institution, one row per year.
-- columns: year, initial_budget, full_year_budget, executed, note, batch_id
select year, initial_budget, full_year_budget, executed, note, batch_id
from budget_figure
where institution_id = $institution_id and retired_by_batch is null
order by year
