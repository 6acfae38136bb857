"""获奖与科研 Awards & research: level x grade matrix, unit honours, the project funnel."""

import pandas as pd
import streamlit as st

from museum import charts, events, kpis
from ui import context, data, widgets

ctx = context.current()
context.page_header(ctx, "page.awards_research")

awards = data.query("awards_by_year", institution_id=ctx.institution_id)
honors = data.query("honors_by_year", institution_id=ctx.institution_id)
research = data.query("research_by_year", institution_id=ctx.institution_id)
year_kpis = {k.metric.metric_id: k for k in kpis.kpis_for_year(ctx.values, ctx.catalog, ctx.year)}

st.subheader(ctx.t("awards.matrix"))
summary = [year_kpis[m] for m in ("awards_total", "awards_national", "awards_provincial", "awards_municipal", "honors_received") if m in year_kpis]
widgets.kpi_grid(summary, ctx, columns=5)
year_awards = awards[awards["year"] == ctx.year]
if year_awards.empty:
    st.info(ctx.t("awards.none", year=ctx.year))
else:
    matrix = events.award_matrix(awards, ctx.year)
    shown = matrix.rename(index=lambda lv: ctx.t(f"level.{lv}"), columns=lambda g: ctx.t(f"grade.{g}"))
    shown.index.name = ctx.t("col.level")
    shown[ctx.t("col.total")] = shown.sum(axis=1)
    shown.loc[ctx.t("col.total")] = shown.sum(axis=0)
    left, right = st.columns([3, 2])
    with left:
        widgets.chart(charts.awards_by_level_grade(matrix, ctx.lang, year=ctx.year, demo=ctx.demo),
                      shown.reset_index(), f"awards_matrix_{ctx.year}", ctx)
    with right:
        st.dataframe(shown)
    with st.expander(ctx.t("awards.list")):
        st.dataframe(pd.DataFrame({
            ctx.t("col.competition"): year_awards["competition"],
            ctx.t("col.level"): [ctx.t(f"level.{v}") for v in year_awards["level"]],
            ctx.t("col.grade"): [ctx.t(f"grade.{v}") for v in year_awards["grade"]],
            ctx.t("col.count"): year_awards["count"],
            ctx.t("col.sentence"): year_awards["sentence"],
        }), hide_index=True)

if awards["year"].nunique() > 1:
    st.subheader(ctx.t("awards.history"))
    by_year = events.awards_by_year_level(awards)
    widgets.chart(charts.awards_years(by_year, ctx.lang, demo=ctx.demo), by_year, "awards_years", ctx)

st.subheader(ctx.t("awards.honors"))
year_honors = honors[honors["year"] == ctx.year]
if year_honors.empty:
    st.info(ctx.t("awards.no_honors", year=ctx.year))
else:
    st.dataframe(pd.DataFrame({
        ctx.t("col.title"): year_honors["title"],
        ctx.t("col.subject"): year_honors["subject"].fillna("—"),
        ctx.t("col.awarded_by"): year_honors["awarded_by"],
        ctx.t("col.level"): [ctx.t(f"level.{v}") if isinstance(v, str) else "—" for v in year_honors["level"]],
        ctx.t("col.sentence"): year_honors["sentence"],
    }), hide_index=True)

st.subheader(ctx.t("research.funnel"))
research_ids = [m.metric_id for m in ctx.catalog.in_category("research")]
widgets.kpi_grid([year_kpis[m] for m in research_ids if m in year_kpis], ctx)
year_research = research[research["year"] == ctx.year]
if year_research.empty:
    st.info(ctx.t("research.none", year=ctx.year))
else:
    stages = events.project_stages(research, ctx.year)
    widgets.chart(charts.research_funnel(stages, ctx.lang, year=ctx.year, demo=ctx.demo), stages, f"research_{ctx.year}", ctx)
    years = [y for y in (ctx.year - 1, ctx.year) if y in set(research["year"])]
    comparison = events.research_summary(research, years)
    st.caption(ctx.t("awards.compare"))
    st.dataframe(pd.DataFrame({
        ctx.t("col.item_type"): [ctx.t(f"item_type.{v}") for v in comparison["item_type"]],
        ctx.t("col.role"): [ctx.t(f"role.{v}") for v in comparison["role"]],
        ctx.t("col.stage"): [ctx.t(f"stage.{v}") if isinstance(v, str) else "—" for v in comparison["stage"]],
        **{ctx.t("ui.year_label", year=y): comparison[y] for y in years},
    }), hide_index=True)
