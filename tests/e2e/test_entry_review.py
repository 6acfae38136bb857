"""Issue 23 in real Chromium: an editor types April's figures into 数据填报, they wait in 待审核, and the card changes only once an admin approves."""

from __future__ import annotations

from pathlib import Path

import pytest

from museum.intake import entry, review
from museum.store import db
from tests.e2e.conftest import LAPTOP, PHONE, Server, add_accounts, assert_no_exception, screenshot, sign_in, type_in_cell, wait_for_app

pytestmark = pytest.mark.e2e
SHOTS = Path("/tmp/shots-i23")


def go(tab, title: str, wait_text: str) -> None:
    tab.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    wait_for_app(tab, wait_text)


def visitors_card(tab, overview: str = "总览") -> str:
    go(tab, overview, "接待观众人次" if overview == "总览" else "On-site visitors")
    return tab.locator('.kpi[data-metric="onsite_visitors"] .kpi-value').first.inner_text()


def select_year(tab, year: int, label: str = "年度", option: str = "2025年") -> None:
    """Choose the year in the sidebar, as a person does (the embedded report's 2024 is shown first)."""
    choose_in(tab, tab.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text=label), option)


def choose_in(tab, box, option: str) -> None:
    """Open a select box until its list shows (a click while the page is being drawn may not take), then pick."""
    for _ in range(4):
        box.click()
        try:
            tab.get_by_role("option", name=option, exact=True).wait_for(timeout=8_000)
            break
        except Exception:  # noqa: BLE001 — the list did not open: click again
            tab.keyboard.press("Escape")
    tab.get_by_role("option", name=option, exact=True).click()
    wait_for_app(tab, option)


def pick_april(tab, label: str = "月份", april: str = "2025年4月") -> None:
    choose_in(tab, tab.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').filter(has_text=label), april)


def type_in_grid(tab, values: list[str]) -> None:
    """Type into the 填报值 column row by row, as a person does: click the row's 指标 cell (below the header), move
    right to 填报值, type, Enter."""
    for row, text in enumerate(values):
        type_in_cell(tab, '[data-testid="stMain"]', row, 1, ("ArrowRight",), text, x=20)


def keep(tab, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = screenshot(tab, name)
    (SHOTS / path.name).write_bytes(path.read_bytes())


@pytest.fixture
def review_server(e2e_db, tmp_path):
    """March 2025 in (so 2025 is the year shown and the metric is in the grid), review on, an editor and an admin."""
    add_accounts(e2e_db, {"ed": "editor", "boss": "admin"})
    with db.session(e2e_db) as con:
        entry.submit(con, 1, 2025, 3, {"onsite_visitors": "8,500", "outreach_events": "20"}, actor="e2e")
        review.set_required(con, 1, True, actor="boss", role="admin")
    running = Server(e2e_db, tmp_path / "streamlit.log")
    yield running
    running.stop()


def test_an_editor_types_april_and_the_card_changes_only_once_an_admin_approves(review_server, browser, page):
    sign_in(page, review_server, "ed")
    select_year(page, 2025)
    before = visitors_card(page)
    go(page, "数据填报", "填报月份")
    pick_april(page)
    type_in_grid(page, ["约25", "12,000"])  # rows in catalog order: 三探五进, then 接待观众人次
    wait_for_app(page, "校验通过：2 个数值可提交。")
    assert_no_exception(page)
    keep(page, "entry-typed-zh-1366")
    page.get_by_role("button", name="提交").click()
    wait_for_app(page, "已提交待审核（批次 #")
    assert visitors_card(page) == before  # pending: nowhere official
    go(page, "待审核", "您提交的待审核批次")
    assert page.get_by_role("button", name="审核通过").count() == 0  # an editor sees, never decides

    admin = browser.new_context(viewport=LAPTOP, locale="zh-CN").new_page()
    try:
        sign_in(admin, review_server, "boss")
        select_year(admin, 2025)
        assert visitors_card(admin) == before
        go(admin, "待审核", "审核通过")
        assert_no_exception(admin)
        keep(admin, "review-pending-zh-1366")
        admin.get_by_role("button", name="审核通过").click()
        wait_for_app(admin, "已审核通过")
        after = visitors_card(admin)
        assert after != before
    finally:
        admin.context.close()
    assert visitors_card(page) == after


def at_width(tab, viewport_name: str, name: str) -> None:
    """Screenshot the page at 1366 or 390 px: a phone is the same session narrowed (the menu folds away)."""
    if viewport_name == "390":
        tab.set_viewport_size(PHONE)
        tab.wait_for_timeout(1200)
    assert_no_exception(tab)
    keep(tab, name)
    tab.set_viewport_size(LAPTOP)
    tab.wait_for_timeout(600)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_entry_and_review_pages_at_both_widths(review_server, browser, lang):
    """Screenshots of both pages at 1366 and 390 px in zh and en, with a pending batch and a draft to resume."""
    with db.session(review_server.db_path) as con:
        entry.submit(con, 1, 2025, 4, {"onsite_visitors": "12,000", "outreach_events": "约25"}, actor="ed")
        entry.save_draft(con, 1, 2025, 5, "boss", {"onsite_visitors": "40,000"})
    tab = browser.new_context(viewport=LAPTOP, locale="zh-CN").new_page()
    try:
        sign_in(tab, review_server, "boss", lang=lang)
        words = {"zh": ("年度", "2025年", "待审核", "审核通过", "数据填报", "填报月份", "月份", "2025年5月"),
                 "en": ("Year", "2025", "Pending review", "Approve", "Data entry", "Month entered", "Month", "May 2025")}[lang]
        select_year(tab, 2025, words[0], words[1])
        go(tab, words[2], words[3])
        for width in ("1366", "390"):
            at_width(tab, width, f"review-{lang}-{width}")
        go(tab, words[4], words[5])
        pick_april(tab, words[6], words[7])
        tab.locator('[data-testid="stDataFrame"]').first.wait_for()
        tab.wait_for_timeout(800)
        for width in ("1366", "390"):
            at_width(tab, width, f"entry-{lang}-{width}")
    finally:
        tab.context.close()
