"""Rendering helpers: KPI cards with 同比 and source, charts, and small tables."""

from __future__ import annotations

import re
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from museum import export, present
from museum.kpis import Kpi
from ui.context import Context


def delta_color(kpi: Kpi, ctx: Context) -> str:
    """Colour of the change: good news in the convention's 'up' colour (red in 红涨绿跌)."""
    good = present.direction(kpi)
    if good == 0:
        return "gray"
    red_is_good = ctx.convention == "red_up"
    return ("red" if red_is_good else "green") if good > 0 else ("green" if red_is_good else "red")


def plain(text: str) -> str:
    """Escape Markdown so that text from files and reports shows as typed (tooltips, captions)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$])", r"\\\1", text)


def kpi_card(kpi: Kpi, ctx: Context) -> None:
    change = present.change_text(kpi, ctx.lang)
    notes = [n for n in (present.basis_text(kpi, ctx.lang), present.reason_text(kpi, ctx.lang)) if n]
    if kpi.prior is not None:
        prior = present.numbers.format_value(kpi.prior.value, kpi.prior.qualifier, ctx.lang, kpi.metric.unit(ctx.lang))
        notes.insert(0, ctx.t("kpi.prior_value", prior_year=kpi.prior_year, value=prior))
    has_change = kpi.change is not None
    st.metric(
        label=kpi.metric.name(ctx.lang),
        value=present.value_text(kpi, ctx.lang),
        delta=f"{ctx.t('kpi.vs_prior')} {change}",
        delta_color=delta_color(kpi, ctx) if has_change else "off",
        delta_arrow=("up" if kpi.change > 0 else "down" if kpi.change < 0 else "off") if has_change else "off",
        delta_description=" · ".join(notes) or None,
        help=plain(" ".join(
            [ctx.t("ui.source") + "：" + present.source_text(kpi, ctx.lang)] + ([ctx.t("kpi.approx_note")] if kpi.approximate else [])
        )),
        border=True,
    )


def kpi_grid(kpis: list[Kpi], ctx: Context, columns: int = 4) -> None:
    """Cards in rows of `columns`, then one expander that lists where each number came from."""
    for start in range(0, len(kpis), columns):
        cols = st.columns(columns)
        for col, kpi in zip(cols, kpis[start:start + columns]):
            with col:
                kpi_card(kpi, ctx)
    if kpis:
        with st.expander(ctx.t("ui.sources_of", count=len(kpis))):
            st.dataframe(sources_table(kpis, ctx), hide_index=True)


def sources_table(kpis: list[Kpi], ctx: Context) -> pd.DataFrame:
    return pd.DataFrame({
        ctx.t("col.metric"): [k.metric.name(ctx.lang) for k in kpis],
        ctx.t("col.value"): [present.value_text(k, ctx.lang) for k in kpis],
        ctx.t("col.sentence"): [present.source_text(k, ctx.lang) for k in kpis],
        ctx.t("ui.written_by"): ["; ".join(dict.fromkeys(present.describe_source(s, ctx.lang) for s in k.current.sources)) for k in kpis],
    })


@st.cache_resource(show_spinner=False)
def renderer() -> export.Renderer:
    """The process's chart renderer; its kaleido server starts on the first export, not at page load."""
    return export.Renderer(persistent=True)


def download_menu(fig: go.Figure, data: pd.DataFrame, name: str, ctx: Context) -> None:
    """PNG/SVG/PDF of the chart and CSV/XLSX of its data; each file is made only when clicked."""
    with st.popover(ctx.t("export.download"), icon=":material/download:"):
        problem = renderer().problem()
        for fmt in export.CHART_FORMATS:
            if problem is not None and fmt in ("png", "svg", "pdf"):
                continue
            st.download_button(
                ctx.t(f"export.format.{fmt}"),
                data=partial(export.chart_file, fig, data, fmt, ctx.lang, renderer()),
                file_name=f"{name}.{fmt}", mime=export.mime_type(fmt), key=f"download_{name}_{fmt}",
                on_click="ignore", width="stretch",
            )
        if problem is not None:
            st.caption(problem.message(ctx.lang))


def chart(fig: go.Figure, data: pd.DataFrame, name: str, ctx: Context) -> None:
    """A chart with its download menu and the data behind it (every page renders charts here)."""
    st.plotly_chart(fig, key=f"chart_{name}", config={"displaylogo": False})
    download_menu(fig, data, name, ctx)
    with st.expander(ctx.t("ui.chart_data")):
        st.dataframe(data, hide_index=True)
