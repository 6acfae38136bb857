-- columns: value
select value from app_secret where name = $name
