-- columns: count_star()
select count(*) from batch
