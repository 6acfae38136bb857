"""Access control in real Chromium: sign-in, the role-aware menu, refusal of a page requested by
its URL, the audit trail, and hostile text shown as text."""

from __future__ import annotations

import hashlib

import pytest

from museum.store import audit, batches, db
from tests.e2e.conftest import Server, add_accounts, assert_no_exception, open_from_menu, screenshot, sign_in, wait_for_app

pytestmark = pytest.mark.e2e

USERS = {"vi": "viewer", "ed": "editor", "boss": "admin"}
HOSTILE_FILE = "<script>alert('x')</script>.csv"


@pytest.fixture
def access_server(e2e_db, tmp_path):
    add_accounts(e2e_db, USERS)
    with db.session(e2e_db) as con:
        year = int(db.query(con, "institutions")["latest_year"].iloc[0])
        with db.transaction(con, institution=1):
            batch = batches.create_batch(con, "upload", institution=1, user="<b>ed</b>", file_name=HOSTILE_FILE, content=b"x")
            batches.write_observations(con, batch, 1, [
                {"metric_id": "posts", "year": year, "month": None, "value": 6000.0, "qualifier": "exact",
                 "note": "<img src=x onerror=alert(1)>", "sentence": None},
            ])
    running = Server(e2e_db, tmp_path / "streamlit.log")
    yield running
    running.stop()


def sign_out(tab) -> None:
    """The sidebar's 退出登录, and the remembered sign-in gone from the browser."""
    tab.locator('[data-testid="stSidebar"]').get_by_role("button", name="退出登录").click()
    tab.wait_for_function("() => !document.cookie.includes('museum_session=')", timeout=15_000)


def request_page_in_session(tab, path: str, text: str) -> None:
    """Ask for a page by its URL path inside the running session, as a typed or bookmarked link
    would (a full reload starts a new session, signed in again only by the remembered sign-in)."""
    tab.evaluate("p => { history.pushState({}, '', p); dispatchEvent(new PopStateEvent('popstate')); }", f"/{path}")
    wait_for_app(tab, text)


def menu(tab) -> str:
    return tab.locator('[data-testid="stSidebarNav"]').inner_text()


