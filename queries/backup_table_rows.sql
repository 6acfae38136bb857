-- Rows in one table, named by a bound value (query_table takes the name as a string).
-- columns: count_star()
select count(*) from query_table($table_name)
