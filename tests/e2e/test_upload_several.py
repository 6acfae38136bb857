"""数据上传 in a real browser (issue 18): several files at once, one preview each, one confirmation;
on a phone the counts are one line and the changed month is in view."""

from __future__ import annotations

import pytest

from museum.store import db
from tests.e2e.conftest import PHONE, ROOT_DATA, assert_no_exception, screenshot, sign_in, wait_for_app

pytestmark = pytest.mark.e2e


def test_several_files_one_confirmation_and_the_phone_preview(editor_server, page, tmp_path):
    changed = tmp_path / "dec.csv"
    changed.write_text("年份,月份,指标,数值\r\n2024,12,科普图文,117\r\n", encoding="utf-8")
    sign_in(page, editor_server, "ed")
    page.locator('[data-testid="stSidebarNav"]').get_by_text("数据上传", exact=True).click()
    wait_for_app(page, "选择文件")
    page.locator('input[type="file"]').set_input_files([str(ROOT_DATA / "intake" / "good_long_gbk.csv"), str(changed)])
    wait_for_app(page, "确认导入（2 个文件）")
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(800)
    counts = page.get_by_text("新增 1 · 修改 0 · 不变 0 · 跳过 0")
    assert counts.is_visible()
    assert page.locator('[data-testid="stMetric"]').count() == 0
    screenshot(page, "upload-several-phone")
    page.get_by_role("button", name="确认导入（2 个文件）").click()
    wait_for_app(page, "已导入：批次 #3")
    assert_no_exception(page)
    with db.session(editor_server.db_path) as con:
        files = con.execute("select file_name from batch where kind = 'upload' order by batch_id").fetchall()
    assert files == [("good_long_gbk.csv",), ("dec.csv",)]
