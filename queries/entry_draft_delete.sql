delete from entry_draft
where institution_id = $institution_id and year = $year and month = $month and user_name = $user_name
