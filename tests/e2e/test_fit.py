"""Nothing is cut off: every text of every KPI card fits its box at a laptop and a phone width, in
both languages, on the fresh install and with monthly history (real Chromium). Screenshots of
each go to tests/e2e/screenshots/fit-*.png."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import LAPTOP, PHONE, assert_no_exception, screenshot, wait_for_app

pytestmark = pytest.mark.e2e

OVERFLOWING = """() => [...document.querySelectorAll('.kpi, .kpi *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflow === 'hidden')
    .map(e => e.className + ': ' + e.innerText.slice(0, 60))"""
CARDS_PER_ROW = """() => { const cards = [...document.querySelectorAll('.kpi-grid')][0].children;
    const top = cards[0].getBoundingClientRect().top;
    return [...cards].filter(c => Math.abs(c.getBoundingClientRect().top - top) < 2).length; }"""


def check_overview(server, browser, name: str, year_text: dict) -> None:
    for viewport_name, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        tab = context.new_page()
        try:
            for lang in ("zh", "en"):
                tab.goto(f"{server.url}/?lang={lang}")
                wait_for_app(tab, year_text[lang])
                tab.locator(".kpi").first.wait_for()
                assert_no_exception(tab)
                assert tab.evaluate(OVERFLOWING) == [], (viewport_name, lang)
                per_row = tab.evaluate(CARDS_PER_ROW)
                assert per_row == (2 if viewport_name == "phone" else 4), (viewport_name, lang, per_row)
                screenshot(tab, f"fit-overview-{name}-{lang}-{viewport_name}")
        finally:
            context.close()


def test_overview_cards_fit_on_the_fresh_install(server, browser):
    check_overview(server, browser, "fresh", {"zh": "科普图文", "en": "Science posts"})


def test_overview_cards_fit_with_monthly_history(demo_server, browser):
    check_overview(demo_server, browser, "months", {"zh": "科普图文", "en": "Science posts"})
