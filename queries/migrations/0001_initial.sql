-- 0001_initial: institutions, the metric catalog, versioned observations and event records.
--
-- Versioning rule used by every data table below: a row is written by one batch (batch_id) and
-- stays forever; when a later batch replaces or removes it, that batch's id goes into
-- retired_by_batch. The current state is "retired_by_batch is null". Rolling a batch back retires
-- the rows it wrote and revives the rows it retired, so nothing is ever deleted.

create sequence institution_id_seq start 1;
create table institution (
    institution_id  integer primary key default nextval('institution_id_seq'),
    name            varchar not null unique,
    created_at      timestamp not null default current_timestamp
);

create sequence batch_id_seq start 1;
create table batch (
    batch_id        integer primary key default nextval('batch_id_seq'),
    kind            varchar not null check (kind in ('seed', 'upload', 'report', 'correction', 'rollback', 'demo')),
    institution_id  integer references institution (institution_id),
    file_name       varchar,
    file_sha256     varchar,
    file_size       bigint,
    user_name       varchar not null default 'system',
    created_at      timestamp not null default current_timestamp,
    inserted        integer not null default 0,
    updated         integer not null default 0,
    unchanged       integer not null default 0,
    skipped         integer not null default 0,
    note            varchar,
    is_demo         boolean not null default false,
    rolls_back      integer,
    rolled_back_by  integer
);

-- Raw uploaded bytes, named by their hash and never by the client's file name.
create table stored_file (
    sha256          varchar primary key,
    size            bigint not null,
    content         blob not null,
    stored_at       timestamp not null default current_timestamp
);

create table metric (
    metric_id       varchar primary key,
    name_zh         varchar not null,
    name_en         varchar not null,
    unit_zh         varchar not null,
    unit_en         varchar not null,
    kind            varchar not null check (kind in ('flow', 'stock', 'event', 'ratio')),
    category        varchar not null,
    aliases         varchar not null default '',
    higher_is_better boolean not null default true,
    non_negative    boolean not null default true,
    sort_order      integer not null
);

-- Registration fields of the annual report (单位名称, 住所, 法定代表人 …), one row per field and year.
create table profile_field (
    institution_id  integer not null references institution (institution_id),
    year            integer not null,
    field           varchar not null,
    value           varchar,
    sentence        varchar,
    batch_id        integer not null references batch (batch_id),
    retired_by_batch integer
);

create sequence observation_id_seq start 1;
create table observation (
    observation_id  bigint primary key default nextval('observation_id_seq'),
    institution_id  integer not null references institution (institution_id),
    metric_id       varchar not null references metric (metric_id),
    year            integer not null check (year between 1949 and 2200),
    month           integer check (month between 1 and 12),  -- null: the whole year
    value           double not null,
    qualifier       varchar not null default 'exact' check (qualifier in ('exact', 'at_least', 'approx')),
    note            varchar,
    sentence        varchar,   -- the sentence of a report the value was read from, if any
    batch_id        integer not null references batch (batch_id),
    retired_by_batch integer
);

-- Staff awards in competitions: level x grade, with a count.
create sequence award_id_seq start 1;
create table award (
    award_id        bigint primary key default nextval('award_id_seq'),
    institution_id  integer not null references institution (institution_id),
    year            integer not null,
    competition     varchar not null,
    level           varchar not null check (level in ('national', 'provincial', 'municipal')),
    grade           varchar not null check (grade in ('first', 'second', 'third', 'excellence')),
    count           integer not null check (count > 0),
    sentence        varchar,
    batch_id        integer not null references batch (batch_id),
    retired_by_batch integer
);

-- Honours given to the unit itself (集体荣誉), kept apart from staff awards.
create sequence honor_id_seq start 1;
create table honor (
    honor_id        bigint primary key default nextval('honor_id_seq'),
    institution_id  integer not null references institution (institution_id),
    year            integer not null,
    title           varchar not null,          -- e.g. 先进单位, 优秀活动
    subject         varchar,                   -- what was honoured when not the unit as a whole
    awarded_by      varchar,                   -- the programme or body, e.g. 省第三十二届“科技之春”宣传活动
    level           varchar check (level in ('national', 'provincial', 'municipal')),
    sentence        varchar,
    batch_id        integer not null references batch (batch_id),
    retired_by_batch integer
);

-- Research items: projects, standards and papers, by role and stage.
create sequence research_id_seq start 1;
create table research (
    research_id     bigint primary key default nextval('research_id_seq'),
    institution_id  integer not null references institution (institution_id),
    year            integer not null,
    item_type       varchar not null check (item_type in ('project', 'local_standard', 'national_standard', 'paper')),
    role            varchar check (role in ('lead', 'participant')),
    stage           varchar check (stage in ('applied', 'approved', 'concluded', 'published')),
    description     varchar,
    count           integer not null check (count > 0),
    sentence        varchar,
    batch_id        integer not null references batch (batch_id),
    retired_by_batch integer
);
