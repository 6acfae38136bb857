"""人员与志愿者 Staff & volunteers: headcount, qualifications, volunteer reserve and teams."""

import pandas as pd
import streamlit as st

from museum import charts, kpis
from ui import context, widgets

ctx = context.current()
context.page_header(ctx, "page.people")

year_kpis = kpis.kpis_for_year(ctx.values, ctx.catalog, ctx.year)
for category, title_key, chart_key in (("staff", "people.staff", "chart.staff_title"),
                                       ("volunteers", "people.volunteers", "chart.volunteers_title")):
    st.subheader(ctx.t(title_key))
    in_category = [k for k in year_kpis if k.metric.category == category]
    widgets.kpi_grid(in_category, ctx)
    metrics = [m for m in ctx.catalog.in_category(category) if m.kind == "stock"]
    frames = [kpis.yearly_series(ctx.values, m).assign(metric_id=m.metric_id) for m in metrics]
    history = pd.concat([f for f in frames if not f.empty], ignore_index=True) if any(not f.empty for f in frames) else pd.DataFrame()
    if not history.empty and history["year"].nunique() > 1:
        widgets.chart(charts.stock_years(history, metrics, ctx.lang, title=ctx.t(chart_key), demo=ctx.demo),
                      history, f"{category}_history", ctx)
