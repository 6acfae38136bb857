"""Manual correction of one value: the same batch mechanism as an upload, kind 'correction', its
audit line in the same transaction."""

from __future__ import annotations

import pandas as pd

from museum import audit, batches, catalog, db
from museum.catalog import Catalog
from museum.errors import InputRejected
from museum.intake import controls
from museum.intake.values import parse_values, year_bounds


def current_value(con, institution: int, metric_id: str, year: int, month: int | None) -> dict | None:
    found = db.query(con, "intake_current_value", institution_id=institution, metric_id=metric_id, year=year, month=month)
    return None if found.empty else found.iloc[0].to_dict()


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
) -> tuple[int, batches.Counts]:
    """Set one (metric, period) to the value written in `text` ("5,528", "超500万", "约3000"); a value
    beyond the metric's plausibility bound only with `allow_implausible` (museum.intake.bounds)."""
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
    record = {
        "metric_id": metric_id,
        "year": int(year),
        "month": None if month is None else int(month),
        "value": float(parsed["value"]),
        "qualifier": parsed["qualifier"],
        "note": (note or "").strip() or None,
        "sentence": None,
    }
    with db.transaction(con):
        frame = batches.observation_frame([record])
        status = batches.compare_observations(con, institution, frame)["status"].iloc[0]
        if status == "unchanged":
            raise InputRejected("intake.correction.unchanged")
        period = f"{int(year)}" + (f"-{int(month):02d}" if month else "")
        batch_id = batches.create_batch(con, "correction", institution=institution, user=actor, note=f"{metric_id} {period}")
        counts = batches.write_observations(con, batch_id, institution, [record], allow_implausible=allow_implausible)
        batches.finish_batch(con, batch_id, counts)
        audit.record(con, "correction", actor,
                     f"{metric_id} {period} = {text} → batch #{batch_id}" + (f" ({record['note']})" if record["note"] else ""))
    return batch_id, counts
