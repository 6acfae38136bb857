"""What a return holds: its parts (JSON lists of rows), read from the unit's database and checked on receipt.

Each part is a JSON list of objects with exactly the columns below (JSON keeps a float's every
digit and tells null from ""). Observations are the period's months (plus the year's annual
values when the period is the whole year); records (profile, awards, honors, research) and
targets are the period's year's, as the unit's install holds them when it packages.
"""

from __future__ import annotations

import json
import math

from museum import catalog, period as periods
from museum.errors import InputRejected
from museum.store import db
from museum.targets import store as target_store

QUALIFIERS = ("exact", "at_least", "approx")
LEVELS = ("national", "provincial", "municipal")
# column -> (type, nullable, allowed values or None); type: str | int | num
SCHEMAS: dict[str, dict[str, tuple[str, bool, tuple | None]]] = {
    "observations": {"metric_id": ("str", False, None), "year": ("int", False, None), "month": ("int", True, None),
                     "platform": ("str", True, None), "value": ("num", False, None),
                     "qualifier": ("str", False, QUALIFIERS), "note": ("str", True, None), "sentence": ("str", True, None)},
    "profile": {"field": ("str", False, None), "value": ("str", True, None), "sentence": ("str", True, None)},
    "awards": {"competition": ("str", False, None), "level": ("str", False, LEVELS),
               "grade": ("str", False, ("first", "second", "third", "excellence")), "count": ("int", False, None),
               "sentence": ("str", True, None)},
    "honors": {"title": ("str", False, None), "subject": ("str", True, None), "awarded_by": ("str", True, None),
               "level": ("str", True, LEVELS), "sentence": ("str", True, None)},
    "research": {"item_type": ("str", False, ("project", "local_standard", "national_standard", "paper")),
                 "role": ("str", True, ("lead", "participant")),
                 "stage": ("str", True, ("applied", "approved", "concluded", "published")),
                 "description": ("str", True, None), "count": ("int", False, None), "sentence": ("str", True, None)},
    "targets": {"position": ("int", False, None), "level1": ("str", True, None), "level2": ("str", True, None),
                "indicator": ("str", False, None), "operator": ("str", False, (">=", "<=", "=", "qualitative")),
                "target_value": ("num", True, None), "target_text": ("str", True, None), "unit": ("str", True, None),
                "weight": ("num", False, None), "metric_id": ("str", True, None), "actual_value": ("num", True, None),
                "actual_qualifier": ("str", True, QUALIFIERS), "actual_text": ("str", True, None),
                "actual_score": ("num", True, None), "actual_note": ("str", True, None), "deviation": ("str", True, None)},
}
PARTS = tuple(SCHEMAS)
FILE_NAMES = {part: f"{part}.json" for part in PARTS}
# The queries that read a year's records, and the table each part is written to.
RECORD_QUERIES = {"profile": "profile_fields", "awards": "awards_by_year", "honors": "honors_by_year",
                  "research": "research_by_year"}
RECORD_TABLES = {"profile": "profile_field", "awards": "award", "honors": "honor", "research": "research"}
MAX_TEXT_CHARS = 20_000


def scope(period: periods.Period) -> dict:
    """The period as the bound parameters of the return queries."""
    return {"year": period.year, "first": period.first, "last": period.last, "whole_year": period.is_year}


def row_of(part: str, values) -> dict:
    """A stored row as plain JSON values of the part's columns (ints as int, numbers as float)."""
    row = {}
    for column, (kind, _nullable, _allowed) in SCHEMAS[part].items():
        value = target_store.plain(values[column])
        if value is not None and kind != "str":
            value = int(value) if kind == "int" else float(value)
        row[column] = value
    return row


def gather(con, institution: int, period: periods.Period) -> dict[str, list[dict]]:
    """Every part of the institution's return for `period`, as rows of plain values."""
    columns = list(SCHEMAS["observations"])
    found = {"observations": [row_of("observations", dict(zip(columns, values)))
                              for values in db.rows(con, "return_observations", institution_id=institution, **scope(period))]}
    for part, query in RECORD_QUERIES.items():
        frame = db.query(con, query, institution_id=institution)
        found[part] = [row_of(part, values) for values in frame[frame["year"] == period.year].to_dict("records")]
    found["targets"] = [row_of("targets", values) for values in target_store.year_targets(con, institution, period.year)]
    return found


def encode(rows: list[dict]) -> bytes:
    """A part's bytes: one JSON list, keys sorted, UTF-8, reproducible."""
    return (json.dumps(rows, ensure_ascii=False, sort_keys=True, indent=0, allow_nan=False) + "\n").encode("utf-8")


def decode(part: str, content: bytes, *, name: str) -> list[dict]:
    """The rows of a received part, each checked against its schema (InputRejected naming the
    file, row and column otherwise)."""
    try:
        rows = json.loads(content.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputRejected("returns.bad_part", name=name) from exc
    if not isinstance(rows, list):
        raise InputRejected("returns.bad_part", name=name)
    schema = SCHEMAS[part]
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise InputRejected("returns.bad_row", name=name, row=number, column="—")
        odd = sorted(set(row) ^ set(schema))
        if odd:
            raise InputRejected("returns.bad_row", name=name, row=number, column=str(odd[0])[:60])
        for column, rule in schema.items():
            if not _fits(row[column], rule):
                raise InputRejected("returns.bad_row", name=name, row=number, column=column)
    return rows


def _no_constant(text: str):
    raise ValueError(f"{text} is not a number")


def _fits(value, rule: tuple[str, bool, tuple | None]) -> bool:
    kind, nullable, allowed = rule
    if value is None:
        return nullable
    if kind == "str":
        ok = isinstance(value, str) and len(value) <= MAX_TEXT_CHARS
    elif kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool) and -2**31 < value < 2**31
    else:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    return ok and (allowed is None or value in allowed)


def check_scope(rows: dict[str, list[dict]], period: periods.Period, *, name: str) -> None:
    """Every observation is of the period, of a known metric; counts are positive."""
    known = catalog.load()
    seen = set()
    for number, row in enumerate(rows["observations"], start=1):
        key = (row["metric_id"], row["year"], row["month"], row["platform"])
        if key in seen:
            raise InputRejected("returns.duplicate_value", name=name, row=number, metric=row["metric_id"])
        seen.add(key)
        in_period = row["year"] == period.year and (
            row["month"] in period.months if row["month"] is not None else period.is_year)
        if not in_period:
            raise InputRejected("returns.out_of_period", name=name, row=number, period=period.text)
        if row["metric_id"] not in known:
            raise InputRejected("returns.unknown_metric", name=name, row=number, metric=row["metric_id"])
    for part in ("awards", "research"):
        for number, row in enumerate(rows[part], start=1):
            if row["count"] <= 0:
                raise InputRejected("returns.bad_row", name=FILE_NAMES[part], row=number, column="count")
