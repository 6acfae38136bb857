-- Every account name (to refuse a new name that differs from one only in letter case).
-- columns: user_name
select user_name from app_user order by user_name
