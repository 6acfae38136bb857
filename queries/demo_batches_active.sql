-- Demo batches whose data is still shown (not rolled back).
-- columns: batch_id
select batch_id from batch
where is_demo and kind = 'demo' and rolled_back_by is null
order by batch_id
