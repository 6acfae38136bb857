-- The most-read / most-played items of an institution published in a year (a WeChat article by
-- its 全部 row), with the batch they came from.
with

current_items as (
    select * from platform_item
    where institution_id = $institution_id and retired_by_batch is null
      and (channel is null or channel = '全部')
      and views is not null
),

final as (
    select platform, item_type, title, published_at, views, likes, comments, shares, batch_id
    from current_items
    where year(published_at) = $year
)

select * from final
order by views desc, published_at, platform, title
limit $max_rows
