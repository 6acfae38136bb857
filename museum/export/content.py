"""What the annual pack says: the product's sections (museum.sections) for one year, plus the
sources appendix and the data files — computed once, rendered by the Word and PDF writers.

Nothing here decides what a section holds: a chart or table added to a section appears on its
page and in the pack alike. What is here is how documents lay out blocks that a page draws
differently (KPI cards become a table) and the files only the pack has.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pandas as pd

from museum import catalog, clock, institutions, kpis, numbers, present, sections
from museum.errors import InputRejected
from museum.i18n import t
from museum.sections import Chart, KpiCards, Scope, Section
from museum.tabular import round_value, yes_no


@dataclass
class Report:
    institution: str
    year: int
    lang: str
    demo: bool
    generated: str
    kpis: list[kpis.Kpi]
    sections: list[Section]
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)
    data_sheets: dict[str, pd.DataFrame] = field(default_factory=dict)
    data_long: pd.DataFrame = field(default_factory=pd.DataFrame)
    title: str | None = None    # "institution\nsubtitle"; None: the annual pack's title for the year

    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    def title_text(self) -> str:
        return self.title or self.t("doc.title", institution=self.institution, year=self.year)

    @property
    def charts(self) -> list[Chart]:
        return [chart for section in self.sections for chart in section.charts]


def display_width(text) -> int:
    """Width in Latin letters: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


_LATIN_WORD = re.compile(r"[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+")


def longest_word(text) -> int:
    """The width of the longest run a line cannot break inside: a Latin word ('followers'), a number
    with its unit sign ('+29.6%'); Chinese breaks between any two characters, so each counts alone."""
    text = str(text)
    words = [display_width(word) for word in _LATIN_WORD.findall(text)]
    return max(words + [2 if any(unicodedata.east_asian_width(ch) in "WF" for ch in text) else 0])


def column_shares(frame: pd.DataFrame, page: int = 84, narrowest: int = 6, padding: int = 3) -> list[float]:
    """How much of the page width (about `page` Latin letters of 10.5 pt text, cell margins taken off) each column gets.

    Short columns (numbers, levels, 同比) get what their widest text needs so they never wrap;
    the long ones share what is left in proportion to their text.
    """
    need = [
        padding + max(narrowest, display_width(column), *(display_width(v) for v in frame[column]))
        for column in frame.columns
    ]
    # no column claims more than 60% however long its longest text: a 400-character sentence
    # must not squeeze a 60-character column into a strip that wraps every two characters
    need = [min(n, page * 0.6) for n in need]
    width = {}
    flexible = list(range(len(need)))
    remaining = page
    while flexible:
        fair = remaining / len(flexible)
        short = [i for i in flexible if need[i] <= fair]
        if not short:
            break
        for i in short:
            width[i] = need[i]
            remaining -= need[i]
            flexible.remove(i)
    # a long column never gets narrower than its longest word: 'followers' must not wrap as 'followe rs'
    floor = {i: padding + max([longest_word(frame.columns[i])] + [longest_word(v) for v in frame.iloc[:, i]])
             for i in flexible}
    while flexible:
        total_flexible = sum(need[i] for i in flexible)
        for i in flexible:
            width[i] = max(remaining, 0) * need[i] / total_flexible
        pinned = [i for i in flexible if width[i] < floor[i]]
        if not pinned:
            break
        for i in pinned:
            width[i] = floor[i]
            remaining -= floor[i]
            flexible.remove(i)
    total = sum(width.values())
    return [width[i] / total for i in range(len(need))]


def kpi_table(block: KpiCards, year: int, lang: str) -> pd.DataFrame:
    """KPI cards as a document shows them: metric, this year, what it is compared with, 同比, notes
    (and the target progress, when any figure of the block has a target)."""
    rows = []
    with_previous = any(kpi.previous_period is not None for kpi in block.kpis)  # a month or a quarter: 环比 too
    for kpi in block.kpis:
        unit = kpi.metric.unit(lang)
        # a document writes a bound as the report does (超500万次, 2万余人), not as a card does (500万+次)
        prior = "—" if kpi.prior is None else numbers.format_words(kpi.prior.value, kpi.prior.qualifier, lang, unit)
        compared = present.comparison_label(kpi, lang) if kpi.comparison in ("months", "prior_year_end") else None
        notes = [n for n in (present.coverage_text(kpi, lang), compared, present.reason_text(kpi, lang),
                             present.previous_reason_text(kpi, lang), present.platform_text(kpi, lang),
                             present.bound_note(kpi, lang)) if n]
        row = [kpi.metric.name(lang), present.value_words(kpi, lang), prior, present.change_text(kpi, lang)]
        if with_previous:
            row.append(present.previous_change_text(kpi, lang))
        row.append(("；" if lang == "zh" else "; ").join(notes))
        if block.progress:
            row.append(block.progress.get(kpi.metric.metric_id, ""))
        rows.append(row)
    period = next((kpi.period for kpi in block.kpis if kpi.period is not None), None)
    if period is not None and not period.is_year:  # a month's table says 2025年4月 | 2024年4月, not 2025年 | 2024年
        now, before = period.label(lang), period.same_months(period.year - 1).label(lang)
        if any(kpi.comparison not in (None, "months") for kpi in block.kpis):
            before = t("doc.col.value", lang, year=year - 1)  # some rows hold last year's whole-year figure
    else:
        now, before = t("doc.col.value", lang, year=year), t("doc.col.value", lang, year=year - 1)
    headers = [t("doc.col.metric", lang), now, before, t("doc.col.change", lang)]
    headers += [t("kpi.previous.label", lang)] if with_previous else []
    headers.append(t("doc.col.note", lang))
    if block.progress:
        headers.append(t("doc.col.target", lang))
    return pd.DataFrame(rows, columns=headers)


