"""机构概况 Profile: the registration fields of the annual report, with their source lines."""

import pandas as pd
import streamlit as st

from museum import profile
from ui import context, data

ctx = context.current()
context.page_header(ctx, "page.profile")

fields = data.query("profile_fields", institution_id=ctx.institution_id)
fields = fields[fields["year"] == ctx.year]
if fields.empty:
    st.info(ctx.t("profile.none", year=ctx.year))
    st.stop()

by_field = dict(profile.ordered(dict(zip(fields["field"], fields["value"]))))
st.subheader(ctx.t("profile.registration"))
table = pd.DataFrame(
    [
        {ctx.t("col.field"): ctx.t(f"profile.{field}"), ctx.t("col.value"): value}
        for field, value in by_field.items()
        if field not in profile.LONG_TEXT
    ]
)
st.dataframe(table, hide_index=True)
st.subheader(ctx.t("profile.report_text"))
for field in profile.LONG_TEXT:
    if by_field.get(field):
        with st.expander(ctx.t(f"profile.{field}"), expanded=field == "purpose"):
            st.text(by_field[field])
