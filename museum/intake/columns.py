"""Header cells of office sheets -> metrics: units in brackets, remembered aliases, explicit maps.

"科普图文（篇）", "访问量(万次)", "资产年末数[单位：万元]", "接待观众万人次": the metric is matched
without its unit, and the unit gives the factor to the catalog's unit (万 x10⁴, 亿 x10⁸, 千 x10³;
元 into 万元 x10⁻⁴). A unit that cannot be the metric's (科普图文（万元）) is an error for the column.
A catalog name that ends in its own unit word (接待观众人次, unit 人次) is matched when written
NAME（UNIT） (接待观众（人次）, 接待观众（万人次）) or as NAME alone (接待观众). A header matched as a
whole by a map or a remembered alias keeps the unit it carries, as any other header does.
A column the catalog does not know is matched by the institution's remembered aliases and the
explicit map of this upload (column text -> metric id, or "" to ignore it), else it is listed as
unmatched with suggestions; it never rejects the file by itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from museum.catalog import Catalog, normalize_name

IGNORE = ""  # a mapping to "" means: ignore this column
# "NAME（UNIT）", "NAME(单位：UNIT)": a header's name and the unit in its brackets
BRACKETED = re.compile(r"^(?P<name>.*?)\s*[（(\[【]\s*(?:单位\s*[:：]\s*)?(?P<unit>[^）)\]】]*)\s*[）)\]】]\s*$")
_MULTIPLIERS = (("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("亿", 1e8), ("千", 1e3))
_UNIT_LINE = re.compile(r"^(?:金额)?单位\s*[:：]\s*(?P<unit>\S+)$")
_UNIT_WORDS = ("万人次", "人次", "万次", "次", "万元", "元", "篇", "条", "场次", "场", "人", "个", "项", "件", "天", "小时", "%")


@dataclass(frozen=True)
class ColumnMatch:
    metric_id: str | None          # None: not matched; IGNORE: ignored on purpose
    scale: float = 1.0
    unit: str = ""                 # the unit written in the header ("" for none)
    unit_error: bool = False       # the header's unit cannot be the metric's
    via: str = "catalog"           # catalog | alias | map
    name: str = ""                 # the header without its unit


def split_multiplier(unit: str) -> tuple[float, str]:
    folded = unicodedata.normalize("NFKC", unit).strip()
    for word, factor in _MULTIPLIERS:
        if folded.startswith(word):
            return factor, folded[len(word):]
    return 1.0, folded


def unit_factor(header_unit: str, metric_unit: str, metric_unit_en: str = "") -> float | None:
    """The factor from values written in `header_unit` to the metric's unit; None if it cannot be."""
    folded = unicodedata.normalize("NFKC", header_unit).strip()
    if folded in ("", metric_unit, metric_unit_en):
        return 1.0
    h_mult, h_base = split_multiplier(folded)
    m_mult, m_base = split_multiplier(metric_unit)
    if h_base == "" or h_base == m_base or (h_base and m_base and (h_base in m_base or m_base in h_base)):
        return h_mult / m_mult
    return None


def unit_line(cells) -> str | None:
    """The unit of a line like "金额单位：万元" above a header."""
    for cell in cells:
        if cell is None:
            continue
        match = _UNIT_LINE.match(unicodedata.normalize("NFKC", str(cell)).strip())
        if match:
            return match["unit"]
    return None


def split_unit(text: str, cat: Catalog, lookup) -> tuple[str, str]:
    """(name, unit) of a header cell: a bracketed unit, else a unit word at the end when what
    remains is a metric name ("接待观众万人次")."""
    folded = unicodedata.normalize("NFKC", str(text)).strip()
    match = BRACKETED.match(folded)
    if match and match["name"]:
        return match["name"].strip(), match["unit"].strip()
    if lookup(folded) is None:
        for word in _UNIT_WORDS:
            if folded.endswith(word) and len(folded) > len(word) and lookup(folded[: -len(word)]) is not None:
                return folded[: -len(word)], word
    return folded, ""


