"""A parsed report as review tables a person can correct, and the corrected tables as a Dataset.

One table holds the registration fields and the metrics (field / metric, value, qualifier, unit,
sentence, confidence, keep); three more hold awards, honours and research items. Values typed by
the reviewer are read like the report's own ("超600万", "约3000"), and every problem is listed
with its table row, column, value and reason.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from museum import catalog as catalog_module
from museum import numbers
from museum.i18n import t
from museum.report_parser import FORM_METRICS, ParsedReport
from museum.report_parser.layout import TEXT_FIELDS
from museum.seed import Dataset

FIGURE_COLUMNS = ["key", "name", "value", "qualifier", "unit", "sentence", "confidence", "keep"]
RECORD_COLUMNS = {
    "awards": ["competition", "level", "grade", "count", "sentence", "confidence", "keep"],
    "honors": ["title", "subject", "awarded_by", "level", "sentence", "confidence", "keep"],
    "research": ["item_type", "role", "stage", "description", "count", "sentence", "confidence", "keep"],
}
CODES = {
    "level": ("national", "provincial", "municipal"),
    "grade": ("first", "second", "third", "excellence"),
    "role": ("lead", "participant"),
    "stage": ("applied", "approved", "concluded", "published"),
    "item_type": ("project", "local_standard", "national_standard", "paper"),
}
REQUIRED = {"awards": ("competition", "level", "grade", "count"), "honors": ("title",), "research": ("item_type", "count")}
_NUMERIC_FIELDS = {field: metric for field, (metric, _) in FORM_METRICS.items()}


def figure_rows(parsed: ParsedReport, lang: str = "zh") -> pd.DataFrame:
    """Text fields first (in the form's order), then every metric (form fields and prose)."""
    catalog = catalog_module.load()
    rows = []
    for key in TEXT_FIELDS:
        if key in _NUMERIC_FIELDS or key not in parsed.fields:
            continue
        figure = parsed.fields[key]
        rows.append([key, t(f"profile.{key}", lang), figure.value, None, None, figure.sentence, figure.confidence, True])
    for m in parsed.metrics:
        metric = catalog[m.metric]
        rows.append([m.metric, metric.name(lang), numbers.format_plain(m.value, "en").replace(",", ""), m.qualifier,
                     metric.unit(lang), m.sentence, m.confidence, True])
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def record_rows(parsed: ParsedReport, table: str) -> pd.DataFrame:
    records = getattr(parsed, table)
    return pd.DataFrame([{**r, "keep": True} for r in records], columns=RECORD_COLUMNS[table])


def review_tables(parsed: ParsedReport, lang: str = "zh") -> dict[str, pd.DataFrame]:
    return {"figures": figure_rows(parsed, lang), **{table: record_rows(parsed, table) for table in RECORD_COLUMNS}}


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value.strip()) or value is pd.NA


def _kept(value) -> bool:
    """A row is left out only when its "keep" box is unticked (a row added in the editor has none)."""
    return not (isinstance(value, (bool, np.bool_)) and not value)


def _text(value) -> str | None:
    return None if _blank(value) else str(value).strip()


def _error(table: str, row: int, column: str, value, key: str, lang: str, **params) -> dict:
    return {"row": f"{t(f'report.table.{table}', lang)} {row + 1}", "column": column, "value": "" if _blank(value) else str(value),
            "message": t(key, lang, **params)}


def to_dataset(parsed: ParsedReport, tables: dict[str, pd.DataFrame] | None = None, lang: str = "zh") -> tuple[Dataset | None, list[dict]]:
    """The Dataset to commit (from the parsed report, or from corrected review tables) and the errors."""
    tables = tables or review_tables(parsed, lang)
    catalog = catalog_module.load()
    errors: list[dict] = []
    profile, observations = [], []
    figures = tables["figures"]
    by_key = {}
    for index, row in figures.reset_index(drop=True).iterrows():
        if not _kept(row["keep"]) or (_blank(row["key"]) and _blank(row["value"])):
            continue
        key, value, sentence = str(_text(row["key"])), row["value"], _text(row["sentence"])
        if key in catalog:
            unit = catalog[key].unit_zh
            try:
                quantity = numbers.parse_quantity(_text(value), unit=unit) if not _blank(value) else None
            except numbers.NotANumber:
                errors.append(_error("figures", index, "value", value, "report.error.not_a_number", lang))
                continue
            if quantity is None:
                continue
            qualifier = _text(row["qualifier"]) or quantity.qualifier
            if quantity.qualifier != "exact":
                qualifier = quantity.qualifier
            if qualifier not in numbers.QUALIFIERS:
                errors.append(_error("figures", index, "qualifier", row["qualifier"], "report.error.bad_code", lang, allowed=" / ".join(numbers.QUALIFIERS)))
                continue
            if key in by_key:
                errors.append(_error("figures", index, "key", key, "report.error.twice", lang, first=by_key[key] + 1))
                continue
            by_key[key] = index
            observations.append({"metric_id": key, "year": parsed.year, "month": None, "value": quantity.value,
                                 "qualifier": qualifier, "note": None, "sentence": sentence})
            field = next((f for f, m in _NUMERIC_FIELDS.items() if m == key), None)
            if field:
                original = parsed.fields.get(field)
                parsed_metric = parsed.metric(key)
                same = original is not None and parsed_metric is not None and parsed_metric.value == quantity.value
                profile.append({"field": field, "value": original.value if same else numbers.format_plain(quantity.value, "en").replace(",", "") + (unit if unit == "万元" else ""),
                                "sentence": sentence})
        elif key in TEXT_FIELDS:
            if not _blank(value):
                profile.append({"field": key, "value": str(value).strip(), "sentence": sentence})
        else:
            errors.append(_error("figures", index, "key", key, "report.error.unknown_key", lang))
    records = {table: _records(table, tables[table], errors, lang) for table in RECORD_COLUMNS}
    name = next((p["value"] for p in profile if p["field"] == "name"), None)
    if not name:
        errors.append({"row": None, "column": "name", "value": "", "message": t("report.error.no_name", lang)})
    if errors:
        return None, errors
    dataset = Dataset(
        institution=name, year=parsed.year, profile=profile, observations=observations,
        awards=records["awards"], honors=records["honors"], research=records["research"],
        source_name=parsed.source_name or "report.txt", source_bytes=parsed.source_bytes,
    )
    return dataset, []


def _records(table: str, frame: pd.DataFrame, errors: list[dict], lang: str) -> list[dict]:
    out = []
    columns = [c for c in RECORD_COLUMNS[table] if c not in ("confidence", "keep")]
    for index, row in frame.reset_index(drop=True).iterrows():
        if not _kept(row["keep"]) or all(_blank(row[c]) for c in columns):
            continue
        record, ok = {}, True
        for column in columns:
            value = row[column]
            if column == "count":
                try:
                    number = None if _blank(value) else float(str(value).strip())
                except ValueError:
                    number = None
                if number is None or not number.is_integer() or number <= 0:
                    errors.append(_error(table, index, column, value, "report.error.bad_count", lang))
                    ok = False
                    continue
                record[column] = int(number)
                continue
            text = _text(value)
            if column in CODES and text is not None and text not in CODES[column]:
                errors.append(_error(table, index, column, value, "report.error.bad_code", lang, allowed=" / ".join(CODES[column])))
                ok = False
                continue
            if text is None and column in REQUIRED[table]:
                errors.append(_error(table, index, column, value, "report.error.required", lang))
                ok = False
                continue
            record[column] = text
        if ok:
            out.append(record)
    return out
