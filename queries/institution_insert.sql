-- columns: institution_id
insert into institution (name) values ($name) returning institution_id
