select count(*) from app_user
