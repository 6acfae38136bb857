"""Plotly figure builders: data in, Figure out (pure; no database, no Streamlit).

Every label goes through the translation layer; the same figures feed the pages and the
static exports (kaleido), so fonts name a CJK family that Debian's fonts-noto-cjk provides.
Conventions every chart keeps: the unit is written horizontally above the value axis (never a
rotated glyph), a chart with more than one series has a legend below the plot that names each
series, and a year with only some months says so ("2024年（仅1–6月）").
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from museum import numbers
from museum.catalog import Metric
from museum.i18n import t
from museum.present import months_text

FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
NEUTRAL = "#5B7DB1"
PRIOR = "#B8C4D6"
LEVEL_COLORS = {"national": "#B03A2E", "provincial": "#D68910", "municipal": "#2E86C1"}
# distinct colours for years on one chart; the latest year is drawn in NEUTRAL, thicker
YEAR_COLORS = ["#E67E22", "#8E44AD", "#16A085", "#7F8C8D", "#D4AC0D", "#C0392B"]
ROLE_COLORS = {"lead": "#1F618D", "participant": "#76D7C4", "none": "#AAB7B8"}
MONTHLY_YEARS = 3  # monthly charts show the chart's year and the two before it


@dataclass(frozen=True)
class Palette:
    """Colours for up/down. Chinese convention (default in zh): red = up; English: green = up."""

    up: str
    down: str

    @classmethod
    def for_convention(cls, convention: str) -> "Palette":
        return cls("#C0392B", "#1E8449") if convention == "red_up" else cls("#1E8449", "#C0392B")


def default_convention(lang: str) -> str:
    return "red_up" if lang == "zh" else "green_up"


def _layout(fig: go.Figure, title: str, *, demo: bool, lang: str, unit: str | None = None, height: int = 380,
            legend: bool = False) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left", "y": 0.98, "yanchor": "top"},
        font={"family": FONT_FAMILY, "size": 13},
        template="plotly_white",
        height=height,
        margin={"l": 56, "r": 24, "t": 76, "b": 72 if legend else 40},
        showlegend=legend,
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "left", "x": 0},
        separators=".,",
    )
    # plain thousands, not SI suffixes: "5M" and "20k" mean nothing next to a label that says 500万
    fig.update_yaxes(exponentformat="none", separatethousands=True)
    if unit:
        fig.add_annotation(
            text=t("chart.unit", lang, unit=unit), xref="paper", yref="paper", x=0, y=1, xanchor="left",
            yanchor="bottom", yshift=6, showarrow=False, font={"size": 12, "color": "#555"},
        )
    if demo:
        fig.add_annotation(
            text=t("demo.banner", lang),
            xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False,
            font={"size": 34, "color": "rgba(192,57,43,0.18)"}, textangle=-18,
        )
    return fig


def _value_labels(frame: pd.DataFrame, lang: str) -> list[str]:
    return [numbers.format_value(v, q, lang) for v, q in zip(frame["value"], frame["qualifier"])]


def year_label(year: int, months=None, lang: str = "zh") -> str:
    """'2024年' for a whole year; '2024年（仅1–6月）' / '2024年（仅1–3、5月）' when only some months are known."""
    if months is None or len(set(months)) == 12:
        return t("chart.year_whole", lang, year=int(year))
    return t("chart.year_partial", lang, year=int(year), months=months_text(months, lang))


def yearly_bars(series: pd.DataFrame, metric: Metric, lang: str, *, demo: bool = False) -> go.Figure:
    """One bar per year (two or more years); partial years are marked, qualifiers shown on the labels (500万+)."""
    labels = [
        year_label(y, None, lang) if basis == "year" else t("chart.year_partial", lang, year=int(y), months=t(
            "chart.month_count", lang, count=int(m)))
        for y, basis, m in zip(series["year"], series["basis"], series["months"])
    ]
    colors = [NEUTRAL if basis == "year" else PRIOR for basis in series["basis"]]
    fig = go.Figure(
        go.Bar(
            x=labels, y=series["value"], text=_value_labels(series, lang), textposition="outside",
            marker_color=colors, cliponaxis=False, name=metric.name(lang),
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(rangemode="tozero")
    fig.update_xaxes(type="category")
    return _layout(fig, t("chart.yearly_title", lang, metric=metric.name(lang)), demo=demo, lang=lang,
                   unit=metric.unit(lang))


def month_axis(fig: go.Figure, last: int = 12) -> None:
    """Months as bare numbers (every such chart's title says 各月 / by month): twelve '1月' labels do not
    fit a phone's width, and Plotly then turns them sideways and clips them; '1'…'12' fit at 390 px, level."""
    fig.update_xaxes(tickmode="array", tickvals=list(range(1, last + 1)), ticktext=[str(m) for m in range(1, last + 1)],
                     range=[0.5, last + 0.5], tickangle=0)


def _year_line(fig: go.Figure, rows: pd.DataFrame, column: str, name: str, latest: bool, index: int, lang: str) -> None:
    fig.add_trace(
        go.Scatter(
            x=rows["month"], y=rows[column], mode="lines+markers", name=name,
            line={"width": 3 if latest else 1.6, "color": NEUTRAL if latest else YEAR_COLORS[index % len(YEAR_COLORS)]},
            hovertemplate=name + " " + t("chart.month_label", lang, month="%{x}") + ": %{y:,.0f}<extra></extra>",
        )
    )


def mark_period(fig: go.Figure, period, lang: str) -> go.Figure:
    """The chosen months (a month, a quarter, months a–b) outlined on a chart over months 1–12 of their year, named
    in the legend ('所选期间：2025年4–6月'), so a reader of a month's cards finds that month on the lines; nothing
    for a whole year."""
    if period is None or period.is_year:
        return fig
    fig.add_vrect(x0=period.first - 0.5, x1=period.last + 0.5, fillcolor="rgba(0,0,0,0)", layer="below",
                  line={"color": "#7F8C8D", "width": 1.2, "dash": "dash"}, showlegend=True,
                  name=t("chart.chosen_period", lang, period=period.label(lang)))
    return fig


def monthly_lines(monthly: pd.DataFrame, metric: Metric, lang: str, *, year: int, demo: bool = False) -> go.Figure:
    """One line per year over months 1–12 (the chart's year and the two before it), each named in
    the legend, a partial year with the months it covers."""
    fig = go.Figure()
    years = [y for y in sorted(monthly["year"].unique()) if year - MONTHLY_YEARS < y <= year]
    for index, shown in enumerate(years):
        rows = monthly[monthly["year"] == shown]
        _year_line(fig, rows, "value", year_label(shown, list(rows["month"]), lang), shown == year, len(years) - 1 - index, lang)
    month_axis(fig)
    fig.update_yaxes(rangemode="tozero")
    return _layout(fig, t("chart.monthly_title", lang, metric=metric.name(lang)), demo=demo, lang=lang,
                   unit=metric.unit(lang), legend=True)


def ytd_lines(monthly: pd.DataFrame, metric: Metric, lang: str, *, year: int, demo: bool = False) -> go.Figure:
    """Year-to-date totals of `year` beside the prior year's over the same months."""
    fig = go.Figure()
    this_year = monthly[monthly["year"] == year]
    months = list(this_year["month"])
    prior = monthly[(monthly["year"] == year - 1) & monthly["month"].isin(months)]
    if not prior.empty:
        prior = prior.assign(ytd=prior["value"].cumsum())
        _year_line(fig, prior, "ytd", year_label(year - 1, list(prior["month"]), lang), False, 0, lang)
    _year_line(fig, this_year, "ytd", year_label(year, months, lang), True, 0, lang)
    month_axis(fig, last=max(months))
    fig.update_yaxes(rangemode="tozero")
    return _layout(fig, t("chart.ytd_title", lang, metric=metric.name(lang)), demo=demo, lang=lang,
                   unit=metric.unit(lang), legend=True)


def category_change(rows: pd.DataFrame, lang: str, palette: Palette, *, title: str, demo: bool = False) -> go.Figure:
    """Horizontal bars of 同比 % per metric (rows: name, change_pct, label)."""
    colors = [palette.up if c > 0 else palette.down if c < 0 else PRIOR for c in rows["change_pct"]]
    fig = go.Figure(
        go.Bar(
            x=rows["change_pct"], y=rows["name"], orientation="h", text=rows["label"],
            textposition="outside", marker_color=colors, cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(zeroline=True, zerolinecolor="#888", ticksuffix="%")
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig = _layout(fig, title, demo=demo, lang=lang, height=max(260, 48 * len(rows) + 120))
    return fig.update_layout(margin={"r": 72})


def assets_bridge(year: int, start: float, end: float, lang: str, palette: Palette, *, demo: bool = False) -> go.Figure:
    """Waterfall from 年初数 to 年末数 (万元) for one year."""
    change = end - start
    fig = go.Figure(
        go.Waterfall(
            x=[t("chart.assets_start", lang), t("chart.assets_change", lang), t("chart.assets_end", lang)],
            measure=["absolute", "relative", "total"],
            y=[start, change, end],
            text=[numbers.format_plain(start, lang), numbers.format_change(change, "exact", lang), numbers.format_plain(end, lang)],
            textposition="outside",
            increasing={"marker": {"color": palette.up}},
            decreasing={"marker": {"color": palette.down}},
            totals={"marker": {"color": NEUTRAL}},
            connector={"line": {"color": "#999", "dash": "dot"}},
            cliponaxis=False,
        )
    )
    fig.update_yaxes(rangemode="tozero")
    return _layout(fig, t("chart.assets_bridge_title", lang, year=year), demo=demo, lang=lang, unit=t("unit.wan_yuan", lang))


def assets_years(frame: pd.DataFrame, lang: str, *, demo: bool = False) -> go.Figure:
    """Grouped bars of 年初数 and 年末数 per year (frame: year, start, end)."""
    fig = go.Figure()
    for column, key, color in (("start", "chart.assets_start", PRIOR), ("end", "chart.assets_end", NEUTRAL)):
        fig.add_trace(
            go.Bar(
                x=[year_label(y, None, lang) for y in frame["year"]], y=frame[column], name=t(key, lang), marker_color=color,
                text=[numbers.format_plain(v, lang) if pd.notna(v) else "" for v in frame[column]],
                textposition="outside", cliponaxis=False,
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(rangemode="tozero")
    fig.update_xaxes(type="category")
    return _layout(fig, t("chart.assets_years_title", lang), demo=demo, lang=lang, unit=t("unit.wan_yuan", lang), legend=True)


def awards_by_level_grade(matrix: pd.DataFrame, lang: str, *, year: int, demo: bool = False) -> go.Figure:
    """Stacked bars: grades on x, one segment per level (matrix: index level, columns grade)."""
    fig = go.Figure()
    for level in matrix.index:
        fig.add_trace(
            go.Bar(
                x=[t(f"grade.{g}", lang) for g in matrix.columns], y=matrix.loc[level].values,
                name=t(f"level.{level}", lang), marker_color=LEVEL_COLORS.get(level, NEUTRAL),
                text=[str(int(v)) if v else "" for v in matrix.loc[level].values], textposition="inside",
            )
        )
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_yaxes(rangemode="tozero", dtick=1)
    return _layout(fig, t("chart.awards_title", lang, year=year), demo=demo, lang=lang, unit=t("unit.items", lang), legend=True)


def awards_years(frame: pd.DataFrame, lang: str, *, demo: bool = False) -> go.Figure:
    """Stacked bars of awards per year by level (frame: year, level, count)."""
    fig = go.Figure()
    for level in ("national", "provincial", "municipal"):
        rows = frame[frame["level"] == level]
        fig.add_trace(
            go.Bar(x=[year_label(y, None, lang) for y in rows["year"]], y=rows["count"], name=t(f"level.{level}", lang),
                   marker_color=LEVEL_COLORS[level])
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category")
    fig.update_yaxes(rangemode="tozero")
    return _layout(fig, t("chart.awards_years_title", lang), demo=demo, lang=lang, unit=t("unit.items", lang), legend=True)


def research_stages(stages: pd.DataFrame, lang: str, *, year: int, demo: bool = False) -> go.Figure:
    """Projects of the year at each stage (申报, 立项, 结题), one bar series per role (stages: stage, role, count).

    Bars, not a funnel: a report counts each stage of the year on its own, and a project concluded
    this year was usually applied for years ago, so 申报 → 立项 → 结题 is not a conversion."""
    fig = go.Figure()
    order = ["applied", "approved", "concluded"]
    for role in ("lead", "participant", "none"):
        counts = stages[stages["role"] == role].set_index("stage")["count"].reindex(order, fill_value=0)
        if counts.sum() == 0:
            continue
        fig.add_trace(
            go.Bar(
                x=[t(f"stage.{s}", lang) for s in order], y=counts, name=t(f"role.{role}", lang),
                marker={"color": ROLE_COLORS[role]}, text=[str(int(c)) if c else "" for c in counts], textposition="outside",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(rangemode="tozero", dtick=1 if stages["count"].max() <= 10 else None)
    fig.add_annotation(text=t("chart.research_note", lang), xref="paper", yref="paper", x=0, y=1, xanchor="left",
                       yanchor="bottom", yshift=6, showarrow=False, font={"size": 12, "color": "#555"})
    return _layout(fig, t("chart.research_title", lang, year=year), demo=demo, lang=lang, legend=True)


def stock_years(frame: pd.DataFrame, metrics: list[Metric], lang: str, *, title: str, demo: bool = False) -> go.Figure:
    """Several stock metrics across years, one panel each: 3000 volunteers and 6 teams do not
    share an axis (frame: year, metric_id, value, qualifier)."""
    shown = [m for m in metrics if not frame[frame["metric_id"] == m.metric_id].empty]
    fig = make_subplots(rows=max(1, len(shown)), cols=1, shared_xaxes=True, vertical_spacing=0.1,
                        subplot_titles=[f"{m.name(lang)}（{m.unit(lang)}）" if lang == "zh" else f"{m.name(lang)} ({m.unit(lang)})"
                                        for m in shown])
    for row, metric in enumerate(shown, start=1):
        rows = frame[frame["metric_id"] == metric.metric_id]
        fig.add_trace(
            go.Scatter(
                x=[year_label(y, None, lang) for y in rows["year"]], y=rows["value"], mode="lines+markers+text",
                name=metric.name(lang), text=_value_labels(rows, lang), textposition="top center",
                line={"color": YEAR_COLORS[(row - 1) % len(YEAR_COLORS)]}, cliponaxis=False, showlegend=False,
            ),
            row=row, col=1,
        )
        top = float(rows["value"].max())
        fig.update_yaxes(range=[0, top * 1.3 if top > 0 else 1], row=row, col=1)
    fig.update_xaxes(type="category")
    return _layout(fig, title, demo=demo, lang=lang, height=140 + 170 * max(1, len(shown)))
