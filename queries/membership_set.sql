insert or replace into membership (user_name, institution_id, role) values ($user_name, $institution_id, $role)
