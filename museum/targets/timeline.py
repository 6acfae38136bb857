"""Timeline events: exhibitions, closures and campaigns (全国科普日, 科技活动周), each a date range
with a label, drawn on the monthly charts and listed in the pack. Adding or removing one is a
batch of kind "timeline" with its audit line; removal retires the row, so a rollback restores it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from museum import audit, batches, db
from museum.errors import InputRejected
from museum.targets.store import plain

KINDS = ("exhibition", "closure", "campaign", "other")
MAX_LABEL_CHARS = 60


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
    with db.transaction(con):
        batch_id = batches.create_batch(con, "timeline", institution=institution, user=actor, note=f"event:{start.isoformat()}")
        event_id = int(db.scalar(con, "events_insert", institution_id=institution, start_date=start, end_date=end,
                                 label=cleaned, kind=kind, note=(note or "").strip() or None, batch_id=batch_id))
        batches.finish_batch(con, batch_id, batches.Counts(inserted=1))
        audit.record(con, "event_edit", actor, f"event added: {start.isoformat()}–{end.isoformat()} {cleaned} → batch #{batch_id}")
    return event_id


def remove_event(con, institution: int, event_id: int, *, actor: str) -> int:
    """Retire one event; returns the batch id (its rollback restores the event)."""
    frame = current(con, institution)
    found = frame[frame["event_id"] == int(event_id)]
    if found.empty:
        raise InputRejected("events.unknown", event_id=event_id)
    row = {key: plain(value) for key, value in found.iloc[0].to_dict().items()}
    with db.transaction(con):
        batch_id = batches.create_batch(con, "timeline", institution=institution, user=actor, note=f"event:{row['event_id']}")
        db.execute(con, "events_retire", institution_id=institution, event_id=int(event_id), batch_id=batch_id)
        batches.finish_batch(con, batch_id, batches.Counts(updated=1))
        audit.record(con, "event_edit", actor, f"event removed: {row['label']} → batch #{batch_id}")
    return batch_id
