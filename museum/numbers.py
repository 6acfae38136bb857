"""Numbers as Chinese offices write them: parse "超500万次", "2万余", "近3000"; format 500万+.

A qualifier travels with every value: `exact`, `at_least` (超/逾/余/多/以上/+) or `approx`
(约/近/左右). "超500万" is 5,000,000 at_least and is shown as "500万+", never as a bare number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

QUALIFIERS = ("exact", "at_least", "approx")

MISSING_MARKS = {"", "-", "—", "–", "--", "——", "/", "\\", "n/a", "na", "null", "none", "无数据", "不适用", "未填报"}

_AT_LEAST_PREFIXES = ("超过", "多于", "大于", "不少于", "不低于", "超", "逾", ">=", "≥", ">")
_APPROX_PREFIXES = ("将近", "接近", "大约", "约", "近", "≈", "~", "～")
_AT_LEAST_SUFFIXES = ("以上", "余", "多", "+")
_APPROX_SUFFIXES = ("左右", "上下")
_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百万": 1_000_000, "千万": 10_000_000}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


@dataclass(frozen=True)
class Quantity:
    value: float
    qualifier: str = "exact"
    unit: str = ""  # what stood after the number once multipliers were applied ("篇", "%", "")


class NotANumber(ValueError):
    """The text is not a number; `reason` is a message key for the user."""

    def __init__(self, text: str, reason: str = "numbers.not_a_number"):
        super().__init__(text)
        self.text = text
        self.reason = reason


def is_missing(text) -> bool:
    if text is None:
        return True
    if isinstance(text, float) and math.isnan(text):
        return True
    return unicodedata.normalize("NFKC", str(text)).strip().lower() in MISSING_MARKS


def chinese_numeral(text: str) -> int | None:
    """二十七 -> 27, 两 -> 2, 三十二 -> 32; None when `text` is not a Chinese numeral."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


def _strip_prefix(text: str, prefixes) -> tuple[str, bool]:
    for prefix in prefixes:
        if text.startswith(prefix):
            return text[len(prefix):].strip(), True
    return text, False


def _strip_suffix(text: str, suffixes) -> tuple[str, bool]:
    for suffix in suffixes:
        if text.endswith(suffix):
            return text[: -len(suffix)].strip(), True
    return text, False


def parse_quantity(text, unit: str = "") -> Quantity | None:
    """Parse one cell. None means "not reported" (empty, -, —, /). Raises NotANumber.

    `unit` is the metric's unit ("篇", "万元", "%"): when the text ends with it, it is dropped
    before multipliers are read, so "59.27万元" is 59.27 (unit 万元) but "500万次" is 5,000,000.
    """
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        if isinstance(text, float) and math.isnan(text):
            return None
        return Quantity(float(text))
    if is_missing(text):
        return None
    original = str(text)
    s = unicodedata.normalize("NFKC", original).strip()
    s = s.replace(",", "").replace("，", "").replace(" ", "").replace("'", "")
    qualifier = "exact"

    s, hit = _strip_prefix(s, _AT_LEAST_PREFIXES)
    if hit:
        qualifier = "at_least"
    else:
        s, hit = _strip_prefix(s, _APPROX_PREFIXES)
        if hit:
            qualifier = "approx"

    if unit and unit not in ("%",) and s.endswith(unit):
        s = s[: -len(unit)].strip()
    # a qualifier may sit after the unit too ("3000人左右", "2万余人" is handled below)
    s, hit = _strip_suffix(s, _APPROX_SUFFIXES)
    if hit:
        qualifier = "approx"
    s, hit = _strip_suffix(s, _AT_LEAST_SUFFIXES)
    if hit:
        qualifier = "at_least"

    match = _NUMBER.match(s)
    if not match:
        cn = re.match(r"^[零〇一二两三四五六七八九十百千]+", s)
        if cn and chinese_numeral(cn.group()) is not None:
            number, rest = float(chinese_numeral(cn.group())), s[cn.end():]
        else:
            raise NotANumber(original)
    else:
        number, rest = float(match.group()), s[match.end():]

    for word in sorted(_MULTIPLIERS, key=len, reverse=True):
        if rest.startswith(word) and not (unit and rest == unit):
            number *= _MULTIPLIERS[word]
            rest = rest[len(word):]
            break
    rest, hit = _strip_suffix(rest, _AT_LEAST_SUFFIXES)  # 2万余 -> 余 after the multiplier
    if hit:
        qualifier = "at_least"
    rest, hit = _strip_prefix(rest, ("余", "多"))  # 2万余人: 余 before the unit
    if hit:
        qualifier = "at_least"
    rest, hit = _strip_suffix(rest, _APPROX_SUFFIXES)
    if hit:
        qualifier = "approx"
    rest = rest.strip()
    if unit and rest == unit:
        rest = ""
    if rest and not re.fullmatch(r"[%\u4e00-\u9fffA-Za-z²/()（）]+", rest):
        raise NotANumber(original)
    return Quantity(round(number, 10), qualifier, rest)


# ---------------------------------------------------------------------------------------------
# Formatting


def _trim(number: float, decimals: int) -> str:
    text = f"{number:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_plain(value: float, lang: str = "zh", decimals: int = 2) -> str:
    """5528 -> '5528' (zh) / '5,528' (en); 5000000 -> '500万' (zh) / '5,000,000' (en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if lang == "en":
        if float(value).is_integer():
            return f"{int(value):,}"
        return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    magnitude = abs(value)
    if magnitude >= 100_000_000:
        return _trim(value / 100_000_000, decimals) + "亿"
    if magnitude >= 10_000:
        return _trim(value / 10_000, decimals) + "万"
    return _trim(value, decimals)


def format_value(value: float | None, qualifier: str = "exact", lang: str = "zh", unit: str = "") -> str:
    """A value with its qualifier and unit: '500万+', '约3000人', '≈3,000 people', '59.27万元'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = format_plain(value, lang)
    if qualifier == "at_least":
        text += "+"
    elif qualifier == "approx":
        text = ("≈" if lang == "en" else "约") + text
    if unit:
        text += (" " + unit) if lang == "en" and unit not in ("%",) else unit
    return text


def format_change_pct(change_pct: float | None, approximate: bool, lang: str = "zh") -> str:
    if change_pct is None:
        return "—"
    text = f"{change_pct:+.1f}%"
    if approximate:
        text = ("≈ " if lang == "en" else "约 ") + text
    return text


def format_change(change: float | None, approximate: bool, lang: str = "zh", unit: str = "") -> str:
    if change is None:
        return "—"
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    text = sign + format_plain(abs(change), lang)
    if unit:
        text += (" " + unit) if lang == "en" and unit != "%" else unit
    if approximate:
        text = ("≈ " if lang == "en" else "约 ") + text
    return text


def format_points(points: float | None, approximate: bool, lang: str = "zh") -> str:
    """A change of a ratio, in percentage points."""
    if points is None:
        return "—"
    text = f"{points:+.1f}" + (" pp" if lang == "en" else "个百分点")
    if approximate:
        text = ("≈ " if lang == "en" else "约 ") + text
    return text
