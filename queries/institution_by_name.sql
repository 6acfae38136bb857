-- columns: institution_id
select institution_id from institution where name = $name
