"""The period in the sidebar (issue 17), in real Chromium: choosing a month changes the cards and the URL."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import LAPTOP, PHONE, assert_no_exception, pick, screenshot, wait_for_app

pytestmark = pytest.mark.e2e


def sidebar_choice(tab, label: str, option: str, wait_text: str) -> None:
    box = tab.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text=label)
    # a new year gives the period box a new key: the previous run's box stays a moment beside the new one
    # (on a loaded machine for many seconds): wait until the run has replaced it
    tab.wait_for_function("""label => [...document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stSelectbox"]')]
        .filter(e => e.textContent.includes(label)).length === 1""", arg=label, timeout=90_000)
    pick(tab, box, option, exact=True)  # opened again when a click made while the run draws does not take
    wait_for_app(tab, wait_text, timeout=60_000)


def posts_card(tab, showing: str | None = None) -> str:
    """The 科普图文 card's text, once it shows `showing` (the card of the run before may stay a moment)."""
    if showing is not None:
        tab.wait_for_function(
            "t => [...document.querySelectorAll('.kpi[data-metric=\"posts\"]')].some(e => e.innerText.includes(t))",
            arg=showing, timeout=30_000)
    return tab.locator('.kpi[data-metric="posts"]').first.inner_text()


def test_choosing_a_month_changes_the_cards_and_the_url(demo_server, page):
    page.goto(demo_server.url)
    wait_for_app(page, "科普图文")
    sidebar_choice(page, "年度", "2023年", "2023年")
    whole_year = posts_card(page)
    assert "环比" not in whole_year
    sidebar_choice(page, "期间", "4月", "2023年4月")
    assert_no_exception(page)
    april = posts_card(page, showing="4月同比")
    assert april != whole_year
    assert "4月同比" in april and "环比" in april
    assert re.search(r"[?&]period=2023-04\b", page.url), page.url
    sidebar_choice(page, "期间", "第二季度", "2023年第二季度")
    quarter = posts_card(page, showing="4–6月同比")
    assert "4–6月同比" in quarter and "环比" in quarter and quarter not in (april, whole_year)


def test_a_period_link_opens_that_period(demo_server, browser):
    """?period= in a shared link, and the screenshots of 总览 for a month and a quarter (1366 and 390 px)."""
    for viewport_name, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        tab = context.new_page()
        try:
            for period, label in (("2023-04", "2023年4月"), ("2023-Q2", "2023年第二季度")):
                tab.goto(f"{demo_server.url}/?period={period}")
                wait_for_app(tab, label)
                assert_no_exception(tab)
                assert "环比" in posts_card(tab)
                overflowing = tab.evaluate(
                    "() => [...document.querySelectorAll('.kpi')].filter(e => e.scrollWidth > e.clientWidth + 1).length")
                assert overflowing == 0
                screenshot(tab, f"overview-{period}-zh-{viewport_name}")
        finally:
            context.close()
