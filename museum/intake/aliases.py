"""Column names remembered per institution: "图文发布量" means posts, from the next upload on.

A mapping is column text -> metric id ("" = ignore the column). It is written as versioned rows
(`column_alias`, migration 0005) by the upload's own batch (museum.intake.ingest commit), so a remembered
mapping is rolled back with the upload that taught it.
"""

from __future__ import annotations

import pandas as pd

from museum.store import db
from museum.catalog import Catalog, normalize_name
from museum.errors import InputRejected
from museum.intake.columns import IGNORE


def parse_map(texts: list[str] | None) -> dict[str, str]:
    """`--map "图文发布量=posts"` (repeatable; "列名=" ignores the column) -> {column: metric id}."""
    mapping = {}
    for text in texts or []:
        column, sep, metric = text.partition("=")
        if not sep or not column.strip():
            raise InputRejected("intake.error.bad_mapping", text=text)
        mapping[column.strip()] = metric.strip()
    return mapping


def check_mapping(mapping: dict[str, str], cat: Catalog) -> None:
    """Every mapped metric must be a catalog id (or "" to ignore)."""
    for column, metric in mapping.items():
        if metric != IGNORE and metric not in cat:
            suggestions = "、".join(cat.suggest(metric)) or "—"
            raise InputRejected("intake.error.mapping_unknown_metric", column=column, metric=metric, suggestions=suggestions)


def load(con, institution: int) -> dict[str, str]:
    return {row[0]: row[1] for row in db.rows(con, "intake_aliases", institution_id=institution)}


def _frame(mapping: dict[str, str]) -> pd.DataFrame:
    texts = {normalize_name(k): v for k, v in mapping.items()}
    return pd.DataFrame({"column_text": list(texts), "metric_id": list(texts.values())}, dtype="string")


def write(con, batch_id: int, institution: int, mapping: dict[str, str]) -> int:
    """Remember `mapping` under `batch_id` (inside the caller's transaction); older entries of the
    same columns are retired. Returns how many columns were remembered."""
    frame = _frame(mapping)
    if frame.empty:
        return 0
    with db.registered(con, frame):
        db.execute(con, "intake_alias_retire", batch_id=batch_id, institution_id=institution)
        db.execute(con, "intake_alias_insert", batch_id=batch_id, institution_id=institution)
    return len(frame)
