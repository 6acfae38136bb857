select count(*) from batch
