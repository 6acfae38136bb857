"""年度指标值 as the finance offices write them: ≥6000篇, 不少于400条, ≤120万元, =300天, 100%, 达到预期.

A written comparison decides the operator (`>=`, `<=`, `=`); a bare value (`100%`, `10场`) is read
as `>=`, the usual meaning on these forms, and the review lets the editor change it. Text without
a figure is a qualitative target, unless it compares with last year without saying by how much
("较上年提高"): that cannot be scored and is refused. Money is kept in 万元; other multipliers are
applied (450万次 is 4,500,000 次), and a linked indicator takes its metric's unit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from museum import numbers

OPERATORS = (">=", "<=", "=", "qualitative")
NUMERIC_OPERATORS = (">=", "<=", "=")

# Longest first within each list: "不少于" before "少于" never matters here, but "≥" vs ">=" does.
_GE_PREFIXES = ("大于或等于", "大于等于", "不少于", "不低于", "不小于", "至少", "达到", "超过", ">=", "≥", ">", "超")
_LE_PREFIXES = ("小于或等于", "小于等于", "不超过", "不高于", "不大于", "控制在", "低于", "少于", "<=", "≤", "<")
_EQ_PREFIXES = ("等于", "==", "=")
_GE_SUFFIXES = ("及以上", "以上")
_LE_SUFFIXES = ("以内", "以下", "之内")
# A target measured against last year without a figure of its own cannot be evaluated.
_RELATIVE = re.compile(r"较上年|比上年|较去年|比去年|上一年|同比|环比|逐年|较往年")
# Units that name the same thing on the form and in the catalog.
_SAME_UNITS = {frozenset(("场", "场次")), frozenset(("个", "项")), frozenset(("人", "名"))}


class TargetTextError(ValueError):
    """The text is not a target this module can read; `key` is the message key for the user."""

    def __init__(self, text: str, key: str):
        super().__init__(text)
        self.text = text
        self.key = key


@dataclass(frozen=True)
class TargetValue:
    operator: str            # one of OPERATORS
    value: float | None      # None for a qualitative target
    unit: str                # as written after multipliers ("篇", "%", "万元", "")
    text: str                # the cell as written
    explicit: bool = True    # False: a bare value, read as >=


def _strip(text: str, prefixes=(), suffixes=()) -> tuple[str, bool]:
    for prefix in prefixes:
        if text.startswith(prefix):
            return text[len(prefix):].strip(), True
    for suffix in suffixes:
        if text.endswith(suffix):
            return text[: -len(suffix)].strip(), True
    return text, False


def parse_target(text) -> TargetValue:
    """One 年度指标值 cell -> operator, value and unit. Raises TargetTextError."""
    if numbers.is_missing(text):
        raise TargetTextError("" if text is None else str(text), "targets.value.empty")
    written = str(text).strip()
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        number = float(text)
        return TargetValue(">=", number, "", numbers.format_plain(number, "en").replace(",", ""), explicit=False)
    s = unicodedata.normalize("NFKC", written).replace(" ", "").replace("　", "")
    if _RELATIVE.search(s):
        raise TargetTextError(written, "targets.value.relative")
    if not re.search(r"\d|[零〇一二两三四五六七八九十百千]+[篇条场次项个天人名件期所支]", s):
        return TargetValue("qualitative", None, "", written)
    operator, explicit = ">=", True
    for candidate, prefixes, suffixes in (
        ("<=", _LE_PREFIXES, ()), (">=", _GE_PREFIXES, ()), ("=", _EQ_PREFIXES, ()),
    ):
        s, hit = _strip(s, prefixes, suffixes)
        if hit:
            operator = candidate
            break
    else:
        explicit = False
    s, hit = _strip(s, (), _LE_SUFFIXES)
    if hit:
        operator, explicit = "<=", True
    else:
        s, hit = _strip(s, (), _GE_SUFFIXES)
        if hit:
            operator, explicit = ">=", True
    money = s.endswith("万元")
    try:
        quantity = numbers.parse_quantity(s, unit="万元" if money else "")
    except numbers.NotANumber as exc:
        raise TargetTextError(written, "targets.value.unreadable") from exc
    if quantity is None:
        raise TargetTextError(written, "targets.value.unreadable")
    if quantity.qualifier == "approx":
        raise TargetTextError(written, "targets.value.approx")
    value, unit = quantity.value, quantity.unit
    if money:
        unit = "万元"
    elif unit in ("元", "亿元"):
        value, unit = round(quantity.value / 10_000, 6), "万元"
    if quantity.qualifier == "at_least" and not explicit:
        operator, explicit = ">=", True
    return TargetValue(operator, value, unit, written, explicit)


def units_fit(written: str, metric_unit: str) -> bool:
    """Whether a target written in `written` can be compared with a metric counted in `metric_unit`."""
    if not written or written == metric_unit:
        return True
    return frozenset((written, metric_unit)) in _SAME_UNITS


def operator_text(operator: str, value: float | None, unit: str, lang: str = "zh") -> str:
    """A target as people read it: ≥6000篇, ≤104万元, =300天 (qualitative targets keep their text)."""
    if operator == "qualitative" or value is None:
        return ""
    sign = {">=": "≥", "<=": "≤", "=": "="}[operator]
    return sign + numbers.format_value(value, "exact", lang, unit)
