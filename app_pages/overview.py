"""总览 Overview: the headline KPIs first, then every category's cards (folded after the first row)."""

import datetime as dt

import streamlit as st

from museum import catalog, headlines, sections
from museum.forms import calendar
from museum.sections.common import category_cards
from ui import blocks, context

selection, scope = context.view_page("page.overview")
if (due_soon := calendar.next_due_line(dt.date.today(), selection.lang)) is not None:
    st.page_link("app_pages/calendar.py", label=due_soon, icon=":material/event:")

blocks.render(sections.build("overview", scope), scope, heading=True)
missing = headlines.headline_missing(scope.kpis, selection.lang, selection.period_label)
if missing:  # a shorter headline row says which figures it lacks instead of silently dropping them
    st.caption(blocks.plain(missing))
if not scope.kpis and scope.whole_year:  # a part of a year without data: the header said so
    st.info(selection.t("overview.no_kpis", period=selection.period_label))
for category in catalog.CATEGORIES:
    cards = category_cards(scope, category, title=selection.t(f"category.{category}"), fold_after=4)
    if cards is not None:  # each card says where its number came from; the table is on the category's page
        blocks.kpi_cards(cards, scope, sources=False)
