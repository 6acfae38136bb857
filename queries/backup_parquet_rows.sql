-- Rows in one exported table file (a backup's parquet file, path bound).
select count(*) from read_parquet($path)