def sources_table(found: list[kpis.Kpi], lang: str) -> pd.DataFrame:
    """One row per origin (a report sentence, or a batch) with every figure taken from it."""
    origins: dict[tuple[str, str], list[str]] = {}
    for kpi in found:
        batches = "; ".join(dict.fromkeys(present.batch_text(s, lang) for s in kpi.current.sources))
        sentences = " ".join(dict.fromkeys(present.readable_sentence(s.sentence) for s in kpi.current.sources if s.sentence)) or "—"
        origins.setdefault((sentences, batches), []).append(f"{kpi.metric.name(lang)} {present.value_words(kpi, lang)}")
    separator = "；" if lang == "zh" else "; "
    rows = [[separator.join(figures), sentence_text, batches] for (sentence_text, batches), figures in origins.items()]
    return pd.DataFrame(rows, columns=[t("doc.col.metric", lang), t("data.col.source", lang), t("ui.written_by", lang)])


DATA_COLUMNS = ["category", "metric_id", "metric", "unit", "year", "month", "value", "qualifier", "note", "source", "batch", "demo"]


def data_frames(values: pd.DataFrame, cat: catalog.Catalog, lang: str) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """One sheet per category (every stored value up to the year) and the same rows in one long table.

    Values without float noise, qualifiers and yes/no in the language, months as integers.
    """
    rows = []
    for metric in cat:
        for row in values[values["metric_id"] == metric.metric_id].itertuples():
            rows.append([
                t(f"category.{metric.category}", lang), metric.metric_id, metric.name(lang), metric.unit(lang),
                int(row.year), None if pd.isna(row.month) else int(row.month), round_value(row.value),
                t(f"qualifier.{row.qualifier}", lang),
                None if pd.isna(row.note) else str(row.note), None if pd.isna(row.sentence) else str(row.sentence),
                int(row.batch_id), yes_no(row.is_demo, lang),
            ])
    long = pd.DataFrame(rows, columns=DATA_COLUMNS)
    long["month"] = long["month"].astype("Int64")
    # object, not float64: a count stays 5528 in the CSV, next to 59.27
    long["value"] = pd.Series([row[DATA_COLUMNS.index("value")] for row in rows], dtype=object)
    headers = {c: t(f"data.col.{c}", lang) for c in DATA_COLUMNS}
    sheets = {}
    for category in catalog.CATEGORIES:
        name = t(f"category.{category}", lang)
        part = long[long["category"] == name]
        if not part.empty:
            sheets[name] = part.drop(columns="category").rename(columns=headers).reset_index(drop=True)
    return sheets, long.rename(columns=headers)


def build_report(con, year: int, lang: str = "zh", *, institution: str | None = None,
                 convention: str | None = None) -> Report:
    """Every section of `year` as the pack shows it; InputRejected when the year has no data."""
    institution_id, institution_name = institutions.choose(institutions.table(con), institution)
    scope = Scope.from_connection(con, institution_id, institution_name, year, lang, convention)
    if not scope.kpis:
        years = "、".join(str(y) for y in kpis.years_with_data(scope.frame("values"))) or "—"
        raise InputRejected("export.no_data", year=year, years=years)
    sheets, long = data_frames(scope.values, scope.catalog, lang)
    return Report(
        institution=institution_name, year=year, lang=lang, demo=scope.demo,
        generated=clock.format_time(datetime.now(timezone.utc), lang),
        kpis=scope.kpis, sections=sections.build_all(scope),
        sources=sources_table(scope.kpis, lang), data_sheets=sheets, data_long=long,
    )
