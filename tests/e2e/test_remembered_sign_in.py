"""Issue 18 §13 in real Chromium: a sign-in survives a reload, a page asked for while signed out opens
after signing in there, a bookmarked /sign_in opens the sign-in page, and sign-out ends it all."""

from __future__ import annotations

import pytest

from museum.access import sessions
from tests.e2e.conftest import ACCOUNT_PASSWORD, Server, add_accounts, assert_no_exception, screenshot, sign_in, wait_for_app

pytestmark = pytest.mark.e2e


@pytest.fixture
def accounts_server(e2e_db, tmp_path):
    add_accounts(e2e_db, {"boss": "admin"})
    running = Server(e2e_db, tmp_path / "streamlit.log")
    yield running
    running.stop()


def session_cookie(tab) -> str | None:
    return next((c["value"] for c in tab.context.cookies() if c["name"] == sessions.COOKIE), None)


def test_a_sign_in_survives_a_reload_until_sign_out(accounts_server, page):
    sign_in(page, accounts_server, "boss")
    page.wait_for_function("name => document.cookie.includes(name + '=')", arg=sessions.COOKIE, timeout=15_000)
    cookie = next(c for c in page.context.cookies() if c["name"] == sessions.COOKIE)
    assert cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    page.reload()
    wait_for_app(page, "已登录：boss")
    wait_for_app(page, "科普图文")  # the sidebar is drawn before the page's body: wait for the body itself
    page.goto(f"{accounts_server.url}/history")  # a new session of the same browser
    wait_for_app(page, "选择批次")
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="退出登录").click()
    page.wait_for_function("name => !document.cookie.includes(name + '=')", arg=sessions.COOKIE, timeout=15_000)
    page.reload()
    wait_for_app(page, "用户名")
    assert "已登录" not in page.locator("body").inner_text()


def test_a_page_asked_for_while_signed_out_opens_after_signing_in_there(accounts_server, page):
    page.goto(f"{accounts_server.url}/history?lang=zh")
    wait_for_app(page, "请先登录后再查看此页面。")
    page.get_by_role("textbox", name="用户名", exact=True).fill("boss")
    page.get_by_role("textbox", name="密码", exact=True).fill(ACCOUNT_PASSWORD)
    page.get_by_role("button", name="登录").click()
    wait_for_app(page, "选择批次")  # 上传记录 itself, not 总览
    assert_no_exception(page)
    assert page.url.rstrip("/").endswith("/history") or "/history?" in page.url
    screenshot(page, "sign-in-then-the-page-asked-for")


def test_a_bookmarked_sign_in_page_opens(accounts_server, page):
    page.goto(f"{accounts_server.url}/sign_in")
    wait_for_app(page, "用户名")
    body = page.locator("body").inner_text()
    assert "Page not found" not in body and "登录" in body
