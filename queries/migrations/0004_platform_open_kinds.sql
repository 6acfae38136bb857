-- 0004_platform_open_kinds: observations gain a platform (null = the whole matrix, the total);
-- batch kinds and audit actions are checked by the code (museum.store.batches.KINDS, museum.store.audit.ACTIONS)
-- instead of a CHECK constraint that every new kind of write would have to rebuild; observation
-- loses its per-row primary-key and foreign-key indexes (the bulk of a large upload's commit),
-- and its references are checked inside the writing transaction (museum.store.batches.write_observations).
--
-- DuckDB cannot drop a constraint or rename a table others reference, so the tables that refer
-- to `batch` are copied aside, dropped, created anew and filled again, all in this migration's
-- transaction. Sequences are kept, so ids continue where they were.

create table audit_copy as select * from audit;
drop table audit;
create table audit (
    audit_id        bigint primary key default nextval('audit_id_seq'),
    occurred_at     timestamp not null,
    user_name       varchar not null,
    action          varchar not null,
    detail          varchar,
    file_sha256     varchar
);
insert into audit select * from audit_copy;
drop table audit_copy;

create table batch_copy as select * from batch;
create table observation_copy as select * from observation;
create table award_copy as select * from award;
create table honor_copy as select * from honor;
create table research_copy as select * from research;
create table profile_field_copy as select * from profile_field;

drop table observation;
drop table award;
drop table honor;
drop table research;
drop table profile_field;
drop table batch;

create table batch (
    batch_id        integer primary key default nextval('batch_id_seq'),
    kind            varchar not null,
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
insert into batch select * from batch_copy;

create table profile_field (
    institution_id  integer not null references institution (institution_id),
    year            integer not null,
    field           varchar not null,
    value           varchar,
    sentence        varchar,
    batch_id        integer not null references batch (batch_id),
    retired_by_batch integer
);
insert into profile_field select * from profile_field_copy;

-- platform: null for a figure of the whole matrix (annual report, office sheet); otherwise the
-- platform whose export it was rolled up from (wechat, douyin, channels, toutiao …).
create table observation (
    observation_id  bigint not null default nextval('observation_id_seq'),
    institution_id  integer not null,
    metric_id       varchar not null,
    year            integer not null check (year between 1949 and 2200),
    month           integer check (month between 1 and 12),
    platform        varchar,
    value           double not null,
    qualifier       varchar not null default 'exact' check (qualifier in ('exact', 'at_least', 'approx')),
    note            varchar,
    sentence        varchar,
    batch_id        integer not null,
    retired_by_batch integer
);
insert into observation (observation_id, institution_id, metric_id, year, month, platform, value, qualifier, note,
                         sentence, batch_id, retired_by_batch)
select observation_id, institution_id, metric_id, year, month, null, value, qualifier, note, sentence, batch_id,
       retired_by_batch
from observation_copy;

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
insert into award select * from award_copy;

create table honor (
    honor_id        bigint primary key default nextval('honor_id_seq'),
    institution_id  integer not null references institution (institution_id),
    year            integer not null,
    title           varchar not null,
    subject         varchar,
    awarded_by      varchar,
    level           varchar check (level in ('national', 'provincial', 'municipal')),
    sentence        varchar,
    batch_id        integer not null references batch (batch_id),
    retired_by_batch integer
);
insert into honor select * from honor_copy;

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
insert into research select * from research_copy;

drop table batch_copy;
drop table observation_copy;
drop table award_copy;
drop table honor_copy;
drop table research_copy;
drop table profile_field_copy;
