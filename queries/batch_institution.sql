-- The institution a batch wrote to (null for a batch of no institution, e.g. the catalog's).
-- columns: institution_id
select institution_id from batch where batch_id = $batch_id
