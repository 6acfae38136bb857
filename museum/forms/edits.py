"""An editor's text of a draft field: saved as one batch (kind draft_edit) with its audit line, rolled back like any batch."""

from __future__ import annotations

import pandas as pd

from museum.errors import InputRejected
from museum.forms import fields
from museum.store import batches, db

MAX_CHARS = 20_000  # far above the longest 开展业务活动情况 a portal accepts


def current(con, institution: int, year: int) -> dict[str, tuple[str, int]]:
    """field key -> (text, batch id) of the editor's current texts of the year's draft."""
    return of_year(db.query(con, "draft_fields_current", institution_id=institution), year)


def of_year(frame: pd.DataFrame, year: int) -> dict[str, tuple[str, int]]:
    rows = frame[frame["year"] == year]
    return {str(r.field): (str(r.text), int(r.batch_id)) for r in rows.itertuples()}


def _clean(label: str, text: str) -> str:
    cleaned = " ".join(str(text or "").replace("|", "｜").split())
    if not cleaned:
        raise InputRejected("forms.edit.empty", field=label)
    if len(cleaned) > MAX_CHARS:
        raise InputRejected("forms.edit.too_long", field=label, chars=len(cleaned), limit=MAX_CHARS)
    return cleaned


def save(con, institution: int, year: int, key: str, text: str, *, actor: str) -> int:
    """Replace the year's text of one field; returns the batch id. Unknown fields are refused."""
    if key not in fields.LABELS:
        raise InputRejected("forms.edit.unknown_field", field=key, known="、".join(fields.LABELS.values()))
    label = fields.LABELS[key]
    cleaned = _clean(label, text)
    with batches.one_batch(con, "draft_edit", institution=institution, actor=actor, action="draft_edit") as opened:
        replaced = db.rows(con, "draft_field_retire", batch_id=opened.batch_id, institution_id=institution,
                           year=year, field=key)
        db.execute(con, "draft_field_insert", institution_id=institution, year=year, field=key, value=cleaned,
                   batch_id=opened.batch_id)
        opened.counts = batches.Counts(inserted=0 if replaced else 1, updated=1 if replaced else 0)
        opened.detail = f"draft {year} {label}"
    return opened.batch_id