def test_roles_menu_refusal_and_audit(access_server, browser):
    dialogs = []
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    try:
        # Signed out: every URL leads to a sign-in or a refusal.
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(f"{access_server.url}/admin")
        wait_for_app(tab, "请先登录")
        # routed through dashboard.py: not Streamlit's automatic menu of every file in pages/
        assert tab.locator('[data-testid="stSidebarNav"]').count() == 0
        assert "审计记录" not in tab.locator("body").inner_text()
        screenshot(tab, "access-signed-out-admin-url")

        # A wrong password, in the form on the page asked for: refused with how many tries are left.
        wait_for_app(tab, "用户名")
        tab.get_by_label("用户名").fill("vi")
        tab.get_by_label("密码").fill("not-the-password")
        tab.get_by_role("button", name="登录").click()
        wait_for_app(tab, "再失败 4 次")
        screenshot(tab, "access-sign-in-failed")

        # Viewer: view pages in the menu, no 系统管理; asking for /admin by URL is refused.
        sign_in(tab, access_server, "vi")
        assert_no_exception(tab)
        assert "总览" in menu(tab) and "系统管理" not in menu(tab)
        assert "已登录：vi（浏览者）" in tab.locator('[data-testid="stSidebar"]').inner_text()
        # hostile file name: shown as text in the card's source, never run
        tab.locator(".kpi summary").first.click()
        tab.wait_for_function("t => document.body.innerText.includes(t)", arg=HOSTILE_FILE, timeout=10_000)
        screenshot(tab, "access-viewer-overview-hostile-source")
        # a chart's data download is an export: on record with who and the file's hash
        open_from_menu(tab, "获奖与科研", "级别 × 等次")
        tab.get_by_role("button", name="下载").first.click()
        with tab.expect_download(timeout=120_000) as started:
            tab.get_by_role("button", name="数据 CSV（Excel 可直接打开）").click()
        csv = open(started.value.path(), "rb").read()
        assert "导入年度报告" not in menu(tab)
        request_page_in_session(tab, "report_import", "无权使用此页面")
        body = tab.locator("body").inner_text()
        assert "您当前的角色（浏览者）无权使用此页面，需要：编辑者、管理员。" in body
        assert "年度报告全文" not in body
        screenshot(tab, "access-viewer-report-import-refused")
        request_page_in_session(tab, "admin", "需要：管理员")
        body = tab.locator("body").inner_text()
        assert "您当前的角色（浏览者）无权使用此页面，需要：管理员。" in body
        assert "审计记录" not in body
        screenshot(tab, "access-viewer-admin-refused")
        sign_out(tab)  # the same browser: a sign-in survives reloads and new tabs until signed out
        tab.close()

        # Editor: signs in and reaches the data page from the menu; still no 系统管理.
        tab = context.new_page()
        sign_in(tab, access_server, "ed")
        assert "导入年度报告" in menu(tab) and "系统管理" not in menu(tab)
        open_from_menu(tab, "导入年度报告", "请粘贴报告文字或上传文件。")
        assert_no_exception(tab)
        screenshot(tab, "access-editor-report-import")
        sign_out(tab)
        tab.close()

        # Admin: reaches 系统管理 through the menu; the audit trail shows the sign-ins.
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        sign_in(tab, access_server, "boss")
        open_from_menu(tab, "系统管理", "审计记录")
        tab.get_by_role("tab", name="审计记录").click()
        wait_for_app(tab, "条记录")
        assert_no_exception(tab)
        screenshot(tab, "access-admin-audit")
    finally:
        context.close()
    with db.session(access_server.db_path) as con:
        signed_in = audit.entries(con, action="sign_in_ok")
    assert list(signed_in["user_name"]) == ["boss", "ed", "vi"]
    assert list(signed_in["detail"]) == ["role=admin from 127.0.0.1", "role=editor from 127.0.0.1", "role=viewer from 127.0.0.1"]
    with db.session(access_server.db_path) as con:
        failed = audit.entries(con, action="sign_in_failed")
        exports = audit.entries(con, action="export")
    assert failed[["user_name", "detail"]].values.tolist() == [["vi", "wrong password from 127.0.0.1"]]
    assert exports["user_name"].tolist() == ["vi"]
    assert exports["detail"].iloc[0].startswith("chart ") and exports["detail"].iloc[0].endswith(".csv")
    assert exports["file_sha256"].iloc[0] == hashlib.sha256(csv).hexdigest()
    assert dialogs == []


def test_a_removed_editors_open_session_loses_its_rights(access_server, browser):
    """The account is removed from the server's command line while the editor's tab is open: the
    next thing the editor does ends the session, and the rollback button is out of reach."""
    import subprocess
    import sys

    from museum import settings

    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    try:
        tab = context.new_page()
        sign_in(tab, access_server, "ed")
        open_from_menu(tab, "上传记录", "选择批次")
        assert "回滚" in tab.locator("body").inner_text()
        removed = subprocess.run([sys.executable, "-m", "museum", "users", "remove", "ed", "--db", str(access_server.db_path)],
                                 cwd=settings.ROOT, capture_output=True, text=True, timeout=60,
                                 env={**__import__("os").environ, "MUSEUM_DB_WAIT_SECONDS": "20"})
        assert removed.returncode == 0, removed.stderr
        tab.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="总览").click()
        wait_for_app(tab, "您的账号已被删除，已自动退出登录。")
        # the sidebar of the run before may stay on screen for a moment while the new run draws it
        tab.wait_for_function("() => !document.body.innerText.includes('已登录：ed')", timeout=15_000)
        body = tab.locator("body").inner_text()
        nav = tab.locator('[data-testid="stSidebarNav"]')
        assert nav.count() == 0 or "上传记录" not in nav.inner_text()
        request_page_in_session(tab, "history", "请先登录")
        assert "选择批次" not in tab.locator("body").inner_text()
        screenshot(tab, "access-removed-editor-signed-out")
        assert "已登录：ed" not in body
    finally:
        context.close()
    with db.session(access_server.db_path) as con:
        ended = audit.entries(con, action="sign_out", user="ed")
    assert ended["detail"].tolist() == ["rights ended: removed"]
