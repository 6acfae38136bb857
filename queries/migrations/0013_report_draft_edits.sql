-- 0013_report_draft_edits: an editor's text of a field of the year's 事业单位法人年度报告 draft.
--
-- Versioned like every data table (0001, 0006): a row is written by one batch (kind draft_edit)
-- and retired, never deleted, by the batch that replaces it; the current text of a field is the
-- row with "retired_by_batch is null", and rolling a batch back revives the text it replaced. A
-- field without a row is drafted from the data each time.
create table draft_field (
    institution_id   integer not null,
    year             integer not null check (year between 1949 and 2200),
    field            varchar not null,            -- the parser's key of the field (activities, purpose, …)
    text             varchar not null,
    batch_id         integer not null,
    retired_by_batch integer
);
