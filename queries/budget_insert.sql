insert into budget_figure (institution_id, year, initial_budget, full_year_budget, executed, note, batch_id)
values ($institution_id, $year, $initial_budget, $full_year_budget, $executed, $note, $batch_id)
