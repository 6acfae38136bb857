"""导入年度报告: paste or upload a 事业单位法人年度报告, review and correct every figure, commit one batch."""

import hashlib

import pandas as pd
import streamlit as st

from museum import file_words
from museum.intake import safety as upload_safety
from museum.report import importer as report_import, parser as report_parser
from museum.errors import MuseumError
from museum.report.parser import review, safety
from ui import access, blocks, context, data, units

ctx = context.current()
access.require("import_report", ctx.lang)
st.title(ctx.t("page.report_import"))
st.caption(ctx.t("report.ui.intro"))

paste_tab, upload_tab = st.tabs([ctx.t("report.ui.paste"), ctx.t("report.ui.upload")])
with paste_tab:
    pasted = st.text_area(ctx.t("report.ui.paste_label"), height=180, key="report_text", max_chars=safety.MAX_REPORT_BYTES)
with upload_tab:
    uploaded = st.file_uploader(ctx.t("report.ui.upload_label"), type=["txt", "html", "htm", "docx"], key="report_file")

if uploaded is not None:
    content, file_name = uploaded.getvalue(), uploaded.name
elif pasted and pasted.strip():
    content, file_name = pasted.encode("utf-8"), "pasted.txt"
else:
    st.info(ctx.t("report.ui.waiting"))
    st.stop()

try:  # size, zip limits and DTDs by content (report_parser.safety), then the parser: one path for upload and paste
    upload_safety.check_upload_size(len(content))
    parsed = report_parser.parse_bytes(content, file_name)
except MuseumError as exc:
    if uploaded is not None:
        with access.write_session() as con:
            report_import.record_rejection(con, None, 1, actor=access.actor(), file_name=file_name, content=content)
    blocks.refusal(exc, ctx.lang)
    st.stop()

digest = hashlib.sha256(content).hexdigest()[:12]
summary = pd.DataFrame(
    [[ctx.t("profile.name"), parsed.institution or "—"], [ctx.t("report.ui.year"), str(parsed.year)],
     [ctx.t("report.ui.layout"), file_words.report_layout_text(parsed.layout, ctx.lang)],
     [ctx.t("report.ui.encoding"), file_words.read_as_text("text" if uploaded is None else parsed.encoding, ctx.lang)]],
    columns=[ctx.t("col.field"), ctx.t("col.value")],
)
st.dataframe(summary, hide_index=True, placeholder="—")

codes = review.review_tables(parsed, ctx.lang)
original = review.display_tables(codes, ctx.lang)  # labels, not codes: 国家级, not national


def choice(table: str, column: str, label: str) -> st.column_config.SelectboxColumn:
    return st.column_config.SelectboxColumn(label, options=review.column_options(table, column, ctx.lang))


common = {
    "sentence": st.column_config.TextColumn(ctx.t("col.sentence"), disabled=True, width="medium"),
    "confidence": st.column_config.ProgressColumn(ctx.t("report.ui.confidence"), min_value=0.0, max_value=1.0, format="percent"),
    "keep": st.column_config.CheckboxColumn(ctx.t("report.ui.keep")),
}

st.subheader(ctx.t("report.ui.review"))
st.caption(ctx.t("report.ui.review_help"))
edited = {
    "figures": st.data_editor(
        original["figures"], key=f"report_figures_{digest}", hide_index=True, num_rows="dynamic", disabled=["name", "unit", "confidence"],
        column_order=["keep", "name", "value", "qualifier", "unit", "sentence", "confidence", "key"],
        height=min(40 + 35 * (len(original["figures"]) + 1), 760),
        column_config={
            "key": choice("figures", "key", ctx.t("report.ui.key")),
            "name": st.column_config.TextColumn(ctx.t("report.ui.field_or_metric")),
            "value": st.column_config.TextColumn(ctx.t("col.value")),
            "qualifier": choice("figures", "qualifier", ctx.t("col.qualifier")),
            "unit": st.column_config.TextColumn(ctx.t("report.ui.unit")),
            **common,
        },
        placeholder="",  # an empty cell stays empty (never "None")
    )
}
record_columns = {
    "awards": {"competition": st.column_config.TextColumn(ctx.t("col.competition")), "level": choice("awards", "level", ctx.t("col.level")),
               "grade": choice("awards", "grade", ctx.t("col.grade")), "count": st.column_config.NumberColumn(ctx.t("col.count"), min_value=1, step=1)},
    "honors": {"title": st.column_config.TextColumn(ctx.t("col.title")), "subject": st.column_config.TextColumn(ctx.t("col.subject")),
               "awarded_by": st.column_config.TextColumn(ctx.t("col.awarded_by")), "level": choice("honors", "level", ctx.t("col.level"))},
    "research": {"item_type": choice("research", "item_type", ctx.t("col.item_type")), "role": choice("research", "role", ctx.t("col.role")),
                 "stage": choice("research", "stage", ctx.t("col.stage")), "description": st.column_config.TextColumn(ctx.t("col.description")),
                 "count": st.column_config.NumberColumn(ctx.t("col.count"), min_value=1, step=1)},
}
for table, columns in record_columns.items():
    with st.expander(ctx.t(f"report.ui.{table}", count=len(original[table])), expanded=bool(len(original[table]))):
        edited[table] = st.data_editor(original[table], key=f"report_{table}_{digest}", hide_index=True, num_rows="dynamic",
                                       disabled=["confidence"], column_config={**columns, **common}, placeholder="")

