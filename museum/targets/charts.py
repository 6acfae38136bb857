"""Plotly figures of the targets: one bullet chart of every indicator against its target and the
序时进度, and shaded, labelled event spans on the monthly charts (data in, Figure out).

Indicators count in different units (篇, 场, %, 万元), so the bullet chart shows each one as a
share of its own target: the bar is the completion, the line at 100% the target and the mark
the share of the year elapsed. A `<=` indicator's bar is the share of its limit used.
"""

from __future__ import annotations

import calendar
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from museum.charts import FONT_FAMILY, PRIOR, _layout
from museum.i18n import t
from museum.targets import timeline
from museum.targets.scoring import Progress

MET = "#1E8449"
SHORT = "#D68910"
EVENT_COLORS = {"exhibition": "rgba(46,134,193,0.14)", "closure": "rgba(127,140,141,0.22)",
                "campaign": "rgba(214,137,16,0.16)", "other": "rgba(142,68,173,0.12)"}
MAX_SHOWN_PCT = 150  # a 300% bar would squash the rest; its label still says 300%


def bullet_rows(evaluation: pd.DataFrame, cat, lang: str) -> pd.DataFrame:
    """The numbers behind the bullet chart: indicator, share of target (%), label, met."""
    from museum.targets.view import actual_text, pct_text, target_text

    rows = []
    for row in evaluation.to_dict("records"):
        if row["operator"] == "qualitative" or row.get("target_value") is None or pd.isna(row.get("target_value")):
            continue
        actual = row.get("actual")
        has_actual = actual is not None and not pd.isna(actual)
        target = float(row["target_value"])
        share = (float(actual) / target * 100 if target else 100.0) if has_actual else None
        shown = pct_text(row["completion_pct"], row["completion_qualifier"], lang) if has_actual else t("targets.pending", lang)
        rows.append({
            "indicator": row["indicator"], "share": share, "completion": shown,
            "actual": actual_text(row, cat, lang), "target": target_text(row, lang),
            "met": bool(row["met"]) if row["met"] is not None and not pd.isna(row["met"]) else None,
            "operator": row["operator"],
        })
    return pd.DataFrame(rows, columns=["indicator", "share", "completion", "actual", "target", "met", "operator"])


def bullets(rows: pd.DataFrame, progress: Progress, lang: str, *, title: str, demo: bool = False) -> go.Figure:
    """One horizontal bullet per indicator (rows from `bullet_rows`)."""
    shares = [min(MAX_SHOWN_PCT, s) if s is not None and not pd.isna(s) else 0 for s in rows["share"]]
    colors = [MET if met else SHORT if met is not None else PRIOR for met in rows["met"]]
    hover = [f"{a} / {tg}" for a, tg in zip(rows["actual"], rows["target"])]
    fig = go.Figure(go.Bar(
        x=shares, y=rows["indicator"], orientation="h", marker_color=colors, text=rows["completion"],
        textposition="outside", cliponaxis=False, customdata=hover, name=t("targets.chart.actual", lang),
        hovertemplate="%{y}: %{customdata}<extra></extra>", width=0.5,
    ))
    count = len(rows)
    fig.add_shape(type="line", x0=100, x1=100, y0=-0.5, y1=count - 0.5, line={"color": "#333", "width": 2})
    # the y axis runs downwards (first indicator on top): -0.5 is the top edge
    fig.add_annotation(x=100, y=-0.5, text=t("targets.chart.target", lang), showarrow=False, yanchor="bottom",
                       font={"size": 11})
    # the 序时 mark only means something for `>=` indicators (how far along they should be)
    progress_rows = [name for name, op in zip(rows["indicator"], rows["operator"]) if op == ">="]
    if progress.basis != "year" and progress_rows:
        fig.add_trace(go.Scatter(
            x=[progress.pct] * len(progress_rows), y=progress_rows, mode="markers", name=t("targets.chart.progress", lang,
                                                                                          pct=f"{progress.pct:.0f}%"),
            marker={"symbol": "line-ns-open", "size": 22, "line": {"width": 3, "color": "#C0392B"}},
            hovertemplate=t("targets.chart.progress", lang, pct=f"{progress.pct:.0f}%") + "<extra></extra>",
        ))
    fig.update_xaxes(range=[0, MAX_SHOWN_PCT + 15], ticksuffix="%", title_text=t("targets.chart.share", lang))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(showlegend=True, bargap=0.4)
    return _layout(fig, title, demo=demo, lang=lang, height=max(260, 44 * count + 140))


def _month_position(day: date, *, end: bool) -> float:
    """A date on an axis whose month m spans m-0.5 .. m+0.5; the end of a day is its right edge."""
    days = calendar.monthrange(day.year, day.month)[1]
    return day.month - 0.5 + ((day.day if end else day.day - 1) / days)


def add_event_spans(fig: go.Figure, events: pd.DataFrame, year: int, lang: str) -> go.Figure:
    """Draw the events overlapping `year` as shaded, labelled spans on a figure whose x axis is
    months 1–12 of that year (as museum.charts.monthly_lines draws it). Returns the figure."""
    shown = timeline.in_year(events, year)
    for index, row in enumerate(shown.to_dict("records")):
        start = max(pd.Timestamp(row["start_date"]).date(), date(year, 1, 1))
        end = min(pd.Timestamp(row["end_date"]).date(), date(year, 12, 31))
        fig.add_vrect(
            x0=_month_position(start, end=False), x1=_month_position(end, end=True),
            fillcolor=EVENT_COLORS.get(row["kind"], EVENT_COLORS["other"]), line_width=0, layer="below",
            annotation_text=row["label"], annotation_position="top left",
            annotation={"font": {"size": 10, "family": FONT_FAMILY, "color": "#555"}, "textangle": 0,
                        "yshift": -14 * (index % 3)},
        )
    return fig


__all__ = ["add_event_spans", "bullet_rows", "bullets"]
