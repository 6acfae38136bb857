"""What the annual pack says, computed once and shared by the Word file, the PDF and the data files.

Every sentence is made from stored numbers (a KPI and its 同比), never written by hand; every
table cell from the database stays plain text here, and the HTML writer escapes it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime

import pandas as pd

from museum import assets, catalog, charts, db, kpis, numbers, present
from museum.errors import InputRejected
from museum.export.figures import ChartItem, pack_charts
from museum.i18n import t


@dataclass
class Section:
    category: str
    title: str
    sentences: list[str]
    charts: list[ChartItem]


@dataclass
class Table:
    """A titled table of display strings (headers and cells already in the document language)."""

    title: str
    frame: pd.DataFrame


@dataclass
class Report:
    institution: str
    year: int
    lang: str
    demo: bool
    generated: str
    kpis: list[kpis.Kpi]
    kpi_table: pd.DataFrame
    sections: list[Section]
    tables: dict[str, list[Table]] = field(default_factory=dict)   # category -> tables shown in its section
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)
    data_sheets: dict[str, pd.DataFrame] = field(default_factory=dict)
    data_long: pd.DataFrame = field(default_factory=pd.DataFrame)

    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    @property
    def charts(self) -> list[ChartItem]:
        return [item for section in self.sections for item in section.charts]


def display_width(text) -> int:
    """Width in Latin letters: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def column_shares(frame: pd.DataFrame, page: int = 100, narrowest: int = 6, padding: int = 3) -> list[float]:
    """How much of the page width (about `page` Latin letters) each column gets.

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
    total_flexible = sum(need[i] for i in flexible)
    for i in flexible:
        width[i] = max(remaining, 0) * need[i] / total_flexible
    total = sum(width.values())
    return [width[i] / total for i in range(len(need))]


def kpi_table(year_kpis: list[kpis.Kpi], year: int, lang: str) -> pd.DataFrame:
    rows = []
    for kpi in year_kpis:
        prior = "—" if kpi.prior is None else numbers.format_value(kpi.prior.value, kpi.prior.qualifier, lang, kpi.metric.unit(lang))
        notes = [n for n in (present.basis_text(kpi, lang), present.reason_text(kpi, lang)) if n]
        if kpi.approximate:
            notes.append(t("kpi.approx_note", lang))
        rows.append([kpi.metric.name(lang), present.value_text(kpi, lang), prior, present.change_text(kpi, lang), "；".join(notes) if lang == "zh" else "; ".join(notes)])
    headers = [t("doc.col.metric", lang), t("doc.col.value", lang, year=year), t("doc.col.value", lang, year=year - 1),
               t("doc.col.change", lang), t("doc.col.note", lang)]
    return pd.DataFrame(rows, columns=headers)


def sources_table(year_kpis: list[kpis.Kpi], lang: str) -> pd.DataFrame:
    """One row per origin (a report sentence, or a batch) with every figure taken from it."""
    origins: dict[tuple[str, str], list[str]] = {}
    for kpi in year_kpis:
        batches = "; ".join(dict.fromkeys(present.describe_source(replace(s, sentence=None), lang) for s in kpi.current.sources))
        sentences = " ".join(dict.fromkeys(s.sentence for s in kpi.current.sources if s.sentence)) or "—"
        origins.setdefault((sentences, batches), []).append(f"{kpi.metric.name(lang)} {present.value_text(kpi, lang)}")
    separator = "；" if lang == "zh" else "; "
    rows = [[separator.join(figures), sentence_text, batches] for (sentence_text, batches), figures in origins.items()]
    return pd.DataFrame(rows, columns=[t("doc.col.metric", lang), t("data.col.source", lang), t("ui.written_by", lang)])


def data_frames(values: pd.DataFrame, cat: catalog.Catalog, lang: str) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """One sheet per category (every stored value up to the year) and the same rows in one long table."""
    columns = ["category", "metric_id", "metric", "unit", "year", "month", "value", "qualifier", "note", "source", "batch", "demo"]
    rows = []
    for metric in cat:
        for row in values[values["metric_id"] == metric.metric_id].itertuples():
            rows.append([
                t(f"category.{metric.category}", lang), metric.metric_id, metric.name(lang), metric.unit(lang),
                int(row.year), None if pd.isna(row.month) else int(row.month), float(row.value),
                t(f"qualifier.{row.qualifier}", lang),
                None if pd.isna(row.note) else str(row.note), None if pd.isna(row.sentence) else str(row.sentence),
                int(row.batch_id), bool(row.is_demo),
            ])
    long = pd.DataFrame(rows, columns=columns)
    long["month"] = long["month"].astype("Int64")
    headers = {c: t(f"data.col.{c}", lang) for c in columns}
    sheets = {}
    for category in catalog.CATEGORIES:
        name = t(f"category.{category}", lang)
        part = long[long["category"] == name]
        if not part.empty:
            sheets[name] = part.drop(columns="category").rename(columns=headers).reset_index(drop=True)
    return sheets, long.rename(columns=headers)


def _records_tables(awards: pd.DataFrame, honors: pd.DataFrame, research: pd.DataFrame, year: int, lang: str) -> dict[str, list[Table]]:
    def label(prefix, value):
        return t(f"{prefix}.{value}", lang) if isinstance(value, str) else "—"

    tables: dict[str, list[Table]] = {"awards": [], "research": []}
    year_awards = awards[awards["year"] == year]
    if not year_awards.empty:
        tables["awards"].append(Table(t("doc.awards_list", lang), pd.DataFrame({
            t("col.competition", lang): year_awards["competition"],
            t("col.level", lang): [label("level", v) for v in year_awards["level"]],
            t("col.grade", lang): [label("grade", v) for v in year_awards["grade"]],
            t("col.count", lang): year_awards["count"].astype(int),
        })))
    year_honors = honors[honors["year"] == year]
    if not year_honors.empty:
        tables["awards"].append(Table(t("doc.honors", lang), pd.DataFrame({
            t("col.title", lang): year_honors["title"],
            t("col.subject", lang): year_honors["subject"].fillna("—"),
            t("col.awarded_by", lang): year_honors["awarded_by"].fillna("—"),
            t("col.level", lang): [label("level", v) for v in year_honors["level"]],
        })))
    year_research = research[research["year"] == year]
    if not year_research.empty:
        tables["research"].append(Table(t("doc.research_list", lang), pd.DataFrame({
            t("col.item_type", lang): [label("item_type", v) for v in year_research["item_type"]],
            t("col.role", lang): [label("role", v) for v in year_research["role"]],
            t("col.stage", lang): [label("stage", v) for v in year_research["stage"]],
            t("col.description", lang): year_research["description"].fillna("—"),
            t("col.count", lang): year_research["count"].astype(int),
        })))
    return {k: v for k, v in tables.items() if v}


def _assets_sentence(values: pd.DataFrame, year: int, lang: str) -> list[str]:
    table = assets.asset_table(values)
    row = table[table["year"] == year]
    if row.empty or row[["start", "end"]].isna().any(axis=None):
        return []
    row = row.iloc[0]
    pct = "—" if pd.isna(row["change_pct"]) else numbers.format_change_pct(row["change_pct"], False, lang)
    return [t("assets.summary", lang, year=year, start=numbers.format_plain(row["start"], lang),
              end=numbers.format_plain(row["end"], lang), change=numbers.format_change(row["change"], False, lang), pct=pct)]


def institution_row(con, name: str | None) -> tuple[int, str]:
    table = db.query(con, "institutions")
    if table.empty:
        raise InputRejected("cli.no_institution")
    match = table[table["name"] == name] if name else table.sort_values("institution_id").head(1)
    if match.empty:
        raise InputRejected("cli.unknown_institution", name=name, known="、".join(table["name"]))
    return int(match["institution_id"].iloc[0]), str(match["name"].iloc[0])


def build_report(con, year: int, lang: str = "zh", *, institution: str | None = None,
                 convention: str | None = None) -> Report:
    """Everything the pack shows for `year`; InputRejected when the year has no data."""
    institution_id, institution_name = institution_row(con, institution)
    all_values = kpis.load_values(con, institution_id)
    cat = catalog.load()
    year_kpis = kpis.kpis_for_year(all_values, cat, year)
    if not year_kpis:
        years = "、".join(str(y) for y in kpis.years_with_data(all_values)) or "—"
        raise InputRejected("export.no_data", year=year, years=years)
    values = all_values[all_values["year"] <= year].reset_index(drop=True)
    awards = db.query(con, "awards_by_year", institution_id=institution_id)
    awards = awards[awards["year"] <= year]
    research = db.query(con, "research_by_year", institution_id=institution_id)
    research = research[research["year"] <= year]
    honors = db.query(con, "honors_by_year", institution_id=institution_id)
    demo = bool(values["is_demo"].any())
    palette = charts.Palette.for_convention(convention or charts.default_convention(lang))
    by_category = pack_charts(values, awards, research, cat, year, lang, palette, demo)
    tables = _records_tables(awards, honors, research, year, lang)
    sections = []
    for category in catalog.CATEGORIES:
        in_category = [k for k in year_kpis if k.metric.category == category]
        sentences = [present.sentence(k, lang) for k in in_category]
        if category == "assets":
            sentences = _assets_sentence(values, year, lang) or sentences
        if sentences or by_category.get(category) or tables.get(category):
            sections.append(Section(category, t(f"category.{category}", lang), sentences, by_category.get(category, [])))
    sheets, long = data_frames(values, cat, lang)
    return Report(
        institution=institution_name, year=year, lang=lang, demo=demo,
        generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
        kpis=year_kpis, kpi_table=kpi_table(year_kpis, year, lang), sections=sections, tables=tables,
        sources=sources_table(year_kpis, lang), data_sheets=sheets, data_long=long,
    )
