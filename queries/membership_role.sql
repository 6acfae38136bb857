-- The role an account holds in one institution itself (not through a sponsor), if any.
-- columns: role
select role from membership where user_name = $user_name and institution_id = $institution_id
