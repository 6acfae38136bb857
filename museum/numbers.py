"""Numbers as Chinese offices write them: parse "超500万次", "2万余", "近3000"; format 500万+.

A qualifier travels with every value: `exact`, `at_least` (超/逾/余/多/以上/+) or `approx`
(约/近/左右). "超500万" is 5,000,000 at_least and is shown as "500万+", never as a bare number.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from museum import settings
from museum.i18n import t

QUALIFIERS = ("exact", "at_least", "approx")
# How far a change (or a share) can be trusted, from the qualifiers of its two values:
# exact; at_least / at_most: a bound (超500万 vs 385.7万 is "at least +29.6%"); approx: 约.
BOUNDS = ("exact", "at_least", "at_most", "approx")
UNITS_FILE = settings.ROOT / "data" / "units.csv"
MINUS = "\u2212"  # one minus sign everywhere a number is shown (never the ASCII hyphen)

MISSING_MARKS = {"", "-", "—", "–", "--", "——", "/", "\\", "n/a", "na", "null", "none", "无数据", "不适用", "未填报"}

_AT_LEAST_PREFIXES = ("超过", "多于", "大于", "不少于", "不低于", "突破", "超", "逾", ">=", "≥", ">")
_APPROX_PREFIXES = ("将近", "接近", "大约", "约", "近", "≈", "~", "～")
_AT_LEAST_SUFFIXES = ("以上", "余", "多", "+")
_APPROX_SUFFIXES = ("左右", "上下")
_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百万": 1_000_000, "千万": 10_000_000}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_GROUPS = {"万": 10_000, "亿": 100_000_000}


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


def canonical(value) -> float:
    """A float without the noise of decimal arithmetic (66.42000000000002 -> 66.42; -0.0 -> 0.0).

    Ten decimals is what parse_quantity keeps of a written number, so a value typed as text and
    the same value from a spreadsheet cell compare equal.
    """
    return round(float(value), 10) + 0.0


def same_value(a, b) -> bool:
    """Whether two stored values are the same number (float noise aside)."""
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def is_missing(text) -> bool:
    if text is None:
        return True
    if isinstance(text, float) and math.isnan(text):
        return True
    return unicodedata.normalize("NFKC", str(text)).strip().lower() in MISSING_MARKS


def chinese_numeral(text: str) -> int | None:
    """二十七 -> 27, 两 -> 2, 一百零五 -> 105, 一万二千 -> 12,000, 一亿二千万 -> 120,000,000; None when `text`
    is not a Chinese numeral."""
    if not text or text[0] in _CN_GROUPS or any(ch not in _CN_DIGITS and ch not in _CN_UNITS and ch not in _CN_GROUPS
                                                for ch in text):
        return None
    total, section, digit = 0, 0, None  # section: the part below the last 万 / 亿
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            digit = None
            if _CN_GROUPS[ch] == 100_000_000:
                total, section = (total + section) * 100_000_000, 0
            else:
                total, section = total + section * 10_000, 0
    return total + section + (digit or 0)


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
        return Quantity(canonical(text))
    if is_missing(text):
        return None
    original = str(text)
    s = unicodedata.normalize("NFKC", original).strip()
    s = s.replace(",", "").replace("，", "").replace(" ", "").replace("'", "")
    s = re.sub(r"([\d十百千])([余多])([万亿])", r"\1\3\2", s)  # "十余万", "15余万" are "十万余", "15万余"
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
        cn = re.match(r"^[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*", s)
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
#
# Chinese readers get 万/亿 ("500万+次"); English readers get thousands separators, k/M/B on cards
# ("5.0M+ visits"), money in yuan ("CNY 631k" for 63.1万元) and singular units ("1 project").


@dataclass(frozen=True)
class EnglishUnit:
    """How an English unit is written (data/units.csv): 'project' for 1, 'CNY 631k' for 63.1 (10k CNY)."""

    plural: str
    singular: str
    prefix: str = ""      # written before the number, after scaling ("CNY")
    scale: float = 1.0    # 10000 for a value stored in 万元


@lru_cache(maxsize=1)
def english_units() -> dict[str, EnglishUnit]:
    with UNITS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["unit_en"]: EnglishUnit(row["unit_en"], row["singular"] or row["unit_en"], row["prefix"], float(row["scale"] or 1))
        for row in rows
    }


def _trim(number: float, decimals: int) -> str:
    text = f"{number:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _signed(text: str) -> str:
    return MINUS + text[1:] if text.startswith("-") else text


def format_exact(value) -> str:
    """Every digit a value has, no separators: 66.425 -> '66.425', 5e6 -> '5000000' (for editing)."""
    text = _trim(canonical(value), 10)
    return text


def _compact_en(value: float) -> str:
    """English card style: 5,528 · 20k · 592.7k · 5.0M · 1.2B."""
    magnitude = abs(value)
    if magnitude >= 999_950_000 or round(magnitude / 1e6, 1) >= 1000:
        return _signed(f"{value / 1e9:.1f}") + "B"
    if magnitude >= 999_950 or round(magnitude / 1e3, 1) >= 1000:
        return _signed(f"{value / 1e6:.1f}") + "M"
    if magnitude >= 10_000:
        return _signed(_trim(value / 1e3, 1)) + "k"
    return _full_en(value, 2)


def _full_en(value: float, decimals: int) -> str:
    if float(value).is_integer():
        return _signed(f"{int(value):,}")
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return _signed(text)


def format_plain(value: float, lang: str = "zh", decimals: int = 2, compact: bool = False) -> str:
    """5528 -> '5528' (zh) / '5,528' (en); 5000000 -> '500万' (zh) / '5,000,000' (en, '5.0M' compact)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    value = float(value)
    if lang == "en":
        return _compact_en(value) if compact else _full_en(value, decimals)
    number, scale = _zh_scaled(value, decimals)
    return _signed(_trim(number, decimals)) + scale


