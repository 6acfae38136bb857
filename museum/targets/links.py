"""Which catalog metric an indicator measures: suggested only when a catalog name or alias appears
in the indicator's name and the target's unit fits the metric's; never on a guess.

"“科普西安”融媒体矩阵发布科普图文 ≥6000篇" contains 科普图文 (posts, 篇): suggested. When two
different metrics match equally well the indicator is left unlinked for the editor to decide.
"""

from __future__ import annotations

from dataclasses import dataclass

from museum.catalog import Catalog, normalize_name
from museum.targets.values import units_fit

# Names shorter than this match too much by accident (国家级, 视频 inside longer words are fine;
# a single character never is).
MIN_NAME_CHARS = 2


@dataclass(frozen=True)
class Suggestion:
    metric_id: str
    matched: str        # the catalog name or alias found in the indicator's name


def names_of(metric) -> list[str]:
    return [name for name in (metric.name_zh, metric.name_en, *metric.aliases) if len(normalize_name(name)) >= MIN_NAME_CHARS]


def suggest(indicator: str, unit: str, cat: Catalog) -> Suggestion | None:
    """The metric whose longest name/alias occurs in `indicator` and whose unit fits `unit`."""
    key = normalize_name(indicator)
    best: dict[str, str] = {}
    for metric in cat:
        if not units_fit(unit, metric.unit_zh):
            continue
        for name in names_of(metric):
            folded = normalize_name(name)
            if folded and folded in key and len(folded) > len(best.get(metric.metric_id, "")):
                best[metric.metric_id] = folded
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: -len(item[1]))
    if len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1]):
        return None  # two metrics fit equally well: the editor decides
    metric_id = ranked[0][0]
    shown = next(name for name in names_of(cat[metric_id]) if normalize_name(name) == ranked[0][1])
    return Suggestion(metric_id, shown)


def resolve(text, cat: Catalog) -> str | None:
    """A metric written by id, name or alias (the sheet's 关联指标 column, the review's choice)."""
    if text is None or not str(text).strip():
        return None
    written = str(text).strip()
    # the review offers "科普图文（posts）": the id in brackets decides
    if written.endswith(("）", ")")) and ("（" in written or "(" in written):
        inner = written.rsplit("（" if "（" in written else "(", 1)[1][:-1].strip()
        if inner in cat:
            return inner
    return cat.resolve(written)


def label(metric_id: str, cat: Catalog, lang: str = "zh") -> str:
    """How the review shows a metric choice: 科普图文（posts） / Science posts (posts)."""
    metric = cat[metric_id]
    return f"{metric.name(lang)}（{metric_id}）" if lang == "zh" else f"{metric.name(lang)} ({metric_id})"


def options(cat: Catalog, lang: str = "zh") -> list[str]:
    """Every metric choice for the review's 关联指标 column, in catalog order ("" = not linked)."""
    return [""] + [label(m.metric_id, cat, lang) for m in cat]
