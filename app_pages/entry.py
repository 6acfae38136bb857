"""数据填报 Data entry: one institution's figures of one month typed in a grid, checked as files are, saved as one batch."""

import datetime as dt

import streamlit as st

from museum.period import Period
from ui import access, context, entry_grid, forms, units

ctx = context.current()
access.require("upload", ctx.lang)
st.title(ctx.t("page.entry"))
if ctx.institution_id is None:
    st.info(ctx.t("ui.no_data"))
    st.stop()
units.require("upload", ctx.institution_id, ctx.lang)  # an editor or admin of this unit
st.caption(ctx.t("entry.intro"))
forms.show_saved()
year = ctx.year or dt.date.today().year
if ctx.period is not None and ctx.period.kind == "month":
    month = ctx.period.first
else:
    # the sidebar lists only months with data; the month to type is often the one without any yet
    st.info(ctx.t("entry.pick_month"), icon=":material/calendar_month:")
    month = st.selectbox(ctx.t("entry.column.month"), list(range(1, 13)), index=dt.date.today().month - 1,
                         format_func=lambda m: Period.of_month(year, m).label(ctx.lang), key=f"entry_month_{year}")
st.subheader(ctx.t("entry.month", period=Period.of_month(year, month).label(ctx.lang)))
entry_grid.show(ctx, year, month)