# Chinese large-number units, largest first: 1万亿 = 10^12, 1亿 = 10^8, 1万 = 10^4.
ZH_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"), (1.0, ""))


def _zh_scaled(value: float, decimals: int) -> tuple[float, str]:
    """The value in the largest unit it reaches once rounded: 99,999,999 -> (1, '亿'), never '10000万'."""
    for position, (scale, word) in enumerate(ZH_SCALES):
        below = ZH_SCALES[position + 1][0] if position + 1 < len(ZH_SCALES) else None
        reaches = abs(value) >= scale or (below is not None and round(abs(value) / below, decimals) >= scale / below)
        if reaches or scale == 1.0:
            return value / scale, word
    return value, ""


def _zh_amount(value: float, unit: str, decimals: int = 2) -> tuple[str, str]:
    """(number, unit): ('59.27', '万元'), and a 万 unit merged with the number's own scale:
    10000万元 -> ('1亿', '元'), never '1万万元'."""
    number = format_plain(value, "zh", decimals)
    if unit.startswith("万") and number.endswith(("万", "亿")):
        return format_plain(value * 10_000, "zh", decimals), unit[1:]
    return number, unit


def _english_amount(value: float, unit: str, compact: bool, qualifier: str = "exact", decimals: int = 2) -> str:
    """'5,528 posts', '1 project', 'CNY 631k', '97.7%' — the number with its English unit."""
    spec = english_units().get(unit)
    if spec is not None and spec.prefix:
        number = format_plain(value * spec.scale, "en", decimals, compact=compact)
        return f"{spec.prefix} {number}" + ("+" if qualifier == "at_least" else "")
    text = format_plain(value, "en", decimals, compact=compact) + ("+" if qualifier == "at_least" else "")
    if not unit:
        return text
    if unit == "%":
        return text + unit
    word = spec.singular if spec is not None and abs(value) == 1 and qualifier != "at_least" else unit
    return f"{text} {word}"


