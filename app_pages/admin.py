"""管理 Administration: accounts, the audit trail (filter, CSV download), backups and each account's role per unit."""

from datetime import datetime, time, timedelta

import pandas as pd
import streamlit as st

from museum import backup, clock, settings
from museum.access import auth
from museum.store import audit
from museum.i18n import t
from ui import access, blocks, context, data, forms, review_view, unit_admin

lang = context.language()
access.require("manage_accounts", lang)
st.title(t("access.page.admin", lang))
me = access.actor()


forms.show_saved()


def run_change(change, success_key: str, **params) -> None:
    """One account change (auth records its audit line); said after the rerun, so that the
    accounts table below already shows it. A refusal is shown here."""
    if forms.write(lambda con: change(con) or True, lang):
        forms.saved(t(success_key, lang, **params))


accounts_tab, audit_tab, backup_tab, units_tab = st.tabs(
    [t("access.admin.accounts", lang), t("access.admin.audit", lang), t("access.admin.backup", lang), t("rights.admin.tab", lang)]
)

with accounts_tab:
    review_view.setting(context.current())  # review before figures are official, per institution (issue 23)
    with st.form("add_user", clear_on_submit=True):
        st.subheader(t("access.admin.add_user", lang))
        cols = st.columns(3)
        new_name = cols[0].text_input(t("access.user_name", lang), key="add_name")
        new_role = cols[1].selectbox(t("access.role", lang), auth.ROLES, key="add_role",
                                     format_func=lambda r: t(f"auth.role.{r}", lang))
        new_password = cols[2].text_input(t("access.password", lang), type="password", key="add_password")
        every_unit = data.read("institutions")
        chosen_units = None  # one unit: the account's role is there
        if len(every_unit) > 1:  # several: rights only where named (an admin account is admin in every unit)
            names = dict(zip(every_unit["institution_id"].astype(int), every_unit["name"]))
            chosen_units = st.multiselect(t("rights.admin.new_account_units", lang), list(names), format_func=names.get,
                                          default=[context.current().institution_id] if context.current().institution_id in names else [],
                                          key="add_units")
        if st.form_submit_button(t("access.admin.add", lang)):
            run_change(lambda con: auth.add_user(con, new_name.strip(), new_role, new_password, actor=me,
                                                 institutions=chosen_units),
                       "cli.users.added", name=new_name.strip(), role=t(f"auth.role.{new_role}", lang))

    users = data.read("accounts")
    shown = users.assign(
        role=[t(f"auth.role.{r}", lang) for r in users["role"]],
        created_at=[clock.format_time(v, lang) for v in users["created_at"]],
        locked_until=[clock.format_time(v, lang) if pd.notna(v) else "" for v in users["locked_until"]],
    )
    shown.columns = [t(f"access.admin.column.{c}", lang) for c in shown.columns]
    st.dataframe(shown, hide_index=True, placeholder="—")

    if not users.empty:
        st.subheader(t("access.admin.change_user", lang))
        cols = st.columns(3)
        target = cols[0].selectbox(t("access.user_name", lang), list(users["user_name"]), key="change_target")
        role_choice = cols[1].selectbox(t("access.role", lang), auth.ROLES, key="change_role",
                                        format_func=lambda r: t(f"auth.role.{r}", lang))
        reset_password = cols[2].text_input(t("access.admin.new_password", lang), type="password", key="change_password")
        buttons = st.columns(6)
        if buttons[0].button(t("access.admin.set_role", lang), key="btn_role"):
            run_change(lambda con: auth.set_role(con, target, role_choice, actor=me), "access.admin.done", name=target)
        if buttons[1].button(t("access.admin.set_password", lang), key="btn_password"):
            run_change(lambda con: auth.set_password(con, target, reset_password, actor=me), "cli.users.password_set", name=target)
        if buttons[2].button(t("access.admin.disable", lang), key="btn_disable"):
            run_change(lambda con: auth.set_disabled(con, target, True, actor=me), "access.admin.done", name=target)
        if buttons[3].button(t("access.admin.enable", lang), key="btn_enable"):
            run_change(lambda con: auth.set_disabled(con, target, False, actor=me), "access.admin.done", name=target)
        if buttons[5].button(t("access.admin.unlock", lang), key="btn_unlock", help=t("access.admin.unlock_help", lang)):
            run_change(lambda con: auth.unlock(con, target, actor=me), "access.admin.unlocked", name=target)
        confirm = st.checkbox(t("access.admin.confirm_remove", lang, name=blocks.plain(target)), key="confirm_remove")
        if buttons[4].button(t("access.admin.remove", lang), key="btn_remove", disabled=not confirm):
            run_change(lambda con: auth.remove_user(con, target, actor=me), "cli.users.removed", name=target)

    clients = data.read("locked_clients")
    if not clients.empty:  # an address locked after guesses at several names: lifted here, not on a server
        st.subheader(t("access.admin.locked_clients", lang))
        for address in clients["client"]:
            if st.button(t("access.admin.unlock_client", lang, client=address), key=f"btn_unlock_client_{address}"):
                run_change(lambda con, address=address: auth.unlock_client(con, address, actor=me),
                           "access.admin.client_unlocked", client=address)

with audit_tab:
    known_users = data.read("audit_users")
    cols = st.columns(4)
    user_filter = cols[0].selectbox(t("audit.column.user_name", lang), [None, *known_users], key="audit_user",
                                    format_func=lambda u: t("access.admin.all", lang) if u is None else u)
    action_filter = cols[1].selectbox(t("audit.column.action", lang), [None, *audit.ACTIONS], key="audit_action",
                                      format_func=lambda a: t("access.admin.all", lang) if a is None else audit.action_label(a, lang))
    today = auth.utc_now().date()
    period = cols[2].date_input(t("access.admin.period", lang), value=(today - timedelta(days=30), today), key="audit_period")
    text_filter = cols[3].text_input(t("access.admin.detail_contains", lang), key="audit_text")
    since = until = None
    if isinstance(period, tuple) and len(period) == 2:
        since = datetime.combine(period[0], time.min)
        until = datetime.combine(period[1] + timedelta(days=1), time.min)
    lines = data.read("audit_entries", user=user_filter, action=action_filter, since=since, until=until,
                      text=text_filter or None, limit=None)
    st.caption(t("access.admin.audit_count", lang, count=len(lines)))
    st.dataframe(audit.display_frame(lines, lang), hide_index=True, placeholder="—")
    st.download_button(
        t("access.admin.download_csv", lang),
        data=access.audited_download(f"audit CSV ({len(lines)} lines)", audit.csv_bytes(lines, lang)),
        file_name=f"audit-{today:%Y%m%d}.csv",
        mime="text/csv",
        on_click="ignore",
        key="audit_csv",
    )

with backup_tab:
    st.caption(t("access.admin.backup_help", lang, path=settings.backup_dir()))
    if st.button(t("access.admin.backup_now", lang), key="backup_now", type="primary"):
        directory = settings.backup_dir() / auth.utc_now().strftime("%Y%m%dT%H%M%SZ")
        manifest = forms.write(lambda con: backup.backup(con, directory, actor=me), lang)
        if manifest is not None:
            tables = manifest["tables"]
            st.success(blocks.plain(t("cli.backup.done", lang, path=directory, tables=len(tables), rows=sum(tables.values()))))
            if manifest.get("signature") is None:
                st.warning(t("cli.backup.unsigned", lang), icon=":material/gpp_maybe:")

with units_tab:
    unit_admin.unit_rights_tab(lang, me, list(data.read("accounts")["user_name"]))
