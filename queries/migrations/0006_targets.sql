-- 0006_targets: the year's performance targets (绩效目标), budget figures, key tasks and timeline events.
--
-- Versioned like every data table (0001): a row is written by one batch and retired, never
-- deleted, by the batch that replaces or removes it; the current state is "retired_by_batch is
-- null", and rolling a batch back retires what it wrote and revives what it retired. As in 0004,
-- no table here references `batch` by a foreign key, so a later rebuild of `batch` need not copy
-- these tables; museum.targets checks its references in the writing transaction.

-- One 三级指标 of an institution's 绩效目标表 for a year, with its 一级/二级 and what was entered
-- against it. An edit writes a new version (new target_id, same position).
create sequence target_id_seq start 1;
create table target (
    target_id        bigint primary key default nextval('target_id_seq'),
    institution_id   integer not null,
    year             integer not null check (year between 1949 and 2200),
    position         integer not null,            -- order in the sheet (1, 2, …)
    level1           varchar,                     -- 一级指标: 产出指标 / 效益指标 / 满意度指标
    level2           varchar,                     -- 二级指标: 数量指标 / 质量指标 / …
    indicator        varchar not null,            -- 三级指标
    operator         varchar not null check (operator in ('>=', '<=', '=', 'qualitative')),
    target_value     double,                      -- in `unit` (the catalog's unit when linked); null when qualitative
    target_text      varchar,                     -- 年度指标值 as written (≥6000篇, 达到预期)
    unit             varchar,
    weight           double not null default 0,   -- 分值
    metric_id        varchar,                     -- linked catalog metric: the actual is its value
    actual_value     double,                      -- entered 实际完成值 of an unlinked indicator
    actual_qualifier varchar check (actual_qualifier in ('exact', 'at_least', 'approx')),
    actual_text      varchar,                     -- entered result of a qualitative indicator (达到预期)
    actual_score     double,                      -- entered 得分 of a qualitative indicator
    actual_note      varchar,                     -- where an entered actual comes from
    deviation        varchar,                     -- 偏差原因分析及改进措施
    batch_id         integer not null,
    retired_by_batch integer
);

-- 年初预算数 / 全年预算数 / 全年执行数 (万元) of a year: 预算执行率 = 执行数 / 全年预算数.
create table budget_figure (
    institution_id   integer not null,
    year             integer not null check (year between 1949 and 2200),
    initial_budget   double,
    full_year_budget double,
    executed         double,
    note             varchar,
    batch_id         integer not null,
    retired_by_batch integer
);

-- A key task of a year: a numbered item of the prior year's report section 下一步打算 (its
-- sentence kept) or one added by hand, with its status.
create sequence key_task_id_seq start 1;
create table key_task (
    task_id          bigint primary key default nextval('key_task_id_seq'),
    institution_id   integer not null,
    year             integer not null check (year between 1949 and 2200),
    position         integer not null,
    group_title      varchar,                     -- the heading the item stands under, e.g. (一)拓展边界…
    item_number      varchar,                     -- as numbered in the report: 1, 2, (二)1 …
    sentence         varchar not null,
    status           varchar not null default 'not_started' check (status in ('not_started', 'in_progress', 'done')),
    status_note      varchar,
    status_date      date,
    source           varchar not null check (source in ('report', 'manual')),
    batch_id         integer not null,
    retired_by_batch integer
);

-- Exhibitions, closures and campaigns (全国科普日, 科技活动周) drawn on the monthly charts.
create sequence timeline_event_id_seq start 1;
create table timeline_event (
    event_id         bigint primary key default nextval('timeline_event_id_seq'),
    institution_id   integer not null,
    start_date       date not null,
    end_date         date not null,
    label            varchar not null,
    kind             varchar not null check (kind in ('exhibition', 'closure', 'campaign', 'other')),
    note             varchar,
    batch_id         integer not null,
    retired_by_batch integer,
    check (end_date >= start_date)
);
