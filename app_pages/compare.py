"""单位对比 Compare units: the headline metrics of several units for the sidebar's period, ranked, a chart per metric."""

import streamlit as st

from museum import compare, safe_csv
from museum.compare import display
from museum.i18n import t
from museum.sections import Table
from ui import access, blocks, context

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_with_downloads(block: Table, lang: str) -> None:
    """The comparison table with room for each column, then its CSV and XLSX (as the charts' data download)."""
    st.markdown(f"**{blocks.plain(block.title)}**")
    widths = {t(f"compare.column.{key}", lang): width for key, width in display.COLUMN_WIDTHS[lang].items()}
    st.dataframe(block.frame, hide_index=True, key=f"table_{block.name}", height="content",
                 column_config={name: st.column_config.TextColumn(width=width) for name, width in widths.items()}, placeholder="—")
    files = {"csv": (lambda: safe_csv.to_csv_bytes(block.frame), "text/csv"),
             "xlsx": (lambda: safe_csv.to_xlsx_bytes({t("compare.title", lang): block.frame}), XLSX)}
    for column, (fmt, (produce, mime)) in zip(st.columns(2), files.items()):
        column.download_button(t(f"compare.download.{fmt}", lang), icon=":material/download:", key=f"compare_table_{fmt}",
                               data=access.audited_download(f"table {block.name}.{fmt}", produce),
                               file_name=f"{block.name}.{fmt}", mime=mime, on_click="ignore", width="stretch")


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
scopes, view_state = context.compare_scopes(selection, [(unit, units[unit]) for unit in chosen])
if (as_of := display.as_of_note(view_state, selection.lang)) is not None:  # the view is behind the data
    st.info(blocks.plain(as_of), icon=":material/update:")
if any(scope.demo for scope in scopes):
    st.warning(selection.t("demo.banner"), icon="⚠️")
rows = compare.build(scopes)
if all(row.kpi is None for row in rows):
    st.info(selection.t("compare.no_data", period=selection.period_label), icon=":material/info:")
    st.stop()
st.caption(selection.t("compare.rules"))

section = display.section(rows, selection.period, selection.lang)
for block in section.blocks:
    if isinstance(block, Table):
        table_with_downloads(block, selection.lang)
    else:
        blocks.render_block(block, scopes[0])  # charts with their download menu and data, notices
