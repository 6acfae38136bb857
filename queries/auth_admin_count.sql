-- Admins who can still sign in.
select count(*) from app_user where role = 'admin' and not disabled
