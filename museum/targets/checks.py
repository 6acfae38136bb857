"""Check indicator rows (from a sheet, the review table or a hand edit) into target records.

Every problem is listed with its row, column, value and what to do; a row set with any error
is refused whole. The same checks run on a file, on the edited review table and on one edited
indicator, so what the page accepts and what the CLI accepts cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from museum import numbers
from museum.catalog import Catalog, normalize_name
from museum.i18n import Listing
from museum.intake.problems import Notice, Problem
from museum.targets import links
from museum.targets.values import NUMERIC_OPERATORS, TargetTextError, parse_target, units_fit
from museum.targets.scoring import INDICATOR_WEIGHT

# Written in a 关联指标 cell to say "deliberately not linked" (no suggestion is made then).
NO_LINK_MARKS = ("无", "不关联", "none", "-", "—", "/")


@dataclass
class RowInput:
    row: int
    level1: str | None
    level2: str | None
    indicator: str | None
    target: str | None
    weight: str | None
    metric: str | None = None
    metric_given: bool = False      # True: the metric cell decides (the review, a hand edit); no suggestion
    operator: str | None = None     # the review's choice; None: as written in the target text


@dataclass
class Checked:
    records: list[dict] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    @property
    def weight_total(self) -> float:
        return float(sum(r["weight"] for r in self.records))


def _clean(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return None if not text or text.lower() in ("nan", "none", "<na>") else text


def _weight(text, row: int, column: str, errors: list[Problem]) -> float | None:
    if numbers.is_missing(text):
        errors.append(Problem("targets.error.weight_empty", row, column, ""))
        return None
    try:
        quantity = numbers.parse_quantity(text, unit="分")
    except numbers.NotANumber:
        quantity = None
    if quantity is None or quantity.unit not in ("", "分") or quantity.qualifier != "exact":
        errors.append(Problem("targets.error.weight_not_number", row, column, str(text), {"value": str(text)}))
        return None
    if quantity.value < 0 or quantity.value > 100:
        errors.append(Problem("targets.error.weight_range", row, column, str(text), {"value": str(text)}))
        return None
    return quantity.value


def check_rows(rows: list[RowInput], cat: Catalog, columns: dict[str, str], *, expect_total: bool = True) -> Checked:
    """Target records (position, levels, operator, value in the metric's unit, 分值, link) or problems.

    `columns` names each column as the reader sees it (the file's header, the review's heading).
    """
    checked = Checked()
    seen: dict[str, int] = {}
    bare_rows: list[int] = []
    weights: list[float] = []
    weight_errors = False
    for position, item in enumerate(rows, start=1):
        errors: list[Problem] = []
        indicator = _clean(item.indicator)
        target_text = _clean(item.target)
        if indicator is None:
            errors.append(Problem("targets.error.indicator_empty", item.row, columns["indicator"], ""))
        else:
            key = normalize_name(indicator)
            if key in seen:
                errors.append(Problem("targets.error.duplicate", item.row, columns["indicator"], indicator,
                                      {"indicator": indicator, "first": seen[key]}))
            else:
                seen[key] = item.row
        parsed = None
        try:
            parsed = parse_target(target_text)
        except TargetTextError as exc:
            errors.append(Problem(exc.key, item.row, columns["target"], exc.text, {"value": exc.text}))
        before = len(errors)
        weight = _weight(_clean(item.weight), item.row, columns["weight"], errors)
        weights.append(weight or 0.0)
        weight_errors = weight_errors or len(errors) > before
        operator = parsed.operator if parsed else None
        if parsed is not None and item.operator and item.operator != parsed.operator:
            if item.operator in NUMERIC_OPERATORS and parsed.value is None:
                errors.append(Problem("targets.error.operator_needs_value", item.row, columns.get("operator", columns["target"]),
                                      parsed.text, {"value": parsed.text}))
            operator = item.operator
        if parsed is not None and not parsed.explicit and operator == parsed.operator:
            bare_rows.append(item.row)
        unit = parsed.unit if parsed else ""
        value = parsed.value if parsed and operator != "qualitative" else None
        metric_id, matched = None, None
        metric_text = _clean(item.metric)
        metric_column = columns.get("metric", columns["indicator"])
        if metric_text and normalize_name(metric_text) not in NO_LINK_MARKS and not links.is_no_link(metric_text):
            metric_id = links.resolve(metric_text, cat)
            if metric_id is None:
                errors.append(Problem("targets.error.unknown_metric", item.row, metric_column, metric_text, {"value": metric_text}))
            elif operator == "qualitative":
                errors.append(Problem("targets.error.qualitative_link", item.row, metric_column, metric_text, {"value": metric_text}))
                metric_id = None
            elif parsed is not None and not units_fit(unit, cat[metric_id].unit_zh):
                metric = cat[metric_id]
                errors.append(Problem("targets.error.unit_mismatch", item.row, metric_column, metric_text,
                                      {"metric": metric.name_zh, "metric_en": metric.name_en, "metric_unit": metric.unit_zh,
                                       "unit": unit, "value": metric_text}))
                metric_id = None
        elif not item.metric_given and not metric_text and indicator and parsed is not None and operator != "qualitative":
            suggestion = links.suggest(indicator, unit, cat)
            if suggestion is not None:
                metric_id, matched = suggestion.metric_id, suggestion.matched
        if metric_id is not None:
            unit = cat[metric_id].unit_zh  # the catalog's unit: 场 -> 场次, a bare value gets its unit
        checked.errors.extend(errors)
        if errors:
            continue
        checked.records.append({
            "row": item.row, "position": position, "level1": _clean(item.level1), "level2": _clean(item.level2),
            "indicator": indicator, "operator": operator, "target_value": value, "target_text": target_text,
            "unit": unit or None, "weight": weight, "metric_id": metric_id, "matched": matched,
        })
    if bare_rows:
        checked.notices.append(Notice("targets.warn.bare_operator", {"count": len(bare_rows), "rows": Listing.of(bare_rows)}))
    # the sum is shown even beside other errors (every problem at once), unless a 分值 is unreadable
    total = float(sum(weights))
    if expect_total and rows and not weight_errors and abs(total - INDICATOR_WEIGHT) > 1e-6:
        checked.notices.append(Notice("targets.warn.weight_total", {"total": numbers.format_plain(total, "en")}))
    return checked
