insert into institution (name) values ($name) returning institution_id
