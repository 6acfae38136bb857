"""Assets (万元): 年初数 → 年末数 of the year, the bridge chart, history and reconciliation."""

from __future__ import annotations

import pandas as pd

from museum import assets, charts, numbers
from museum.sections.blocks import Notice, Section, Sentences, Table
from museum.sections.common import category_cards, chart
from museum.sections.scope import Scope
from museum.tabular import round_value


def summary(scope: Scope, row) -> str:
    pct = "—" if pd.isna(row["change_pct"]) else numbers.format_change_pct(row["change_pct"], "exact", scope.lang)
    return scope.t("assets.summary", year=scope.year, start=numbers.format_plain(row["start"], scope.lang),
                   end=numbers.format_plain(row["end"], scope.lang),
                   change=numbers.format_change(row["change"], "exact", scope.lang), pct=pct)


def history_table(scope: Scope, table: pd.DataFrame) -> pd.DataFrame:
    """The numbers behind the by-year chart (a downloaded file keeps them as numbers)."""
    return pd.DataFrame({
        scope.t("col.year"): table["year"].astype(int),
        scope.t("col.start"): [round_value(v) for v in table["start"]],
        scope.t("col.end"): [round_value(v) for v in table["end"]],
        scope.t("col.change"): [round_value(v) for v in table["change"]],
        scope.t("assets.col.change_pct"): [numbers.format_change_pct(p, "exact", scope.lang) if pd.notna(p) else "—"
                                           for p in table["change_pct"]],
        scope.t("col.prev_end"): [round_value(v) for v in table["prev_end"]],
        scope.t("col.reconciled"): ["—" if r is None else scope.t("tabular.yes" if r else "tabular.no")
                                    for r in table["reconciled"]],
    })


def _amount(value, lang: str) -> str:
    return "—" if value is None or pd.isna(value) else numbers.format_plain(value, lang)


def history_text(scope: Scope, table: pd.DataFrame) -> pd.DataFrame:
    """The same table as a reader sees it: '—' for a missing figure, a true minus sign (−3.83)."""
    shown = history_table(scope, table)
    lang = scope.lang
    shown[scope.t("col.start")] = [_amount(v, lang) for v in table["start"]]
    shown[scope.t("col.end")] = [_amount(v, lang) for v in table["end"]]
    shown[scope.t("col.change")] = ["—" if pd.isna(v) else numbers.format_change(v, "exact", lang) for v in table["change"]]
    shown[scope.t("col.prev_end")] = [_amount(v, lang) for v in table["prev_end"]]
    return shown


def assets_section(scope: Scope) -> Section:
    section = Section("assets", scope.t("category.assets"))
    cards = category_cards(scope, "assets")
    if not scope.whole_year:  # 年初数 and 年末数 are figures of a year
        section.blocks += [cards, Notice(scope.t("period.notice.assets_by_year", period=scope.period_label))]
        return section
    if cards is None:
        return section
    section.blocks.append(cards)
    table = assets.asset_table(scope.values)
    this_year = table[table["year"] == scope.year]
    if this_year.empty or this_year[["start", "end"]].isna().any(axis=None):
        section.blocks.append(Notice(scope.t("assets.no_data", year=scope.year)))
    else:
        row = this_year.iloc[0]
        section.blocks.append(Sentences([summary(scope, row)], lead=True))
        bridge = pd.DataFrame({scope.t("col.start"): [round_value(row["start"])], scope.t("col.change"): [round_value(row["change"])],
                               scope.t("col.end"): [round_value(row["end"])]})
        section.blocks.append(chart(scope.name("assets_bridge"),
                                    charts.assets_bridge(scope.year, row["start"], row["end"], scope.lang, scope.palette,
                                                         demo=scope.demo), bridge))
    mismatches = assets.mismatches(table)
    for _, bad in mismatches.iterrows():
        section.blocks.append(Notice(scope.t(
            "assets.reconcile_warning", year=int(bad["year"]), start=numbers.format_plain(bad["start"], scope.lang),
            prev_year=int(bad["year"]) - 1, prev_end=numbers.format_plain(bad["prev_end"], scope.lang),
            diff=numbers.format_plain(abs(bad["start"] - bad["prev_end"]), scope.lang)), "warning"))
    if table["reconciled"].notna().any():
        if mismatches.empty:
            section.blocks.append(Notice(scope.t("assets.reconcile_ok"), "success"))
    else:
        section.blocks.append(Notice(scope.t("assets.reconcile_unknown")))
    shown = history_table(scope, table)
    if len(table) > 1:
        section.blocks.append(chart(scope.name("assets_years"), charts.assets_years(table, scope.lang, demo=scope.demo), shown))
    section.blocks.append(Table(scope.name("assets_history"), scope.t("assets.history"), history_text(scope, table)))
    return section
