-- PostgreSQL only: the current budget figures of several institutions (budget_current for each, in one read).
-- columns: institution_id, year, initial_budget, full_year_budget, executed, note, batch_id
select institution_id, year, initial_budget, full_year_budget, executed, note, batch_id
from budget_figure
where institution_id = any($ids) and retired_by_batch is null
order by institution_id, year
