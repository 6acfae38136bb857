-- Every current item of an institution (posts and videos of platform exports).
-- columns: platform, source_format, item_key, channel, item_type, title, published_at, views, likes, comments, shares, favorites, follows, batch_id
select platform, source_format, item_key, channel, item_type, title, published_at, views, likes, comments, shares,
       favorites, follows, batch_id
from platform_item
where institution_id = $institution_id and retired_by_batch is null
order by platform, published_at, item_key, channel
