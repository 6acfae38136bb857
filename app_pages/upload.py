"""数据上传 Upload: any office sheet or platform export -> what it was read as, every problem, the
mapping of unknown columns, the changes month by month -> one batch; templates; one-value corrections."""

import datetime as dt

import streamlit as st

from museum.catalog import load as load_catalog
from ui import access, context, forms, units, upload_forms

ctx = context.current()
access.require("upload", ctx.lang)
st.title(ctx.t("intake.page.upload"))
if ctx.institution_id is None:
    st.info(ctx.t("ui.no_data"))
    st.stop()
units.require("upload", ctx.institution_id, ctx.lang)  # the role in this unit (the menu followed the account's role)
st.caption(ctx.t("intake.upload.intro"))
forms.show_saved()
cat = load_catalog()
upload_forms.template_downloads(ctx, cat, ctx.year or dt.date.today().year)
upload_forms.upload(ctx, cat)
st.divider()
upload_forms.correction(ctx, cat, ctx.year or dt.date.today().year)
