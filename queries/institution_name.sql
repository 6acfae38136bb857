-- columns: name
select name from institution where institution_id = $institution_id
