"""登录 Sign in: staff name and password (rate-limited), or the organisation's single sign-on."""

import streamlit as st

from museum.i18n import t
from ui import access, blocks, context, sign_in

lang = context.language()
st.title(t("access.page.sign_in", lang))

user = access.signed_in_user()
if user is not None:
    st.success(t("access.signed_in_as", lang, name=blocks.plain(user["name"]), role=t(f"auth.role.{user['role']}", lang)))
    st.page_link("app_pages/overview.py", label=t("access.go_overview", lang), icon=":material/dashboard:")
    st.stop()

if not access.accounts_exist() and not access.sso_configured():
    st.info(t("access.first_run", lang), icon=":material/key:")
    st.stop()

if access.sso_configured():
    if st.button(t("access.sso_button", lang), type="primary", key="sso_login"):
        st.login()
    st.divider()

if sign_in.form(lang):
    # the language rides along: a page switch starts the sidebar's widgets afresh
    st.switch_page("app_pages/overview.py", query_params={"lang": lang})
