"""Plotly figures of the targets: one bullet chart of every indicator against its target and the
序时进度, and shaded, labelled event spans on the monthly charts (data in, Figure out).

Indicators count in different units (篇, 场, %, 万元), so the bullet chart shows each one as a
share of its own target: the bar is the completion, the line at 100% the target and a labelled
dashed line the share of the year elapsed (序时进度). A `<=` indicator's bar is the share of its
limit used. A bar's colour says ahead of / behind 序时进度 while the year runs, met / not met
after it — blue and orange, never the red and green that mean up and down (红涨绿跌). The value
labels stand in a column right of the 150% edge, so no line ever crosses them.
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

AHEAD = "#2E86C1"    # ahead of 序时进度, or met
BEHIND = "#D68910"   # behind, or not met
MET = "#1B4F72"      # after the year (or a `<=` limit): a darker shade of the same two
MISSED = "#A04000"
STATUS_COLORS = {"ahead": AHEAD, "met": MET, "behind": BEHIND, "missed": MISSED, "pending": PRIOR}
STATUS_ORDER = ("ahead", "behind", "met", "missed", "pending")
WRAP_CHARS = {"zh": 9, "en": 20}  # an indicator's name wraps so that a phone keeps room for the bars
EVENT_COLORS = {"exhibition": "rgba(46,134,193,0.14)", "closure": "rgba(127,140,141,0.22)",
                "campaign": "rgba(214,137,16,0.16)", "other": "rgba(142,68,173,0.12)"}
MAX_SHOWN_PCT = 150  # a 300% bar would squash the rest; its label still says 300%


def _status(row: dict, has_actual: bool, progress: Progress | None) -> str:
    """ahead | behind (while the year runs, `>=` only), met | missed, pending."""
    if not has_actual:
        return "pending"
    running = progress is not None and progress.basis in ("today", "month") and progress.pct < 100
    if running and row["operator"] == ">=":
        return "ahead" if round(float(row["completion_pct"])) >= round(progress.pct) else "behind"
    met = row.get("met")
    if met is None or (isinstance(met, float) and pd.isna(met)):
        return "met" if row["completion_pct"] is not None and float(row["completion_pct"]) >= 100 else "missed"
    return "met" if met else "missed"


def bullet_rows(evaluation: pd.DataFrame, cat, lang: str, progress: Progress | None = None) -> pd.DataFrame:
    """The numbers behind the bullet chart: indicator, share of target (%), label, met, status."""
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
            "operator": row["operator"], "status": _status(row, has_actual, progress),
        })
    return pd.DataFrame(rows, columns=["indicator", "share", "completion", "actual", "target", "met", "operator", "status"])


def wrapped(name: str, lang: str) -> str:
    """An indicator's name in lines of WRAP_CHARS (the axis label of a phone-width chart)."""
    width = WRAP_CHARS.get(lang, 12)
    if " " in name.strip():
        lines, line = [], ""
        for word in name.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return "<br>".join(lines + [line])
    width = WRAP_CHARS["zh"]   # a name without spaces (Chinese, also on the English page) wraps by characters
    return "<br>".join(name[i:i + width] for i in range(0, len(name), width))


def bullets(rows: pd.DataFrame, progress: Progress, lang: str, *, title: str, demo: bool = False) -> go.Figure:
    """One horizontal bullet per indicator (rows from `bullet_rows`), coloured by status, values in a column."""
    if "status" not in rows:
        rows = rows.assign(status=["pending" if s is None or pd.isna(s) else "met" if m else "missed"
                                   for s, m in zip(rows["share"], rows["met"])])
    names = [wrapped(name, lang) for name in rows["indicator"]]
    fig = go.Figure()
    for status in STATUS_ORDER:
        chosen = [i for i, value in enumerate(rows["status"]) if value == status]
        if not chosen:
            continue
        shares = [rows["share"].iloc[i] for i in chosen]
        fig.add_trace(go.Bar(
            x=[min(MAX_SHOWN_PCT, s) if s is not None and not pd.isna(s) else 0 for s in shares], y=[names[i] for i in chosen],
            orientation="h", marker_color=STATUS_COLORS[status], name=t(f"targets.chart.status.{status}", lang),
            customdata=[f"{rows['actual'].iloc[i]} / {rows['target'].iloc[i]}" for i in chosen],
            hovertemplate="%{y}: %{customdata}<extra></extra>", width=0.5,
        ))
    count = len(rows)
    fig.add_shape(type="line", x0=100, x1=100, y0=-0.5, y1=count - 0.5, line={"color": "#333", "width": 2})
    # the y axis runs downwards (first indicator on top): -0.5 is the top edge
    fig.add_annotation(x=100, y=-0.5, text=t("targets.chart.target", lang), showarrow=False, yanchor="bottom",
                       font={"size": 11})
    # the 序时 line only means something for `>=` indicators (how far along they should be)
    if progress.basis in ("today", "month") and progress.pct < 100 and (rows["operator"] == ">=").any():
        fig.add_shape(type="line", x0=progress.pct, x1=progress.pct, y0=-0.5, y1=count - 0.5,
                      line={"color": "#7D3C98", "width": 2, "dash": "dash"})
        fig.add_annotation(x=progress.pct, y=-0.5, text=t("targets.chart.progress", lang, pct=f"{progress.pct:.0f}%"),
                           showarrow=False, yanchor="bottom", xanchor="right" if progress.pct > 50 else "left",
                           yshift=16,   # a line above 目标's label: near 100% the two never overlap
                           font={"size": 11, "color": "#7D3C98"})
    # the values in their own column right of the bars' 150% edge: never crossed by a line
    for name, label in zip(names, rows["completion"]):
        fig.add_annotation(x=MAX_SHOWN_PCT + 3, y=name, text=label, showarrow=False, xanchor="left", font={"size": 11})
    # no axis title: the ticks say % of the target and the line at 100% says 目标 (a title collides with the legend on a phone)
    fig.update_xaxes(range=[0, MAX_SHOWN_PCT + (36 if lang == "zh" else 62)], tickvals=[0, 50, 100, 150],
                     ticktext=["0%", "50%", "100%", "150%"], tickangle=0)
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=names, automargin=True)
    fig.update_layout(bargap=0.4, barmode="overlay")
    lines = sum(name.count("<br>") + 1 for name in names)
    return _layout(fig, title, demo=demo, lang=lang, height=max(280, 26 * lines + 22 * count + 170), legend=True)


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