st.subheader(ctx.t("report.ui.unplaced", count=len(parsed.unplaced)))
if parsed.unplaced:
    st.caption(ctx.t("report.ui.unplaced_help"))
    st.dataframe(pd.DataFrame(parsed.unplaced).rename(columns={"text": ctx.t("report.ui.figure"), "sentence": ctx.t("col.sentence")}), hide_index=True, placeholder="—")
else:
    st.text(ctx.t("report.ui.none_unplaced"))

dataset, errors = review.to_dataset(parsed, edited, ctx.lang)
implausible = [] if errors else report_import.implausible_errors(dataset, ctx.lang)
allow = bool(implausible) and st.checkbox(ctx.t("upload.allow_implausible"), key=f"report_allow_{digest}")
errors = errors or ([] if allow else implausible)
if errors:
    st.error(ctx.t("report.ui.has_errors", count=len(errors)))
    st.dataframe(review.errors_table(errors, ctx.lang), hide_index=True, placeholder="—")
    st.stop()

was_edited = any(not edited[name].reset_index(drop=True).equals(original[name].reset_index(drop=True)) for name in original)
with data.session() as con:
    plan = report_import.preview(con, dataset)
    warnings = report_import.warnings_for(con, parsed, dataset, plan, ctx.lang)
    # the counts the commit will report (values and records), so that the two never disagree
    planned = report_import.commit(con, parsed, dataset, actor=access.actor(), edited=was_edited, dry_run=True, lang=ctx.lang)
st.subheader(ctx.t("report.ui.changes"))
changes = report_import.change_table(plan["observations"], ctx.lang)
if planned["status"] == "valid":
    values = report_import.change_counts(plan["observations"])["new"]
    st.text(ctx.t("uploads.report_counts", inserted=planned["inserted"], values=values, records=planned["inserted"] - values,
                  updated=planned["updated"], unchanged=planned["unchanged"], skipped=planned["skipped"]))
else:
    st.text(report_import.change_summary(plan["observations"], ctx.lang))
st.dataframe(changes.rename(columns={"metric": ctx.t("col.metric"), "old": ctx.t("report.ui.old"), "new": ctx.t("report.ui.new"),
                                     "status": ctx.t("report.ui.status")}), hide_index=True, placeholder="—")
for warning in warnings:
    st.warning(blocks.plain(warning))

new_unit = bool(plan["is_new_institution"])
if new_unit:  # never created silently: the person names it by ticking the box
    confirmed = st.checkbox(ctx.t("report.ui.new_institution_confirm", name=dataset.institution), key=f"report_new_unit_{digest}")
else:
    confirmed = False
    units.require("import_report", plan["institution_id"], ctx.lang)  # a report of a unit this account may not change

if st.button(ctx.t("report.ui.commit", year=dataset.year), type="primary", key="report_commit", disabled=new_unit and not confirmed):
    try:
        with data.session() as con:
            outcome = report_import.commit(con, parsed, dataset, actor=access.actor(), edited=was_edited, lang=ctx.lang,
                                           allow_implausible=allow, new_institution=confirmed,
                                           authorise=units.authorise("import_report"))
    except MuseumError as exc:
        data.clear()
        blocks.refusal(exc, ctx.lang)
        st.stop()
    data.clear()
    if outcome["status"] == "committed":
        st.success(ctx.t("report.cli.committed", **outcome))
    else:
        st.info(ctx.t(f"report.cli.{outcome['status']}", **outcome))
