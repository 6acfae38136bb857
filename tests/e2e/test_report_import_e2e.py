"""导入年度报告 in real Chromium: paste a report, see the review table, commit, see the result."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_exception, open_from_menu, screenshot, sign_in, wait_for_app

pytestmark = pytest.mark.e2e
DATA = Path(__file__).resolve().parents[1] / "data" / "report"


def test_paste_review_and_commit_in_chromium(editor_server, page):
    sign_in(page, editor_server, "ed")  # the page changes data: editors and admins only
    open_from_menu(page, "导入年度报告", "请粘贴报告文字或上传文件。")
    area = page.get_by_label("年度报告全文")
    area.fill((DATA / "pipe_multi.txt").read_text(encoding="utf-8"))
    area.press("Control+Enter")
    wait_for_app(page, "导入后将写入：新增 37（数值 15 个，机构信息、获奖、荣誉、科研等记录 22 条），修改 0，不变 0，未归类 4。")
    assert_no_exception(page)
    expect(page.get_by_text("将新建机构“青岚市科技馆”。")).to_be_visible()
    expect(page.locator("[data-testid='stDataFrame'] canvas").first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1500)  # let the data grids paint their cells
    screenshot(page, "report_import-review-zh-laptop")
    # a unit the database does not know is created only when the box naming it is ticked (issue 24)
    expect(page.get_by_role("button", name="导入 2022 年度报告")).to_be_disabled()
    page.get_by_text("新建单位“青岚市科技馆”并导入（数据库中还没有这个单位）").click()
    expect(page.get_by_role("button", name="导入 2022 年度报告")).to_be_enabled(timeout=30_000)
    page.get_by_role("button", name="导入 2022 年度报告").click()
    wait_for_app(page, "已导入为批次 #2：新增 37，修改 0，不变 0，未归类 4。")
    assert_no_exception(page)
    screenshot(page, "report_import-committed-zh-laptop")
