"""单位对比 in real Chromium at a laptop and a phone width, zh and en: every chart drawn, the unit names whole
inside their charts, nothing wider than the screen. Screenshots go to tests/e2e/screenshots/compare-*.png."""

from __future__ import annotations

import pytest

from museum import demo, demo_units
from museum.store import db
from tests.e2e.conftest import LAPTOP, PHONE, Server, assert_no_exception, screenshot, wait_for_app

pytestmark = pytest.mark.e2e

# the y-axis labels (unit names) of every chart that fall outside its drawing, and anything wider than the page
CUT_NAMES = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
    const box = plot.getBoundingClientRect();
    return [...plot.querySelectorAll('.ytick text')].filter(label => {
        const r = label.getBoundingClientRect();
        return r.left < box.left - 1 || r.right > box.right + 1; }).map(label => label.textContent); })"""
TOO_WIDE = "() => document.documentElement.scrollWidth > window.innerWidth + 1"
CHARTS_DRAWN = "n => document.querySelectorAll('.js-plotly-plot .ytick text').length >= n"
WORDS = {"zh": ("主要指标对比", "未报送："), "en": ("Headline figures compared", "not reported by:")}


@pytest.fixture
def three_units_server(e2e_db, tmp_path):
    with db.session(e2e_db) as con:
        demo.load(con, 1, actor="e2e")
        demo_units.load(con, 2, museum=1, actor="e2e")
    running = Server(e2e_db, tmp_path / "streamlit.log")
    yield running
    running.stop()


@pytest.mark.parametrize("viewport_name,viewport", [("laptop", LAPTOP), ("phone", PHONE)])
def test_compare_fits_at_laptop_and_phone_width(three_units_server, browser, viewport_name, viewport):
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    tab = context.new_page()
    try:
        for lang in ("zh", "en"):
            tab.goto(f"{three_units_server.url}/compare?lang={lang}")
            for text in WORDS[lang]:
                wait_for_app(tab, text, timeout=60_000)
            tab.wait_for_function(CHARTS_DRAWN, arg=2 * 8, timeout=60_000)  # 8 charts of 2–3 units each
            assert_no_exception(tab)
            assert tab.evaluate(CUT_NAMES) == [], (viewport_name, lang)
            assert not tab.evaluate(TOO_WIDE), (viewport_name, lang)
            screenshot(tab, f"compare-{lang}-{viewport_name}")
    finally:
        context.close()
