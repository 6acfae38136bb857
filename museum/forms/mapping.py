"""The committed mapping of a statistics form (data/forms/<form>.csv): its lines and the catalog metric that fills each."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from museum import settings

FORMS = ("kepu", "kexie")
FORMS_DIR = settings.ROOT / "data" / "forms"
COLUMNS = ("table", "indicator", "unit", "definition", "metric", "kind")
KINDS = ("field", "addition")   # a line of the form, or the museum's own addition (not a form field)
# Units a form prints differently from the catalog for the same quantity.
SAME_UNITS = {("平方米", "m²"), ("次", "个"), ("次", "场次"), ("场", "场次")}


@dataclass(frozen=True)
class Line:
    table: str
    indicator: str
    unit: str
    definition: str
    metric: str | None         # catalog metric id; None: the data cannot fill it (what to collect)
    platform: str | None       # "followers_total@wechat": that platform's value, not the matrix total
    kind: str

    @property
    def source_name(self) -> str | None:
        """The metric as the mapping names it (metric or metric@platform)."""
        if self.metric is None:
            return None
        return f"{self.metric}@{self.platform}" if self.platform else self.metric


def units_fit(form_unit: str, catalog_unit: str) -> bool:
    return form_unit == catalog_unit or (form_unit, catalog_unit) in SAME_UNITS


@lru_cache(maxsize=None)
def load(form: str) -> tuple[Line, ...]:
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}; known: {', '.join(FORMS)}")
    with open(FORMS_DIR / f"{form}.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"data/forms/{form}.csv: columns must be {', '.join(COLUMNS)}")
        lines = []
        for row in reader:
            metric, _, platform = (row["metric"] or "").strip().partition("@")
            lines.append(Line(row["table"], row["indicator"], row["unit"], row["definition"], metric or None,
                              platform or None, row["kind"]))
    return tuple(lines)
