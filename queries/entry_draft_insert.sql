insert into entry_draft (institution_id, year, month, user_name, cells, saved_at)
values ($institution_id, $year, $month, $user_name, $cells, $saved_at)
