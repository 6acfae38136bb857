"""数据填报: one institution's figures of one month typed by hand, checked as a file's cells are, written as one batch (kind entry).

The grid holds the metrics the museum reports monthly (a current monthly value in the twelve months
before) plus those it adds by name. A typed text goes through the same parser as a file ("超50",
"2万余", "约3000", "1,234", qualifiers kept); unknown text is an error on its row; a value more than
3× or less than a third of last year's same month, or beyond the metric's bound, is a warning that
must be confirmed cell by cell. With review on (museum.intake.review) the batch goes pending.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pandas as pd

from museum import bounds, catalog
from museum.catalog import Catalog
from museum.errors import InputRejected
from museum.intake import controls, review
from museum.intake.problems import Notice, Problem
from museum.intake.values import parse_values, year_bounds
from museum.numbers import format_value
from museum.store import batches, db

JUMP = 3.0  # more than 3× (or less than a third of) last year's same month asks for a confirmation
LOOKBACK_MONTHS = 12


@dataclass
class Checked:
    """Typed cells checked: the records to write, errors (one per bad cell) and the warnings
    still to confirm (metric id -> Problem); `notices` are the confirmed ones, kept for the record."""

    records: list[dict] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    to_confirm: dict[str, Problem] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    beyond_bound: bool = False


@dataclass
class Entered:
    """What `submit` did; `to_json` has exactly the keys of `ingest --json`."""

    year: int
    month: int
    status: str = "rejected"             # committed | pending | rejected
    batch_id: int | None = None
    counts: batches.Counts = field(default_factory=batches.Counts)
    checked: Checked = field(default_factory=Checked)

    def to_json(self, lang: str = "zh") -> dict:
        last_day = (pd.Timestamp(self.year, self.month, 1) + pd.offsets.MonthEnd(0)).date().isoformat()
        errors = self.checked.errors + list(self.checked.to_confirm.values())
        return {"status": self.status, "batch_id": self.batch_id, "inserted": self.counts.inserted,
                "updated": self.counts.updated, "unchanged": self.counts.unchanged, "skipped": self.counts.skipped,
                "encoding": None, "layout": "entry", "warnings": [n.message(lang) for n in self.checked.notices],
                "errors": [p.as_json(lang) for p in errors], "source_format": "entry", "platform": None,
                "period": {"from": f"{self.year}-{self.month:02d}-01", "to": last_day}, "year_from": "option"}


def _key(year: int, month: int) -> int:
    return year * 12 + month - 1


def _shifted(year: int, month: int, by: int) -> tuple[int, int]:
    key = _key(year, month) + by
    return key // 12, key % 12 + 1


def _month_values(con, institution: int, year: int, month: int) -> dict[str, tuple[float, str]]:
    frame = db.query(con, "entry_month_values", institution_id=institution, year=year, month=month)
    return {r.metric_id: (float(r.value), r.qualifier) for r in frame.itertuples()}


def monthly_metrics(con, institution: int, year: int, month: int, cat: Catalog) -> list[str]:
    """The metrics with a current monthly value in the twelve months before (year, month), in catalog order."""
    last = _key(year, month) - 1
    found = {r[0] for r in db.rows(con, "entry_monthly_metrics", institution_id=institution,
                                   first_key=last - LOOKBACK_MONTHS + 1, last_key=last)}
    return sorted((m for m in found if m in cat), key=lambda m: cat[m].sort_order)


def grid(con, institution: int, year: int, month: int, lang: str, *, added=(), cat: Catalog | None = None) -> pd.DataFrame:
    """One row per metric: metric_id, name, unit, previous (上月), last_year (上年同月), current (当前值) as text."""
    cat = cat or catalog.load()
    metrics = monthly_metrics(con, institution, year, month, cat)
    metrics += [m for m in added if m in cat and m not in metrics]
    previous = _month_values(con, institution, *_shifted(year, month, -1))
    last_year = _month_values(con, institution, year - 1, month)
    current = _month_values(con, institution, year, month)

    def shown(values, metric_id):
        if metric_id not in values:
            return ""
        value, qualifier = values[metric_id]
        return format_value(value, qualifier, lang, cat[metric_id].unit(lang))

    return pd.DataFrame([{"metric_id": m, "name": cat[m].name(lang), "unit": cat[m].unit(lang),
                          "previous": shown(previous, m), "last_year": shown(last_year, m),
                          "current": shown(current, m)} for m in metrics],
                        columns=["metric_id", "name", "unit", "previous", "last_year", "current"])


def _check_one(row: int, metric_id: str, text: str, year: int, month: int, cat: Catalog,
               last_year: dict, label: str, checked: Checked, confirmed: set[str]) -> None:
    metric = cat[metric_id]
    cell = dict(row=row, column=label, value=text)
    parsed = parse_values(pd.Series([text], dtype="str"), pd.Series([metric.unit_zh], dtype=object)).iloc[0]
    unit_ok = parsed["unit"] in ("", metric.unit_zh, metric.unit_en) or parsed["unit"] in metric.unit_zh
    if parsed["bad"] or not unit_ok:
        checked.errors.append(Problem("entry.error.not_a_number", **cell, params={"row": row, "metric": label, "unit": metric.unit_zh}))
        return
    value = float(parsed["value"])
    if metric.non_negative and value < 0:
        checked.errors.append(Problem("entry.error.negative", **cell, params={"row": row, "metric": label}))
        return
    warning = None
    if bounds.beyond(cat, [metric_id], [value])[0]:
        warning = Problem("entry.warning.beyond_bound", **cell,
                          params={"row": row, "metric": label, "bound": bounds.text(metric.plausible_max, metric.unit_zh)})
        checked.beyond_bound = True
    elif metric_id in last_year and last_year[metric_id][0] > 0:
        ratio = value / last_year[metric_id][0]
        if ratio > JUMP or ratio < 1 / JUMP:
            warning = Problem("entry.warning.jump", **cell, params={"row": row, "metric": label, "ratio": f"{ratio:.2f}",
                                                                    "last_year": f"{last_year[metric_id][0]:,.10g}"})
    if warning is not None:
        if metric_id not in confirmed:
            checked.to_confirm[metric_id] = warning
            return
        checked.notices.append(Notice(warning.key, warning.params))
    checked.records.append({"metric_id": metric_id, "year": year, "month": month, "platform": None, "value": value,
                            "qualifier": parsed["qualifier"], "note": None, "sentence": None})


def check(con, institution: int, year: int, month: int, cells: dict[str, str], *, confirmed=(),
          cat: Catalog | None = None) -> Checked:
    """Every typed cell (metric id -> text; blank ones skipped) checked; `confirmed`: the metric ids
    whose warning the person confirmed (an `--allow-implausible` confirms all)."""
    cat = cat or catalog.load()
    first, last = year_bounds()
    if not first <= int(year) <= last or not 1 <= int(month) <= 12:
        raise InputRejected("entry.bad_period", period=f"{year}-{month}", first=first, last=last)
    last_year = _month_values(con, institution, int(year) - 1, int(month))
    checked = Checked()
    for row, (metric_id, text) in enumerate(cells.items(), start=1):
        label = cat[metric_id].name_zh if metric_id in cat else str(metric_id)
        if metric_id not in cat:
            checked.errors.append(Problem("entry.error.unknown_metric", row, label, str(text), {"row": row, "metric": label}))
            continue
        text = "" if text is None else str(text).strip()
        if not text:
            continue
        controls.refuse_in_typed(text, label, cat[metric_id].name_en)
        _check_one(row, metric_id, text, int(year), int(month), cat, last_year, label, checked, set(confirmed))
    return checked


def submit(con, institution: int, year: int, month: int, cells: dict[str, str], *, actor: str, confirmed=(),
           cat: Catalog | None = None) -> Entered:
    """Check and write the typed month as one batch (kind entry) with its audit line, or, with
    review on, as a pending batch. Any error or unconfirmed warning writes nothing."""
    cat = cat or catalog.load()
    result = Entered(int(year), int(month))
    result.checked = checked = check(con, institution, year, month, cells, confirmed=confirmed, cat=cat)
    if checked.errors or checked.to_confirm:
        return result
    if not checked.records:
        raise InputRejected("entry.nothing_typed")
    what = f"entry {int(year)}-{int(month):02d}"
    frame = batches.observation_frame(checked.records)
    if review.required(con, institution):
        compared = batches.compare_observations(con, institution, frame)
        status = compared["status"].value_counts()
        result.counts = batches.Counts(inserted=int(status.get("new", 0)), updated=int(status.get("changed", 0)),
                                       unchanged=int(status.get("unchanged", 0)))
        inputs = {"records": checked.records, "allow_implausible": checked.beyond_bound}
        result.batch_id = review.submit(con, "entry", institution, actor=actor, inputs=inputs,
                                        changes=review.changes_of(compared), warnings=checked.notices, what=what)
        result.status = review.PENDING
        return result
    with batches.one_batch(con, "entry", institution=institution, actor=actor, action="entry", note=what) as opened:
        opened.counts = batches.write_observations(con, opened.batch_id, institution, frame,
                                                   allow_implausible=checked.beyond_bound)
        opened.detail = f"{what} ({opened.counts.inserted} new, {opened.counts.updated} changed)"
    result.status, result.batch_id, result.counts = "committed", opened.batch_id, opened.counts
    return result


# --- drafts ----------------------------------------------------------------------------------------


def save_draft(con, institution: int, year: int, month: int, user: str, cells: dict[str, str], confirmed=()) -> None:
    """Keep a typed grid to resume (not a batch: it changes no figure); replaces this person's last one."""
    for text in cells.values():
        controls.refuse_in_typed(text, "填报值", "value")
    stored = json.dumps({"cells": cells, "confirmed": sorted(confirmed)}, ensure_ascii=False)
    with db.transaction(con, institution=institution):
        db.execute(con, "entry_draft_delete", institution_id=institution, year=year, month=month, user_name=user)
        db.execute(con, "entry_draft_insert", institution_id=institution, year=year, month=month, user_name=user,
                   cells=stored, saved_at=datetime.now(timezone.utc).replace(tzinfo=None))


def load_draft(con, institution: int, year: int, month: int, user: str) -> dict | None:
    """{"cells": {metric id: text}, "confirmed": [...], "saved_at": …} or None."""
    found = db.rows(con, "entry_draft_get", institution_id=institution, year=year, month=month, user_name=user)
    if not found:
        return None
    return {**json.loads(found[0][0]), "saved_at": found[0][1]}


def drop_draft(con, institution: int, year: int, month: int, user: str) -> None:
    with db.transaction(con, institution=institution):
        db.execute(con, "entry_draft_delete", institution_id=institution, year=year, month=month, user_name=user)
