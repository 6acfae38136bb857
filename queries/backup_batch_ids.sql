-- Every batch id with its time: what a restore compares to say which batches it replaces.
-- columns: batch_id, created_at
select batch_id, created_at from batch order by batch_id
