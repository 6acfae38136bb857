-- columns: institutions, observations, batches
select
    (select count(*) from institution) as institutions,
    (select count(*) from observation where retired_by_batch is null) as observations,
    (select count(*) from batch) as batches
