"""单位对比 Compare units: the headline metrics of several units side by side for the sidebar's period, ranked,
with a chart per metric; the table and every chart download like the other pages'."""

import streamlit as st

from museum import compare, safe_csv
from museum.compare import display
from museum.sections import Table
from ui import access, blocks, context

selection = context.current()
access.require("view", selection.lang)
st.title(selection.t("page.compare"))
if selection.institution_id is None or selection.year is None:
    st.info(selection.t("ui.no_data"))
    st.stop()
units = dict(context.visible_institutions())
if len(units) < 2:  # nothing to compare yet: say how another unit's figures get here
    st.info(selection.t("compare.needs_units", name=blocks.plain(next(iter(units.values()), "—"))), icon=":material/info:")
    if access.may("import_report"):
        st.page_link("app_pages/report_import.py", label=selection.t("ui.go_import_report"), icon=":material/description:")
    st.stop()

chosen = st.multiselect(selection.t("compare.units"), list(units), default=list(units), format_func=units.get,
                        key="compare_units")
st.caption(selection.t("compare.subtitle", period=selection.period_label, count=len(chosen)))
if len(chosen) < 2:
    st.info(selection.t("compare.choose_more"), icon=":material/info:")
    st.stop()
scopes = [context.unit_scope(selection, unit, units[unit]) for unit in chosen]
if any(scope.demo for scope in scopes):
    st.warning(selection.t("demo.banner"), icon="⚠️")
rows = compare.build(scopes)
if all(row.kpi is None for row in rows):
    st.info(selection.t("compare.no_data", period=selection.period_label), icon=":material/info:")
    st.stop()
st.caption(selection.t("compare.rules"))

section = display.section(rows, selection.period, selection.lang)
for block in section.blocks:
    blocks.render_block(block, scopes[0])
    if isinstance(block, Table):  # the table downloads as the charts' data do
        columns = st.columns(2)
        for column, fmt in zip(columns, ("csv", "xlsx")):
            content = safe_csv.to_csv_bytes(block.frame) if fmt == "csv" else \
                safe_csv.to_xlsx_bytes({selection.t("compare.title"): block.frame})
            column.download_button(
                selection.t(f"compare.download.{fmt}"), icon=":material/download:", key=f"compare_table_{fmt}",
                data=access.audited_download(f"table {block.name}.{fmt}", content), file_name=f"{block.name}.{fmt}",
                mime="text/csv" if fmt == "csv" else
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore", width="stretch")
