"""A parsed report as review tables a person can correct, and the corrected tables as a Dataset.

One table holds the registration fields and the metrics (field / metric, value, qualifier, unit,
sentence, confidence, keep); three more hold awards, honours and research items. Values typed by
the reviewer are read like the report's own ("超600万", "约3000"), and every problem is listed
with its table row, column, value and reason.

The tables hold codes (at_least, national, lead …). `display_tables` turns them into what a
reviewer reads — every code a label in the page's language, empty cells empty — and
`code_tables` (also applied by `to_dataset`) turns edited labels back into codes.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from museum import catalog as catalog_module
from museum import numbers
from museum.i18n import t
from museum.report.parser import FORM_METRICS, ParsedReport
from museum.report.parser.layout import TEXT_FIELDS
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
# The columns of each table that hold codes, and the message-key prefix of each code's label.
CODED_COLUMNS = {"figures": ("qualifier",), "awards": ("level", "grade"), "honors": ("level",), "research": ("item_type", "role", "stage")}
_LABEL_KEYS = {"qualifier": "report.qualifier", "level": "level", "grade": "grade", "role": "role", "stage": "stage",
               "item_type": "item_type"}
_TEXT_COLUMNS = ("key", "name", "value", "unit", "sentence", "competition", "title", "subject", "awarded_by", "description")


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
        # every digit the report gave: the reviewer's table is read back as the value to store
        rows.append([m.metric, metric.name(lang), numbers.format_exact(m.value), m.qualifier,
                     metric.unit(lang), m.sentence, m.confidence, True])
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def record_rows(parsed: ParsedReport, table: str) -> pd.DataFrame:
    records = getattr(parsed, table)
    return pd.DataFrame([{**r, "keep": True} for r in records], columns=RECORD_COLUMNS[table])


def review_tables(parsed: ParsedReport, lang: str = "zh") -> dict[str, pd.DataFrame]:
    return {"figures": figure_rows(parsed, lang), **{table: record_rows(parsed, table) for table in RECORD_COLUMNS}}


# ---------------------------------------------------------------------------------------------
# Labels instead of codes


def _codes(column: str) -> tuple[str, ...]:
    return numbers.QUALIFIERS if column == "qualifier" else CODES[column]


def label(column: str, code, lang: str = "zh") -> str:
    """The label of a code ('national' -> '国家级'); an empty cell is ''; an unknown text stays as typed."""
    if _blank(code):
        return ""
    code = str(code).strip()
    return t(f"{_LABEL_KEYS[column]}.{code}", lang) if code in _codes(column) else code


def key_labels(lang: str = "zh") -> dict[str, str]:
    """Field / metric key -> the label a reviewer picks from ('headcount' -> '从业人数'), unique."""
    catalog = catalog_module.load()
    pairs = [(key, t(f"profile.{key}", lang)) for key in TEXT_FIELDS if key not in _NUMERIC_FIELDS]
    pairs += [(m.metric_id, m.name(lang)) for m in catalog if m.kind != "event"]
    labels: dict[str, str] = {}
    taken = {}
    for key, text in pairs:
        if text in taken:  # two keys with one name: both say which is which
            labels[taken[text]] = f"{text}（{taken[text]}）" if lang == "zh" else f"{text} ({taken[text]})"
            text = f"{text}（{key}）" if lang == "zh" else f"{text} ({key})"
        taken[text] = key
        labels[key] = text
    return labels


def column_options(table: str, column: str, lang: str = "zh") -> list[str]:
    """The labels a SelectboxColumn offers ('' first where the cell may stay empty)."""
    if table == "figures" and column == "key":
        return list(key_labels(lang).values())
    labels = [t(f"{_LABEL_KEYS[column]}.{code}", lang) for code in _codes(column)]
    optional = table == "figures" or column not in REQUIRED.get(table, ())
    return ([""] if optional else []) + labels


def _to_code(column: str, value, lang: str):
    """A label (in either language) or a code -> the code; empty -> None; anything else as typed."""
    if _blank(value):
        return None
    text = str(value).strip()
    if text in _codes(column):
        return text
    for code in _codes(column):
        if text in (t(f"{_LABEL_KEYS[column]}.{code}", "zh"), t(f"{_LABEL_KEYS[column]}.{code}", "en")):
            return code
    return text


def display_tables(tables: dict[str, pd.DataFrame], lang: str = "zh") -> dict[str, pd.DataFrame]:
    """The review tables as a reviewer reads them: labels for codes and keys, '' for empty cells."""
    keys = key_labels(lang)
    shown = {}
    for table, frame in tables.items():
        frame = frame.copy()
        for column in CODED_COLUMNS.get(table, ()):
            frame[column] = [label(column, v, lang) for v in frame[column]]
        if table == "figures":
            frame["key"] = [keys.get(str(k), "" if _blank(k) else str(k)) for k in frame["key"]]
        for column in _TEXT_COLUMNS:
            if column in frame.columns:
                frame[column] = ["" if _blank(v) else str(v) for v in frame[column]]
        shown[table] = frame.astype({c: object for c in frame.columns if c in _TEXT_COLUMNS or c in CODED_COLUMNS.get(table, ())})
    return shown


def code_tables(tables: dict[str, pd.DataFrame], lang: str = "zh") -> dict[str, pd.DataFrame]:
    """Edited tables (labels or codes) back to codes; empty cells None. Codes pass unchanged."""
    by_label = {text: key for key, text in key_labels(lang).items()}
    by_label.update({text: key for key, text in key_labels("en" if lang == "zh" else "zh").items() if text not in by_label})
    coded = {}
    for table, frame in tables.items():
        frame = frame.copy()
        for column in CODED_COLUMNS.get(table, ()):
            if column in frame.columns:
                frame[column] = pd.Series([_to_code(column, v, lang) for v in frame[column]], index=frame.index, dtype=object)
        if table == "figures" and "key" in frame.columns:
            frame["key"] = pd.Series([None if _blank(k) else by_label.get(str(k).strip(), str(k).strip()) for k in frame["key"]],
                                     index=frame.index, dtype=object)
        coded[table] = frame
    return coded


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value.strip()) or value is pd.NA


def _kept(value) -> bool:
    """A row is left out only when its "keep" box is unticked (a row added in the editor has none)."""
    return not (isinstance(value, (bool, np.bool_)) and not value)


def _text(value) -> str | None:
    return None if _blank(value) else str(value).strip()


def _allowed(column: str, lang: str) -> str:
    return " / ".join(t(f"{_LABEL_KEYS[column]}.{code}", lang) for code in _codes(column))


def column_label(column: str, lang: str = "zh") -> str:
    """The header a reviewer sees for a review-table column ('level' -> '级别')."""
    return t(f"report.column.{column}", lang)


def _error(table: str, row: int, column: str, value, key: str, lang: str, **params) -> dict:
    return {"row": f"{t(f'report.table.{table}', lang)} {row + 1}", "column": column_label(column, lang),
            "value": "" if _blank(value) else str(value), "message": t(key, lang, **params)}


def errors_table(errors: list[dict], lang: str = "zh") -> pd.DataFrame:
    """The review's problems for a page: headers in the language, nothing shown as "None"."""
    headers = {c: t(f"report.errors.{c}", lang) for c in ("row", "column", "value", "message")}
    rows = [{headers[c]: "" if e.get(c) is None else str(e[c]) for c in headers} for e in errors]
    return pd.DataFrame(rows, columns=list(headers.values()))


