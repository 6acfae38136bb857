"""Which catalog metric an indicator measures: suggested only when a catalog name or alias appears
in the indicator's name and the target's unit fits the metric's; never on a guess.

"“科普西安”融媒体矩阵发布科普图文 ≥6000篇" contains 科普图文 (posts, 篇): suggested. Where two
metrics' names appear, the head of the phrase wins — in Chinese the last: "职工参加行业竞赛获奖总数"
counts 获奖总数, not 参加行业竞赛 — and of two names ending at the same place the longer (国家级获奖
over 获奖). Two names ending at the same place with the same length leave it to the editor.
"""

from __future__ import annotations

from dataclasses import dataclass

from museum.catalog import Catalog, normalize_name
from museum.i18n import t
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
    """The metric named at the head of `indicator` (the rule in the module docstring) whose unit fits `unit`."""
    key = normalize_name(indicator)
    best: dict[str, tuple[int, int, str]] = {}   # metric -> (end of its match, length, the name matched)
    for metric in cat:
        if not units_fit(unit, metric.unit_zh):
            continue
        for name in names_of(metric):
            folded = normalize_name(name)
            end = key.rfind(folded) + len(folded) if folded and folded in key else -1
            if end > 0 and (end, len(folded)) > best.get(metric.metric_id, (0, 0, ""))[:2]:
                best[metric.metric_id] = (end, len(folded), folded)
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], -item[1][1]))
    if len(ranked) > 1 and ranked[1][1][:2] == ranked[0][1][:2]:
        return None  # two metrics fit equally well: the editor decides
    metric_id, (_, _, folded) = ranked[0]
    shown = next(name for name in names_of(cat[metric_id]) if normalize_name(name) == folded)
    return Suggestion(metric_id, shown)


def no_link_label(lang: str = "zh") -> str:
    """The review's choice for "not linked" (a word, never an empty cell the editor reads as None)."""
    return t("targets.review.no_link", lang)


def is_no_link(text) -> bool:
    return normalize_name(text) in {normalize_name(no_link_label(lang)) for lang in ("zh", "en")}


def resolve(text, cat: Catalog) -> str | None:
    """A metric written by id, name or alias (the sheet's 关联指标 column, the review's choice)."""
    if text is None or not str(text).strip() or is_no_link(text):
        return None
    written = str(text).strip()
    # an older review offered "科普图文（posts）": the id in brackets decides
    if written.endswith(("）", ")")) and ("（" in written or "(" in written):
        inner = written.rsplit("（" if "（" in written else "(", 1)[1][:-1].strip()
        if inner in cat:
            return inner
    return cat.resolve(written)


def label(metric_id: str, cat: Catalog, lang: str = "zh") -> str:
    """How the review shows a metric choice: its name only (科普图文 / Science posts); staff never need the id."""
    return cat[metric_id].name(lang)


def options(cat: Catalog, lang: str = "zh") -> list[str]:
    """Every metric choice for the review's 关联指标 column, in catalog order, after 不关联 (not linked)."""
    return [no_link_label(lang)] + [label(m.metric_id, cat, lang) for m in cat]