class ColumnResolver:
    """Resolves header texts with the catalog, the institution's aliases and this upload's map."""

    def __init__(self, cat: Catalog, aliases: dict[str, str] | None = None, mapping: dict[str, str] | None = None,
                 default_unit: str | None = None):
        self.cat = cat
        self.aliases = {normalize_name(k): v for k, v in (aliases or {}).items()}
        self.mapping = {normalize_name(k): v for k, v in (mapping or {}).items()}
        self.default_unit = default_unit

    def _lookup(self, text: str) -> tuple[str, str] | None:
        key = normalize_name(text)
        if key in self.mapping:
            return self.mapping[key], "map"
        if key in self.aliases:
            return self.aliases[key], "alias"
        found = self.cat.resolve(text)
        return (found, "catalog") if found else None

    def _with_unit(self, name: str, unit: str) -> tuple[str, str] | None:
        """A catalog name that carries its own unit word ("接待观众人次", unit 人次) written as
        NAME（UNIT） ("接待观众（人次）", "接待观众（万人次）") or as NAME alone ("接待观众"): NAME
        followed by the unit without its multiplier is the metric's name or alias (NAME alone: its
        name), and the unit is the metric's own."""
        base = split_multiplier(unit)[1] if unit else ""
        words = [base] if base else [w for w in _UNIT_WORDS if split_multiplier(w)[0] == 1.0]
        for word in words:
            if not word or not name:
                continue
            found = self._lookup(name + word)
            if found is None or found[0] == IGNORE or found[0] not in self.cat:
                continue
            metric = self.cat[found[0]]
            # a bare name only completes the catalog's own name ("接待观众"), not an alias ("接待")
            named = bool(base) or normalize_name(name + word) == normalize_name(metric.name_zh)
            if named and unicodedata.normalize("NFKC", metric.unit_zh) == word:
                return found
        return None

    def _header_unit(self, text: str, metric_id: str) -> str:
        """The unit written in a header that was matched as a whole (a mapped or remembered
        "接待观众（万人次）"): a bracketed unit, or a unit word at its end, as for any other header.
        Words in brackets that are no unit ("（含线上）") are not read as one. The person who mapped
        the column chose its metric: a unit word that is not the metric's ("教育活动（次）" mapped to a
        metric counted in 场) keeps only its multiplier, never refuses the column."""
        folded = unicodedata.normalize("NFKC", str(text)).strip()
        metric = self.cat[metric_id]
        match = BRACKETED.match(folded)
        if match and match["name"]:
            unit = match["unit"].strip()
            factor, base = split_multiplier(unit)
            if unit_factor(unit, metric.unit_zh, metric.unit_en) is not None:
                return unit
            if factor != 1.0:
                multiplier = unit[: len(unit) - len(base)] if base and unit.endswith(base) else unit
                return multiplier if unit_factor(multiplier, metric.unit_zh, metric.unit_en) is not None else ""
            return ""
        for word in _UNIT_WORDS:
            if folded.endswith(word) and len(folded) > len(word) and unit_factor(word, metric.unit_zh, metric.unit_en) is not None:
                return word
        return ""

    def resolve(self, text: str) -> ColumnMatch:
        raw = self._lookup(text)  # the whole header as written (a remembered or mapped "访问量（万次）")
        if raw and raw[0] != IGNORE and raw[0] in self.cat:
            name, unit = str(text).strip(), self._header_unit(text, raw[0])  # its unit counts as for any header
        else:
            name, unit = (str(text).strip(), "") if raw else split_unit(text, self.cat, self._lookup)
        found = raw or self._lookup(name) or (None if raw else self._with_unit(name, unit))
        if found is None:
            return ColumnMatch(None, name=name, unit=unit)
        metric_id, via = found
        if metric_id == IGNORE or metric_id not in self.cat:
            return ColumnMatch(IGNORE, via=via, name=name, unit=unit)
        metric = self.cat[metric_id]
        # a sheet-wide "金额单位：万元" applies to the columns of the same kind of unit (money)
        if not unit and self.default_unit and split_multiplier(self.default_unit)[1] == split_multiplier(metric.unit_zh)[1]:
            unit = self.default_unit
        factor = unit_factor(unit, metric.unit_zh, metric.unit_en)
        if factor is None:
            return ColumnMatch(metric_id, 1.0, unit, True, via, name)
        return ColumnMatch(metric_id, factor, unit, False, via, name)

    def suggest(self, name: str) -> list[str]:
        return self.cat.suggest(name)
