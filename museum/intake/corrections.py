"""Manual correction of one value: checked by the upload's rules, shown as old → new, then saved
with the same batch mechanism as an upload (kind 'correction'), its audit line in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from museum import catalog
from museum.store import audit, batches, db
from museum.catalog import Catalog
from museum.errors import InputRejected
from museum.intake import controls, review
from museum.intake.layout import CELL_COLUMNS
from museum.intake.validate import check_cells
from museum.intake.values import parse_values, year_bounds

ANY = object()  # correct_value without a confirmed old value: whatever is stored is replaced


@dataclass(frozen=True)
class Planned:
    """A checked correction: what is stored now (None for nothing) and what would be saved."""

    metric_id: str
    year: int
    month: int | None
    record: dict
    old: dict | None

    @property
    def old_batch(self) -> int | None:
        return None if self.old is None else int(self.old["batch_id"])


def current_value(con, institution: int, metric_id: str, year: int, month: int | None) -> dict | None:
    found = db.query(con, "intake_current_value", institution_id=institution, metric_id=metric_id, year=year, month=month)
    return None if found.empty else found.iloc[0].to_dict()


def _upload_rules(metric_id: str, year: int, month: int | None, text: str, cat: Catalog, allow_implausible: bool) -> None:
    """The value through the upload's own checks (one cell), so that a typed value meets the same
    plausibility bound as a file; beyond it, the correction's wording says how to go on."""
    cell = pd.DataFrame([[1, metric_id, "", text, "", year, month, None]], columns=CELL_COLUMNS)
    for problem in check_cells(cell, cat, allow_implausible=allow_implausible).errors:
        if problem.key == "intake.error.implausible":
            raise InputRejected("intake.correction.implausible", value=text, **problem.params)
        raise InputRejected(problem.key, **problem.params)


def plan(con, institution: int, metric_id: str, year: int, month: int | None, text: str, *, note: str | None = None,
         cat: Catalog | None = None, allow_implausible: bool = False) -> Planned:
    """Check a correction without writing: the value written in `text` ("5,528", "超500万", "约3000")
    against what is stored; refused (InputRejected) when it is not a value of the metric, beyond
    its plausible bound (unless allowed), or the value already stored."""
    cat = cat or catalog.load()
    controls.refuse_in_typed(note, "备注", "note")
    if metric_id not in cat:
        raise InputRejected("intake.correction.unknown_metric", metric=metric_id)
    metric = cat[metric_id]
    first, last = year_bounds()
    if not first <= int(year) <= last:
        raise InputRejected("intake.correction.year_range", year=year, first=first, last=last)
    if month is not None and not 1 <= int(month) <= 12:
        raise InputRejected("intake.correction.month_range", month=month)
    parsed = parse_values(pd.Series([text], dtype="str"), pd.Series([metric.unit_zh], dtype=object)).iloc[0]
    if parsed["missing"]:
        raise InputRejected("intake.correction.empty")
    unit_ok = parsed["unit"] in ("", metric.unit_zh, metric.unit_en) or parsed["unit"] in metric.unit_zh
    if parsed["bad"] or not unit_ok:
        raise InputRejected("intake.correction.not_a_number", value=text, unit=metric.unit_zh)
    if metric.non_negative and parsed["value"] < 0:
        raise InputRejected("intake.correction.negative", value=text)
    _upload_rules(metric_id, int(year), None if month is None else int(month), text, cat, allow_implausible)
    record = {"metric_id": metric_id, "year": int(year), "month": None if month is None else int(month),
              "value": float(parsed["value"]), "qualifier": parsed["qualifier"], "note": (note or "").strip() or None,
              "sentence": None}
    status = batches.compare_observations(con, institution, batches.observation_frame([record]))["status"].iloc[0]
    if status == "unchanged":
        raise InputRejected("intake.correction.unchanged")
    return Planned(metric_id, int(year), record["month"], record, current_value(con, institution, metric_id, int(year), month))


def correct_value(
    con,
    institution: int,
    metric_id: str,
    year: int,
    month: int | None,
    text: str,
    *,
    note: str | None = None,
    actor: str,
    cat: Catalog | None = None,
    allow_implausible: bool = False,
    confirmed_batch=ANY,
) -> tuple[int, batches.Counts]:
    """Set one (metric, period) to the value written in `text`, checked as `plan` checks it.

    confirmed_batch: the batch of the old value the person confirmed (None: there was none); a
    value stored since (another tab, a colleague) refuses the save instead of overwriting it.
    With review on (museum.intake.review) the batch is created pending: its id, and no counts."""
    if review.required(con, institution):
        return _submit(con, institution, metric_id, year, month, text, note=note, actor=actor, cat=cat,
                       allow_implausible=allow_implausible, confirmed_batch=confirmed_batch)
    with db.transaction(con, institution=institution):
        planned = plan(con, institution, metric_id, year, month, text, note=note, cat=cat, allow_implausible=allow_implausible)
        if confirmed_batch is not ANY and planned.old_batch != confirmed_batch:
            raise InputRejected("intake.correction.stale")
        record = planned.record
        period = f"{int(year)}" + (f"-{int(month):02d}" if month else "")
        batch_id = batches.create_batch(con, "correction", institution=institution, user=actor, note=f"{metric_id} {period}")
        counts = batches.write_observations(con, batch_id, institution, [record], allow_implausible=allow_implausible)
        batches.finish_batch(con, batch_id, counts)
        audit.record(con, "correction", actor,
                     f"{metric_id} {period} = {text} → batch #{batch_id}" + (f" ({record['note']})" if record["note"] else ""))
    return batch_id, counts


def _submit(con, institution: int, metric_id: str, year: int, month: int | None, text: str, *, note, actor: str, cat,
            allow_implausible: bool, confirmed_batch) -> tuple[int, batches.Counts]:
    """The correction as a pending batch (kind correction): checked as a save is, nothing written."""
    planned = plan(con, institution, metric_id, year, month, text, note=note, cat=cat, allow_implausible=allow_implausible)
    if confirmed_batch is not ANY and planned.old_batch != confirmed_batch:
        raise InputRejected("intake.correction.stale")
    period = f"{int(year)}" + (f"-{int(month):02d}" if month else "")
    compared = batches.compare_observations(con, institution, batches.observation_frame([planned.record]))
    batch_id = review.submit(con, "correction", institution, actor=actor,
                             inputs={"records": [planned.record], "allow_implausible": allow_implausible},
                             changes=review.changes_of(compared), warnings=[], what=f"{metric_id} {period} = {text}")
    return batch_id, batches.Counts()
