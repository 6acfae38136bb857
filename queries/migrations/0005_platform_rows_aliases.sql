-- 0005_platform_rows_aliases: the rows of platform exports, and column names remembered per institution.
--
-- Versioned like every data table (see 0001): a row is written by one batch and retired, never
-- deleted, by the batch that replaces it. A later export of the same works or days replaces
-- their rows (the newest snapshot wins), so monthly figures rolled up from them never count a
-- work or a day twice. No foreign-key indexes, as for observation (0004): the writing
-- transaction checks what it needs.

-- One row per post or video (or, for a WeChat article, per article and channel) as exported.
create table platform_item (
    institution_id  integer not null,
    platform        varchar not null,         -- wechat | douyin | channels | toutiao
    source_format   varchar not null,         -- douyin_works, channels_videos …
    item_key        varchar not null,         -- the platform's id, else publish time + title
    channel         varchar,                  -- a WeChat article's channel (全部 = all, de-duplicated); else null
    item_type       varchar not null,         -- post | video
    title           varchar,
    published_at    timestamp,
    views           double,                   -- reads of a post, plays of a video (running total at export)
    likes           double,
    comments        double,
    shares          double,
    favorites       double,
    follows         double,                   -- followers gained through the item
    figures         varchar,                  -- every exported column of the row (JSON)
    batch_id        integer not null,
    retired_by_batch integer
);

-- One row per day, channel ('' for the account as a whole) and measure.
create table platform_daily (
    institution_id  integer not null,
    platform        varchar not null,
    source_format   varchar not null,
    day             date not null,
    channel         varchar not null default '',
    measure         varchar not null,         -- reads_users, posts_published, net_follows, followers …
    value           double not null,
    batch_id        integer not null,
    retired_by_batch integer
);

-- A column header of an institution's own sheets and the metric it means ('' = ignore it).
create table column_alias (
    institution_id  integer not null,
    column_text     varchar not null,         -- normalised (museum.catalog.normalize_name)
    metric_id       varchar not null,
    batch_id        integer not null,
    retired_by_batch integer
);
