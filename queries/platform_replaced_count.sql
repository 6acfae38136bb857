-- How many works and days of a staged export (relations `items`, `daily`) are already stored.
-- columns: replaced
select
    (select count(*) from platform_item as p
     join items as n on n.item_key = p.item_key and n.channel is not distinct from p.channel
     where p.institution_id = $institution_id and p.platform = $platform and p.retired_by_batch is null)
  + (select count(*) from platform_daily as p
     join daily as n on n.day::date = p.day and n.channel = p.channel and n.measure = p.measure
     where p.institution_id = $institution_id and p.platform = $platform and p.retired_by_batch is null)
    as replaced