def format_value(value: float | None, qualifier: str = "exact", lang: str = "zh", unit: str = "", compact: bool = False,
                 decimals: int = 2) -> str:
    """A value with its qualifier and unit: '500万+次', '约3000人', '59.27万元'; English '5,000,000+ visits',
    '≈3,000 people', '1 project', 'CNY 592,700'; with `compact` (cards) '5.0M+ visits', 'CNY 592.7k'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if lang == "en":
        text = _english_amount(float(value), unit, compact, qualifier, decimals)
        return "≈" + text if qualifier == "approx" else text
    number, unit = _zh_amount(float(value), unit, decimals)
    if qualifier == "at_least":
        number += "+"
    elif qualifier == "approx":
        number = "约" + number
    return number + unit


# The qualifier words of a report and where they stand: before the number (超500万次), between
# the number and the unit (2万余人), or after the unit (50场以上, 3000人左右).
_WORDS_BEFORE = ("超过", "不少于", "突破", "将近", "接近", "大约", "超", "逾", "近", "约")
_WORDS_INSIDE = ("余", "多")
_WORDS_AFTER = ("以上", "左右", "上下")
QUALIFIER_WORDS = {"at_least": ("超过", "不少于", "突破", "超", "逾", "余", "多", "以上"),
                   "approx": ("将近", "接近", "大约", "近", "约", "左右", "上下")}


def format_words(value: float | None, qualifier: str = "exact", lang: str = "zh", unit: str = "", word: str | None = None) -> str:
    """A value as prose writes it: '超500万次', '2万余人' (with word='余'), '近3000人'; English
    'more than 5.0M visits', 'about 3,000 people'. `word` is the report's own qualifier word."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if lang == "en":
        amount = _english_amount(float(value), unit, True)
        if qualifier == "exact":
            return amount
        return t("kpi.words.at_least" if qualifier == "at_least" else "kpi.words.approx", "en", amount=amount)
    number, unit = _zh_amount(float(value), unit)
    if qualifier == "exact":
        return number + unit
    if word not in QUALIFIER_WORDS.get(qualifier, ()):
        word = "超" if qualifier == "at_least" else "约"
    if word in _WORDS_INSIDE:
        return number + word + unit
    if word in _WORDS_AFTER:
        return number + unit + word
    return word + number + unit


def bounded(signed: str, magnitude: str, direction: int, bound, lang: str, verbs: str = "pct") -> str:
    """A signed change with its bound: '+12.3%', '约 +12.3%', '增长超29.6%' / 'at least +29.6%',
    '下降超40.0%' / 'at most −40.0%'. `verbs`: pct (增长/下降) or amount (增加/减少)."""
    if bound not in BOUNDS or bound == "exact":
        return signed
    if bound == "approx":
        return t("kpi.bound.approx", lang, signed=signed)
    side = "flat" if direction == 0 else ("up" if direction > 0 else "down")
    return t(f"kpi.bound.{bound}.{side}", lang, signed=signed, magnitude=magnitude,
             up=t(f"kpi.verb.{verbs}.up", lang), down=t(f"kpi.verb.{verbs}.down", lang))


def _direction(number: float, decimals: int) -> int:
    shown = round(number, decimals)
    return 0 if shown == 0 else (1 if shown > 0 else -1)


def format_change_pct(change_pct: float | None, bound="exact", lang: str = "zh") -> str:
    """'+12.3%', '−5.0%', '约 +12.3%', '增长超29.6%' / 'at least +29.6%'."""
    if change_pct is None:
        return "—"
    signed = _signed(f"{change_pct:+.1f}%")
    return bounded(signed, f"{abs(change_pct):.1f}%", _direction(change_pct, 1), bound, lang)


def format_change(change: float | None, bound="exact", lang: str = "zh", unit: str = "") -> str:
    """An absolute change with its unit: '+7场次', '−3.83万元', '−CNY 38.3k', '增加超2万人'."""
    if change is None:
        return "—"
    sign = "+" if change > 0 else (MINUS if change < 0 else "±")
    if lang == "en":
        magnitude = _english_amount(abs(change), unit, True)
    else:
        magnitude = "".join(_zh_amount(abs(change), unit))
    return bounded(sign + magnitude, magnitude, _direction(change, 10), bound, lang, verbs="amount")


def format_points(points: float | None, bound="exact", lang: str = "zh") -> str:
    """A change of a ratio, in percentage points: '+2.0个百分点' / '+2.0 pp'."""
    if points is None:
        return "—"
    suffix = " pp" if lang == "en" else "个百分点"
    signed = _signed(f"{points:+.1f}") + suffix
    return bounded(signed, f"{abs(points):.1f}" + suffix, _direction(points, 1), bound, lang, verbs="amount")


def format_share(pct: float | None, lang: str = "zh") -> str:
    """A share of a total in whole percent: 66.4 -> '66%' (a card has no room for decimals)."""
    if pct is None:
        return "—"
    return f"{pct:.0f}%"
