"""Every view page in real headless Chromium, at a laptop and a phone-sized viewport."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import LAPTOP, PHONE, assert_no_exception, screenshot, wait_for_app

pytestmark = pytest.mark.e2e

# url path, text that must be visible in zh, in en
PAGES = [
    ("", "科普图文", "Science posts"),  # the default page lives at /
    ("trends", "暂无趋势图", "no trend to draw yet"),
    ("assets", "59.27", "59.27"),
    ("awards_research", "国家级获奖", "National awards"),
    ("people", "志愿者后备人选", "Volunteer reserve"),
    ("profile", "开展科普展览", "开展科普展览"),
]


@pytest.mark.parametrize("viewport_name,viewport", [("laptop", LAPTOP), ("phone", PHONE)])
def test_every_page_renders(server, browser, viewport_name, viewport):
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    tab = context.new_page()
    try:
        for url, zh_text, en_text in PAGES:
            for lang, text in (("zh", zh_text), ("en", en_text)):
                tab.goto(f"{server.url}/{url}?lang={lang}")
                wait_for_app(tab, text)
                assert_no_exception(tab)
                screenshot(tab, f"{url or 'overview'}-{lang}-{viewport_name}")
    finally:
        context.close()


def test_overview_shows_posts_with_unit_and_qualifiers(server, page):
    page.goto(server.url)
    wait_for_app(page, "资产年初数")  # the last category's cards: the whole page is there
    body = page.locator("body").inner_text()
    assert "5528篇" in body
    assert "500万+次" in body
    assert "约3000人" in body
    # the fresh install says once why there is no 同比, instead of on every card
    assert "库中只有2024年数据" in body and "无上年数据" not in body
