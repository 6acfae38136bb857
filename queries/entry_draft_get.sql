-- A saved typed-entry grid of one person for one institution and month.
-- columns: cells, saved_at
select cells, saved_at from entry_draft
where institution_id = $institution_id and year = $year and month = $month and user_name = $user_name
