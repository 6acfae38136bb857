-- columns: count_star()
select count(*) from app_user
