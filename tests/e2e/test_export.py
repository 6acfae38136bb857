"""Downloads in a real browser: a chart's PNG and CSV from its menu, the pack's PDF from 导出."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from tests.e2e.conftest import assert_no_exception, screenshot, wait_for_app

pytestmark = pytest.mark.e2e
PACK_TIMEOUT = 240_000  # ms: kaleido start, every chart of the year, the PDF print


def download(tab, label: str) -> bytes:
    with tab.expect_download(timeout=120_000) as started:
        tab.get_by_role("button", name=label).click()
    return open(started.value.path(), "rb").read()


def test_chart_menu_downloads_png_and_csv(server, page):
    page.goto(f"{server.url}/assets")
    wait_for_app(page, "年初→年末")
    page.get_by_role("button", name="下载").first.click()
    page.get_by_role("button", name="PNG 图片（2 倍清晰度，适合 Word）").wait_for()
    screenshot(page, "export-chart-menu-zh")
    png = download(page, "PNG 图片（2 倍清晰度，适合 Word）")
    assert Image.open(io.BytesIO(png)).size == (1920, 760)
    csv = download(page, "数据 CSV（Excel 可直接打开）")
    assert csv.startswith(b"\xef\xbb\xbf") and "63.1".encode() in csv
    assert_no_exception(page)


def test_export_page_builds_and_downloads_the_pdf(server, page):
    page.goto(f"{server.url}/export")
    wait_for_app(page, "生成素材包")
    page.get_by_role("button", name="生成素材包").click()
    wait_for_app(page, "已生成 2024 年素材包", timeout=PACK_TIMEOUT)
    assert re.search(r"已生成 2024 年素材包：\d+ 张图表，\d+ 个文件", page.locator("body").inner_text())
    screenshot(page, "export-page-zh")
    pdf = download(page, "下载 PDF（年度总结-2024.pdf）")
    assert pdf.startswith(b"%PDF")
    assert_no_exception(page)
