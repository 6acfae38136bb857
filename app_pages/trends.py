"""趋势 Trends: one category at a time — its KPI cards, each metric's charts by year and month, 同比."""

import streamlit as st

from museum import sections
from ui import blocks, context

selection, scope = context.view_page("page.trends")

available = [key for key in sections.METRIC_CATEGORIES if scope.kpis_in(key)]
if not available:
    st.info(selection.t("overview.no_kpis", period=selection.period_label))
    st.stop()
category = st.selectbox(selection.t("trends.category"), available, key="trend_category",
                        format_func=lambda key: selection.t(f"category.{key}"))
section = sections.build(category, scope)
if not section.charts:
    st.info(selection.t("trends.no_history", year=selection.year))
blocks.render(section, scope)
