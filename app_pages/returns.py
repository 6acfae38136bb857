"""报送包 Returns: a unit downloads its signed return of the period; the sponsor's admin uploads one, previews it, receives it."""

import pandas as pd
import streamlit as st

from museum.errors import InputRejected, MuseumError
from museum.intake import safety as upload_safety
from museum.returns import keys, package as packages, receive as receiving
from ui import access, blocks, context, data, units

ctx = context.current()
access.require("upload", ctx.lang)
st.title(ctx.t("page.returns"))
st.caption(ctx.t("returns.ui.intro"))
if "returns_flash" in st.session_state:  # the outcome of the receipt that triggered this rerun
    st.success(blocks.plain(st.session_state.pop("returns_flash")))


def package_view() -> None:
    """Make the unit's return of the sidebar's period and offer it for download."""
    st.subheader(ctx.t("returns.ui.package_title"))
    if ctx.institution_id is None or ctx.period is None:
        st.info(ctx.t("returns.ui.no_data"))
        return
    st.caption(ctx.t("returns.ui.package_help", institution=ctx.institution_name, period=ctx.period.label(ctx.lang)))
    units.require("upload", ctx.institution_id, ctx.lang)  # the unit's filing: its editors and admins
    if st.button(ctx.t("returns.ui.make"), key="returns_make"):
        try:
            with access.write_session() as con:
                st.session_state["returns_made"] = packages.build(con, ctx.institution_id, ctx.institution_name,
                                                                  ctx.period, actor=access.actor())
        except MuseumError as exc:
            blocks.refusal(exc, ctx.lang)
    made = st.session_state.get("returns_made")
    if not made or made[1]["institution"] != ctx.institution_name or made[1]["period"] != ctx.period.text:
        return
    content, manifest = made
    fingerprint = keys.fingerprint(keys.decode_public(manifest["key"]["public_key"]))
    rows = sum(part["rows"] for part in manifest["parts"].values())
    st.success(blocks.plain(ctx.t("returns.ui.made", rows=rows, fingerprint=fingerprint)))
    st.download_button(ctx.t("returns.ui.download"), content, file_name=ctx.t("returns.ui.file_name", period=ctx.period.text),
                       mime="application/zip", key="returns_download")


def summary(package: receiving.Package) -> pd.DataFrame:
    manifest = package.manifest
    rows = [(ctx.t("returns.ui.institution"), package.institution), (ctx.t("returns.ui.period"), package.period.label(ctx.lang)),
            (ctx.t("returns.ui.created"), f"{manifest['created_by']} · {manifest['created_at']}"),
            (ctx.t("returns.ui.fingerprint"), package.fingerprint)]
    if manifest["demo"]:
        rows.append((ctx.t("returns.ui.data"), ctx.t("returns.ui.demo")))
    return pd.DataFrame(rows, columns=[ctx.t("col.field"), ctx.t("col.value")])


def changes(plan: dict) -> pd.DataFrame:
    """Old → new counts: the values, then each part of records."""
    values = plan["values"]
    rows = [(ctx.t("returns.part.observations"), values["new"], values["changed"], values["unchanged"], values["withdrawn"])]
    for part, record in plan["records"].items():
        if record["same"]:
            rows.append((ctx.t(f"returns.part.{part}"), 0, 0, record["incoming"], 0))
        else:
            rows.append((ctx.t(f"returns.part.{part}"), record["incoming"], 0, 0, record["stored"]))
    columns = [ctx.t(f"returns.ui.column.{c}") for c in ("part", "new", "changed", "unchanged", "withdrawn")]
    return pd.DataFrame(rows, columns=columns)


def receive_view() -> None:
    """Upload a unit's return, check it, show what changes, receive it on confirmation."""
    st.subheader(ctx.t("returns.ui.receive_title"))
    # a receipt empties the uploader (a new key): the page then waits for the next return
    uploaded = st.file_uploader(ctx.t("returns.ui.upload"), type=["zip"],
                                key=f"returns_upload_{st.session_state.get('returns_received', 0)}")
    if uploaded is None:
        st.info(ctx.t("returns.ui.waiting"))
        return
    try:
        upload_safety.check_upload_size(uploaded.size)
        package = receiving.open_package(uploaded.getvalue(), uploaded.name)
        with data.session() as con:
            plan = receiving.preview(con, package, trust_new_key=True)  # a new key is asked about below
    except MuseumError as exc:
        if isinstance(exc, InputRejected):  # on the trail once per file, though the page reruns
            access.once(("return_rejected", uploaded.file_id), lambda con, refused=exc: receiving.record_rejection(
                con, uploaded.name, uploaded.getvalue(), refused, actor=access.actor()))
        blocks.refusal(exc, ctx.lang)
        return
    st.dataframe(summary(package), hide_index=True, placeholder="—")
    if plan["new_institution"]:
        st.info(ctx.t("returns.ui.new_institution", institution=package.institution))
    trusted = True
    if plan["new_key"]:
        st.warning(ctx.t("returns.ui.new_key", institution=package.institution, fingerprint=package.fingerprint))
        trusted = st.checkbox(ctx.t("returns.ui.trust", fingerprint=package.fingerprint), key=f"returns_trust_{package.sha256[:16]}")
    st.dataframe(changes(plan), hide_index=True, placeholder="—")
    if st.button(ctx.t("returns.ui.receive"), type="primary", disabled=not trusted, key=f"returns_receive_{package.sha256[:16]}"):
        try:
            with access.write_session() as con:
                outcome = receiving.commit(con, package, actor=access.actor(), trust_new_key=plan["new_key"] and trusted)
        except MuseumError as exc:
            blocks.refusal(exc, ctx.lang)
            return
        key = "cli.returns.duplicate" if outcome["status"] == "duplicate" else "cli.returns.received"
        st.session_state["returns_flash"] = ctx.t(key, **outcome)
        st.session_state["returns_received"] = st.session_state.get("returns_received", 0) + 1
        st.rerun()


package_view()
if access.may("manage_accounts"):
    receive_view()
else:
    st.caption(ctx.t("returns.ui.receive_admins"))
