"""总览 Overview: this year's KPI cards by category, each with 同比 and its source."""

import streamlit as st

from museum import catalog, kpis
from ui import context, widgets

ctx = context.current()
context.page_header(ctx, "page.overview")

year_kpis = kpis.kpis_for_year(ctx.values, ctx.catalog, ctx.year)
if not year_kpis:
    st.info(ctx.t("overview.no_kpis", year=ctx.year))
for category in catalog.CATEGORIES:
    in_category = [k for k in year_kpis if k.metric.category == category]
    if in_category:
        st.subheader(ctx.t(f"category.{category}"))
        widgets.kpi_grid(in_category, ctx)
