-- No rows, only the column names of one backed-up parquet file (its data is read, never run as SQL).
-- columns: metric_id
select * from read_parquet($path) limit 0