def to_dataset(parsed: ParsedReport, tables: dict[str, pd.DataFrame] | None = None, lang: str = "zh") -> tuple[Dataset | None, list[dict]]:
    """The Dataset to commit (from the parsed report, or from corrected review tables) and the errors."""
    tables = code_tables(tables, lang) if tables else review_tables(parsed, lang)
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
                errors.append(_error("figures", index, "qualifier", row["qualifier"], "report.error.bad_code", lang,
                                     allowed=_allowed("qualifier", lang)))
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
                same = original is not None and parsed_metric is not None and numbers.same_value(parsed_metric.value, quantity.value)
                profile.append({"field": field, "value": original.value if same else numbers.format_exact(quantity.value) + (unit if unit == "万元" else ""),
                                "sentence": sentence})
        elif key in TEXT_FIELDS:
            if not _blank(value):
                profile.append({"field": key, "value": str(value).strip(), "sentence": sentence})
        else:
            errors.append(_error("figures", index, "key", key, "report.error.unknown_key", lang))
    records = {table: _records(table, tables[table], errors, lang) for table in RECORD_COLUMNS}
    name = next((p["value"] for p in profile if p["field"] == "name"), None)
    if not name:
        errors.append({"row": None, "column": column_label("name", lang), "value": "", "message": t("report.error.no_name", lang)})
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
                errors.append(_error(table, index, column, value, "report.error.bad_code", lang, allowed=_allowed(column, lang)))
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
