-- 0011_item_public_volunteers: a platform item says whether it is public; nothing else changes.
--
-- A work whose review status is 自见, 私密 or 已删除 (data/sources/not_public.csv) is kept with its
-- figures but is not a published work: the monthly counts (posts, short_videos) leave it out.
-- Rows written before this migration were all counted as published: they stay true.
alter table platform_item add column is_public boolean default true;
