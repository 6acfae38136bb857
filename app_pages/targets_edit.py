"""目标管理 Targets (editing): import the 绩效目标表, edit indicators, actuals and 偏差原因, the budget,
key tasks and events of a year — each change one audited batch that can be rolled back."""

import dataclasses
import datetime as dt

import streamlit as st

from ui import access, context, forms, target_forms, units

selection = context.current()
access.require("correct", selection.lang)
st.title(selection.t("page.targets_edit"))
if selection.institution_id is None:
    st.info(selection.t("ui.no_data"))
    st.stop()
units.require("correct", selection.institution_id, selection.lang)
st.caption(selection.t("targets.ui.edit_intro"))
forms.show_saved()

this_year = dt.date.today().year
years = sorted(set(target_forms.plan_years(context.scope(selection))) | {this_year, this_year + 1}, reverse=True)
# the sidebar's year first (the box is keyed by it, so choosing another year there moves this one too)
default = selection.year if selection.year in years else this_year
year = st.selectbox(selection.t("targets.ui.year"), years, index=years.index(default), key=f"targets_edit_year_{default}",
                    format_func=lambda y: selection.t("ui.year_label", year=y))
scope = context.scope(dataclasses.replace(selection, year=year))
year_view = scope.year_targets

# a keyed, stateful tab bar: a save (which reruns the page) stays on the tab it was made on
tabs = st.tabs([selection.t(f"targets.ui.tab.{key}") for key in ("import", "indicators", "budget", "tasks", "events")],
               key="targets_edit_tab", on_change="rerun")
with tabs[0]:
    target_forms.import_tab(scope)
with tabs[1]:
    target_forms.indicators_tab(scope, year_view)
with tabs[2]:
    target_forms.budget_tab(scope, year_view)
with tabs[3]:
    target_forms.tasks_tab(scope)
with tabs[4]:
    target_forms.events_tab(scope)
