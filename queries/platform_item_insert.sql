-- Write the staged export's items (relation `items`).
insert into platform_item (institution_id, platform, source_format, item_key, channel, item_type, title, published_at,
                           views, likes, comments, shares, favorites, follows, figures, is_public, batch_id)
select $institution_id, $platform, $source_format, item_key, channel, item_type, title, published_at,
       views, likes, comments, shares, favorites, follows, figures, is_public, $batch_id
from items
