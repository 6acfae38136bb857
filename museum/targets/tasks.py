"""Key tasks (重点任务): next year's numbered plan items of a report, or added by hand, with status.

A report's items are written by the report's batch (seed or report import) as the key tasks of
the following year. Importing a report again leaves the year's tasks alone when its items are
the same; otherwise its report-sourced tasks are replaced, and a task whose sentence is unchanged
keeps its status. Status changes and hand edits are batches of kind "task_edit", audited.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from museum.store import batches, db
from museum.errors import InputRejected
from museum.targets.store import plain

STATUSES = ("not_started", "in_progress", "done")
MAX_SENTENCE_CHARS = 2000


def current(con, institution: int) -> pd.DataFrame:
    """Every current key task (all years): task_id, year, position, group_title, item_number,
    sentence, status, status_note, status_date, source, batch_id."""
    return db.query(con, "tasks_current", institution_id=institution)


def _rows(con, institution: int, year: int) -> list[dict]:
    frame = current(con, institution)
    frame = frame[frame["year"] == year]
    return [{key: plain(value) for key, value in row.items()} for row in frame.to_dict("records")]


def _insert(con, institution: int, batch_id: int, record: dict) -> int:
    return int(db.scalar(
        con, "tasks_insert", institution_id=institution, batch_id=batch_id, year=int(record["year"]),
        position=int(record["position"]), group_title=record.get("group_title"), item_number=record.get("item_number"),
        sentence=record["sentence"], status=record.get("status") or "not_started", status_note=record.get("status_note"),
        status_date=record.get("status_date"), source=record.get("source") or "manual",
    ))


def _retire(con, institution: int, task_id: int, batch_id: int) -> bool:
    return bool(db.rows(con, "tasks_retire", institution_id=institution, task_id=int(task_id), batch_id=batch_id))


def write_plan_tasks(con, batch_id: int, institution: int, records: list[dict]) -> int:
    """Inside the caller's batch: a report's plan items become the key tasks of their year.

    `records`: year, position, group_title, item_number, sentence. Returns how many rows were written.
    """
    written = 0
    for year in sorted({int(r["year"]) for r in records}):
        incoming = sorted((r for r in records if int(r["year"]) == year), key=lambda r: int(r["position"]))
        stored = [row for row in _rows(con, institution, year) if row["source"] == "report"]
        shape = lambda rows: [(r.get("group_title"), r.get("item_number"), r["sentence"]) for r in rows]  # noqa: E731
        if shape(stored) == shape(incoming):
            continue
        status_of = {row["sentence"]: row for row in stored}
        for row in stored:
            _retire(con, institution, row["task_id"], batch_id)
        for record in incoming:
            kept = status_of.get(record["sentence"], {})
            _insert(con, institution, batch_id, {
                **record, "source": "report", "status": kept.get("status"), "status_note": kept.get("status_note"),
                "status_date": kept.get("status_date"),
            })
            written += 1
    return written


def _task_or_refuse(con, institution: int, task_id: int) -> dict:
    frame = current(con, institution)
    found = frame[frame["task_id"] == int(task_id)]
    if found.empty:
        raise InputRejected("tasks.unknown", task_id=task_id)
    return {key: plain(value) for key, value in found.iloc[0].to_dict().items()}


def _clean(text, limit: int = MAX_SENTENCE_CHARS) -> str | None:
    if text is None:
        return None
    cleaned = str(text).strip()
    if len(cleaned) > limit:
        raise InputRejected("tasks.too_long", limit=limit)
    return cleaned or None


def _new_version(con, institution: int, row: dict, changes: dict, *, actor: str, detail: str) -> int:
    with batches.one_batch(con, "task_edit", institution=institution, actor=actor, action="task_edit",
                           note=f"task:{row['year']}") as opened:
        if not _retire(con, institution, row["task_id"], opened.batch_id):
            raise InputRejected("tasks.unknown", task_id=row["task_id"])
        new_id = _insert(con, institution, opened.batch_id, {**row, **changes})
        opened.counts.updated, opened.detail = 1, f"{row['year']} task {row['position']}: {detail}"
    return new_id


def set_status(con, institution: int, task_id: int, status: str, *, note: str | None = None,
               on: date | None = None, actor: str) -> int:
    """Status 未开始 / 进行中 / 已完成 (not_started / in_progress / done) with a note and the date
    it applies from (default today). Returns the new version's task_id."""
    if status not in STATUSES:
        raise InputRejected("tasks.bad_status", value=str(status))
    row = _task_or_refuse(con, institution, task_id)
    changes = {"status": status, "status_note": _clean(note), "status_date": on or date.today()}
    if (row["status"], row["status_note"]) == (status, changes["status_note"]) and row["status_date"] == changes["status_date"]:
        raise InputRejected("tasks.unchanged")
    return _new_version(con, institution, row, changes, actor=actor, detail=f"status {status}")


def edit_sentence(con, institution: int, task_id: int, sentence: str, *, actor: str) -> int:
    """Reword a task (its status stays). Returns the new version's task_id."""
    row = _task_or_refuse(con, institution, task_id)
    cleaned = _clean(sentence)
    if not cleaned:
        raise InputRejected("tasks.empty")
    if cleaned == row["sentence"]:
        raise InputRejected("tasks.unchanged")
    return _new_version(con, institution, row, {"sentence": cleaned}, actor=actor, detail="reworded")


def add_task(con, institution: int, year: int, sentence: str, *, group_title: str | None = None, actor: str) -> int:
    """A key task added by hand at the end of the year's list. Returns its task_id."""
    cleaned = _clean(sentence)
    if not cleaned:
        raise InputRejected("tasks.empty")
    rows = _rows(con, institution, year)
    if any(row["sentence"] == cleaned for row in rows):
        raise InputRejected("tasks.duplicate", year=year)
    record = {"year": int(year), "position": max((r["position"] for r in rows), default=0) + 1,
              "group_title": _clean(group_title, 200), "item_number": None, "sentence": cleaned, "source": "manual"}
    with batches.one_batch(con, "task_edit", institution=institution, actor=actor, action="task_edit",
                           note=f"task:{year}") as opened:
        task_id = _insert(con, institution, opened.batch_id, record)
        opened.counts.inserted, opened.detail = 1, f"{year} task added"
    return task_id


def remove_task(con, institution: int, task_id: int, *, actor: str) -> int:
    """Retire one key task; returns the batch id (its rollback restores the task)."""
    row = _task_or_refuse(con, institution, task_id)
    with batches.one_batch(con, "task_edit", institution=institution, actor=actor, action="task_edit",
                           note=f"task:{row['year']}") as opened:
        _retire(con, institution, row["task_id"], opened.batch_id)
        opened.counts.updated, opened.detail = 1, f"{row['year']} task {row['position']}: removed"
    return opened.batch_id
