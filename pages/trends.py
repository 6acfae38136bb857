"""趋势 Trends: a metric across years; monthly lines and year-to-date where months exist."""

import pandas as pd
import streamlit as st

from museum import catalog, charts, kpis, numbers, present
from ui import context, widgets

ctx = context.current()
context.page_header(ctx, "page.trends")

present_ids = set(ctx.values["metric_id"])
categories = [c for c in catalog.CATEGORIES if any(m.metric_id in present_ids for m in ctx.catalog.in_category(c))]
category = st.selectbox(ctx.t("trends.category"), categories, format_func=lambda c: ctx.t(f"category.{c}"), key="trend_category")
metrics = [m for m in ctx.catalog.in_category(category) if m.metric_id in present_ids]
metric = ctx.catalog[st.selectbox(ctx.t("trends.metric"), [m.metric_id for m in metrics],
                                  format_func=lambda i: ctx.catalog[i].name(ctx.lang), key=f"trend_metric_{category}")]

st.subheader(ctx.t("trends.by_year"))
series = kpis.yearly_series(ctx.values, metric)
if len(series) == 1:
    st.info(ctx.t("trends.single_year", year=int(series["year"].iloc[0])))
table = pd.DataFrame({
    ctx.t("col.year"): series["year"],
    ctx.t("col.value"): [numbers.format_value(v, q, ctx.lang, metric.unit(ctx.lang)) for v, q in zip(series["value"], series["qualifier"])],
})
widgets.chart(charts.yearly_bars(series, metric, ctx.lang, demo=ctx.demo), table, f"{metric.metric_id}_years", ctx)

if kpis.has_monthly(ctx.values, metric.metric_id):
    st.subheader(ctx.t("trends.by_month"))
    monthly = kpis.monthly_series(ctx.values, metric)
    left, right = st.columns(2)
    with left:
        widgets.chart(charts.monthly_lines(monthly, metric, ctx.lang, demo=ctx.demo), monthly, f"{metric.metric_id}_months", ctx)
    if metric.kind == "flow":
        with right:
            widgets.chart(charts.monthly_lines(monthly, metric, ctx.lang, cumulative=True, demo=ctx.demo), monthly,
                          f"{metric.metric_id}_ytd", ctx)
        year_kpi = next((k for k in kpis.kpis_for_year(ctx.values, ctx.catalog, ctx.year) if k.metric == metric), None)
        if year_kpi is not None:
            st.caption(ctx.t("trends.ytd_table"))
            st.dataframe(pd.DataFrame([{
                ctx.t("col.year"): ctx.year,
                ctx.t("col.ytd"): present.value_text(year_kpi, ctx.lang),
                ctx.t("col.prior_ytd"): "—" if year_kpi.prior is None else numbers.format_value(
                    year_kpi.prior.value, year_kpi.prior.qualifier, ctx.lang, metric.unit(ctx.lang)),
                ctx.t("col.change_pct"): present.change_text(year_kpi, ctx.lang)
                + "".join(f"（{n}）" for n in (present.basis_text(year_kpi, ctx.lang), present.reason_text(year_kpi, ctx.lang)) if n),
            }]), hide_index=True)

st.subheader(ctx.t("trends.category_changes"))
comparable = [k for k in kpis.kpis_for_year(ctx.values, ctx.catalog, ctx.year)
              if k.metric.category == category and k.change_pct is not None]
if comparable:
    rows = pd.DataFrame({
        "name": [k.metric.name(ctx.lang) for k in comparable],
        "change_pct": [k.change_pct for k in comparable],
        "label": [present.change_text(k, ctx.lang) for k in comparable],
    })
    title = ctx.t("chart.category_change_title", category=ctx.t(f"category.{category}"), year=ctx.year)
    widgets.chart(charts.category_change(rows, ctx.lang, ctx.palette, title=title, demo=ctx.demo), rows,
                  f"{category}_changes", ctx)
else:
    st.info(ctx.t("trends.no_changes"))
