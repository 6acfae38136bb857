"""Timeline events: exhibitions, closures and campaigns (全国科普日, 科技活动周), each a date range
with a label, drawn on the monthly charts and listed in the pack. Adding or removing one is a
batch of kind "timeline" with its audit line; removal retires the row, so a rollback restores it.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from museum.store import batches, db
from museum.catalog import normalize_name
from museum.errors import InputRejected
from museum.intake.problems import Problem
from museum.targets.store import plain

KINDS = ("exhibition", "closure", "campaign", "other")
MAX_LABEL_CHARS = 60
# An events sheet: 开始日期 | 结束日期 | 名称 | 类型 | 备注 (English headings too); 类型 by name or code.
EVENT_HEADERS = {
    "start": ("开始日期", "开始", "日期", "start", "start date", "date"),
    "end": ("结束日期", "结束", "end", "end date"),
    "label": ("名称", "活动名称", "事件", "label", "name"),
    "kind": ("类型", "kind", "type"),
    "note": ("备注", "说明", "note"),
}
KIND_NAMES = {"展览": "exhibition", "临展": "exhibition", "闭馆": "closure", "活动": "campaign", "其他": "other"}
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def current(con, institution: int) -> pd.DataFrame:
    """Every current event: event_id, start_date, end_date, label, kind, note, batch_id."""
    return db.query(con, "events_current", institution_id=institution)


def in_year(events: pd.DataFrame, year: int) -> pd.DataFrame:
    """The events that overlap `year` (an event across New Year belongs to both years)."""
    if events is None or events.empty:
        return pd.DataFrame(columns=["event_id", "start_date", "end_date", "label", "kind", "note", "batch_id"])
    start = pd.to_datetime(events["start_date"]).dt.date
    end = pd.to_datetime(events["end_date"]).dt.date
    keep = (start <= date(year, 12, 31)) & (end >= date(year, 1, 1))
    return events[keep].reset_index(drop=True)


def add_event(con, institution: int, start: date, end: date | None, label: str, kind: str, *,
              note: str | None = None, actor: str) -> int:
    """Add one event (end defaults to start: a one-day event). Returns its event_id."""
    end = end or start
    if not isinstance(start, date) or not isinstance(end, date):
        raise InputRejected("events.bad_date")
    if end < start:
        raise InputRejected("events.end_before_start", start=start.isoformat(), end=end.isoformat())
    cleaned = (label or "").strip()
    if not cleaned:
        raise InputRejected("events.label_empty")
    if len(cleaned) > MAX_LABEL_CHARS:
        raise InputRejected("events.label_too_long", limit=MAX_LABEL_CHARS)
    if kind not in KINDS:
        raise InputRejected("events.bad_kind", value=str(kind))
    with batches.one_batch(con, "timeline", institution=institution, actor=actor, action="event_edit",
                           note=f"event:{start.isoformat()}") as opened:
        event_id = int(db.scalar(con, "events_insert", institution_id=institution, start_date=start, end_date=end,
                                 label=cleaned, kind=kind, note=(note or "").strip() or None, batch_id=opened.batch_id))
        opened.counts.inserted, opened.detail = 1, f"event added: {start.isoformat()}–{end.isoformat()} {cleaned}"
    return event_id


def remove_event(con, institution: int, event_id: int, *, actor: str) -> int:
    """Retire one event; returns the batch id (its rollback restores the event)."""
    frame = current(con, institution)
    found = frame[frame["event_id"] == int(event_id)]
    if found.empty:
        raise InputRejected("events.unknown", event_id=event_id)
    row = {key: plain(value) for key, value in found.iloc[0].to_dict().items()}
    with batches.one_batch(con, "timeline", institution=institution, actor=actor, action="event_edit",
                           note=f"event:{row['event_id']}") as opened:
        db.execute(con, "events_retire", institution_id=institution, event_id=int(event_id), batch_id=opened.batch_id)
        opened.counts.updated, opened.detail = 1, f"event removed: {row['label']}"
    return opened.batch_id


def _date(text: str | None) -> date | None:
    match = _DATE.match((text or "").strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def read_events(content: bytes) -> tuple[list[dict], list[Problem]]:
    """An events sheet (.xlsx/.xls/.csv) as event records, or every problem with its row and column."""
    from museum.targets.sheet import read_grids

    for _, rows in read_grids(content)[0]:
        for index, row in enumerate(rows[:20]):
            found = {}
            for column, cell in enumerate(row):
                key = next((k for k, names in EVENT_HEADERS.items() if normalize_name(cell or "") in map(normalize_name, names)), None)
                if key and key not in found:
                    found[key] = column
            if {"start", "label"} <= found.keys():
                return _event_rows(rows, index, found)
    return [], [Problem("events.file.no_header")]


def _event_rows(rows, header_index: int, columns: dict[str, int]) -> tuple[list[dict], list[Problem]]:
    records, problems = [], []
    header = rows[header_index]
    for index in range(header_index + 1, len(rows)):
        cells = {key: (rows[index][col] if col < len(rows[index]) else None) for key, col in columns.items()}
        if not any(cells.values()):
            continue
        row = index + 1
        start, end = _date(cells.get("start")), _date(cells.get("end")) if cells.get("end") else None
        if start is None:
            problems.append(Problem("events.file.bad_date", row, header[columns["start"]], cells.get("start") or ""))
        if cells.get("end") and end is None:
            problems.append(Problem("events.file.bad_date", row, header[columns["end"]], cells["end"]))
        kind_text = (cells.get("kind") or "其他").strip()
        kind = KIND_NAMES.get(kind_text, kind_text if kind_text in KINDS else None)
        if kind is None:
            problems.append(Problem("events.file.bad_kind", row, header[columns["kind"]], kind_text, {"value": kind_text}))
        label = (cells.get("label") or "").strip()
        if not label or len(label) > MAX_LABEL_CHARS:
            problems.append(Problem("events.file.bad_label", row, header[columns["label"]], label, {"limit": MAX_LABEL_CHARS}))
        if start and end and end < start:
            problems.append(Problem("events.file.end_before_start", row, header[columns["end"]], cells["end"]))
        records.append({"start_date": start, "end_date": end or start, "label": label, "kind": kind,
                        "note": (cells.get("note") or "").strip() or None})
    if not records and not problems:
        problems.append(Problem("events.file.no_rows", header_index + 1))
    return records, problems


def import_events(con, institution: int, content: bytes, file_name: str, *, actor: str) -> tuple[int | None, list[Problem]]:
    """Add every event of a sheet as one batch (kind "timeline", the file kept), or nothing when any
    row has a problem. Returns (batch id or None, problems)."""
    records, problems = read_events(content)
    if problems:
        return None, problems
    with batches.one_batch(con, "timeline", institution=institution, actor=actor, action="event_edit",
                           file_name=file_name, content=content, note="events") as opened:
        for record in records:
            db.execute(con, "events_insert", institution_id=institution, batch_id=opened.batch_id, **record)
        opened.counts.inserted, opened.detail = len(records), f"{file_name}: {len(records)} events added"
        opened.sha256 = batches.sha256(content)
    return opened.batch_id, []
