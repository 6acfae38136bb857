-- Admins who can still sign in.
-- columns: count_star()
select count(*) from app_user where role = 'admin' and not disabled
