-- 0014_review_and_entry: review before figures are official (issue 23), and drafts of typed entry.
--
-- review_setting: one row per institution that has chosen; no row means review is off (a one-person
-- office is never blocked). batch_review: a batch submitted for review. While `pending` it has written
-- no row into any data table: the proposal (JSON) holds what is needed to apply it (the stored file's
-- options, or the typed values) and the changes old → new seen at submission, with warnings; approving
-- writes the rows under the same batch id, rejecting keeps batch, file and reason for the record.
-- A batch without a batch_review row was applied at once. entry_draft: a typed grid saved to resume
-- (not a batch: it changes no figure). No keys: rows are replaced by delete + insert in one transaction.
create table review_setting (
    institution_id integer not null,
    review_on      boolean not null,
    changed_by     varchar not null,
    changed_at     timestamp not null
);
create table batch_review (
    batch_id       integer not null,
    institution_id integer not null,
    status         varchar not null check (status in ('pending', 'approved', 'rejected')),
    submitted_by   varchar not null,
    submitted_at   timestamp not null,
    proposal       varchar not null,
    decided_by     varchar,
    decided_at     timestamp,
    reason         varchar
);
create table entry_draft (
    institution_id integer not null,
    year           integer not null,
    month          integer not null check (month between 1 and 12),
    user_name      varchar not null,
    cells          varchar not null,   -- JSON: metric id -> the text typed, and the confirmed warnings
    saved_at       timestamp not null
);
