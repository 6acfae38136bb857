"""Upload a GBK file through the 数据上传 page in real Chromium, commit, see the overview change,
roll it back on 上传记录, see it restored. Screenshots go to tests/e2e/screenshots/intake-*.png."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from museum import kpis
from museum.store import audit, db
from tests.e2e.conftest import assert_no_exception, idle, pick, screenshot, sign_in, wait_for_app

pytestmark = pytest.mark.e2e


def go(tab, title: str, wait_text: str) -> None:
    """Navigate as a person does: through the sidebar link (the session, language included, stays)."""
    tab.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    wait_for_app(tab, wait_text)


def overview_posts(tab) -> str:
    go(tab, "总览", "线上传播")
    return tab.locator('.kpi[data-metric="posts"] .kpi-value').first.inner_text()


def test_upload_commit_overview_rollback(editor_server, page, tmp_path):
    server = editor_server
    with db.session(server.db_path) as con:
        values = kpis.load_values(con, 1)
    year = max(kpis.years_with_data(values))
    sign_in(page, server, "ed")  # data pages: editors and admins only
    before = overview_posts(page)
    screenshot(page, "intake-1-overview-before")

    file = tmp_path / "科普数据.csv"
    # as Excel on Chinese Windows saves "CSV (逗号分隔)": GBK, CRLF, 千分位 in quotes
    file.write_bytes(f'年份,指标,数值,备注\r\n{year},科普图文,"6,100",补报\r\n{year},科普短视频,400条,\r\n'.encode("gbk"))
    go(page, "数据上传", "选择文件")
    page.locator('input[type="file"]').set_input_files(str(file))
    wait_for_app(page, "校验通过")
    page.locator('[data-testid="stDataFrame"] canvas').first.wait_for()
    page.wait_for_timeout(800)
    assert_no_exception(page)
    screenshot(page, "intake-2-preview")

    page.get_by_role("button", name="确认导入").click()
    wait_for_app(page, "已导入：批次 #2")
    assert_no_exception(page)
    screenshot(page, "intake-3-committed")

    after = overview_posts(page)
    assert before != after == "6100篇"
    screenshot(page, "intake-4-overview-after")

    go(page, "上传记录", "选择批次")
    page.get_by_text("我确认要回滚批次 #2").click()
    page.get_by_role("button", name="回滚此批次").click()
    wait_for_app(page, "已回滚批次 #2")
    assert_no_exception(page)
    screenshot(page, "intake-5-rolled-back")

    assert overview_posts(page) == before
    screenshot(page, "intake-6-overview-restored")

    # the audit trail says who uploaded which file (by its hash) and who rolled it back
    with db.session(server.db_path) as con:
        trail = audit.entries(con)
    changes = trail[trail["action"].isin(["upload_accepted", "rollback"])]
    assert changes[["action", "user_name"]].values.tolist() == [["rollback", "ed"], ["upload_accepted", "ed"]]
    assert set(changes["file_sha256"]) == {hashlib.sha256(file.read_bytes()).hexdigest()}


def test_rejected_upload_shows_every_problem_en(editor_server, page, tmp_path):
    file = tmp_path / "bad.csv"
    file.write_bytes("年份,指标,数值\r\n2023,科普图问,5\r\n2023,直播活动,很多\r\n1990,科普图文,3\r\n".encode("gbk"))
    sign_in(page, editor_server, "ed", lang="en")
    go(page, "Data upload", "Choose a file")
    page.locator('input[type="file"]').set_input_files(str(file))
    wait_for_app(page, "The file has 3 problems")
    assert_no_exception(page)
    page.locator('[data-testid="stDataFrame"] canvas').first.wait_for()
    page.wait_for_timeout(800)  # the grid paints its cells after the canvas appears
    screenshot(page, "intake-7-rejected-en")
    with db.session(editor_server.db_path) as con:
        rejected = audit.entries(con, action="upload_rejected")
    assert rejected[["user_name", "detail"]].values.tolist() == [["ed", "bad.csv: 3 problems"]]
    assert rejected["file_sha256"].tolist() == [hashlib.sha256(file.read_bytes()).hexdigest()]


def select_year(tab, year: int) -> None:
    """Choose the year in the sidebar, as a person does."""
    pick(tab, tab.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="年度"), f"{year}年")
    wait_for_app(tab, f"{year}年")


def choose(tab, label: str, option: str) -> None:
    """Pick `option` in the main area's list labelled `label` (the trends page shows one group at a time)."""
    tab.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').filter(has_text=label).click()
    tab.get_by_role("option", name=option, exact=True).click()
    wait_for_app(tab, option)


def upload_file(tab, path, valid_text: str = "校验通过") -> None:
    """Choose `path` on 数据上传 and wait for *its* preview (headed by its name). A file chosen while the
    previous commit's rerun is still drawing can be dropped with the element it was set on, and on a loaded
    machine the uploader may not take a second file at all: then the page is opened afresh (the sign-in is
    remembered) and the file chosen again, until its preview shows."""
    go(tab, "数据上传", "选择文件")
    name = Path(path).name
    for attempt in range(3):
        idle(tab)  # not while the last commit's rerun is still drawing
        tab.locator('input[type="file"]').set_input_files(str(path))
        try:
            tab.wait_for_function("n => document.body.innerText.includes(n)", arg=name, timeout=40_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            tab.reload()
            wait_for_app(tab, "选择文件", timeout=60_000)
    wait_for_app(tab, valid_text)
    tab.locator('[data-testid="stDataFrame"] canvas').first.wait_for()
    tab.wait_for_timeout(800)


def test_platform_export_and_office_month_sheet_through_the_page(editor_server, page):
    """A 抖音 download and the office's month-row sheet go in through the page; 线上传播 shows the
    breakdown by platform; rolling the export back takes the breakdown away again."""
    from tests.e2e.conftest import ROOT_DATA

    sign_in(page, editor_server, "ed")
    upload_file(page, ROOT_DATA / "sources" / "douyin_works_20210415.xlsx")
    screenshot(page, "intake-platform-1-preview")
    page.get_by_role("button", name="确认导入").click()
    wait_for_app(page, "已导入：批次 #2")
    upload_file(page, ROOT_DATA / "intake" / "good_month_rows_title.xlsx")
    screenshot(page, "intake-platform-2-month-sheet-preview")
    page.get_by_role("button", name="确认导入").click()
    wait_for_app(page, "已导入：批次 #3")
    assert_no_exception(page)

    go(page, "趋势", "类别")
    select_year(page, 2021)
    choose(page, "查看", "线上传播（分平台）")
    wait_for_app(page, "各平台月度数据（2021年）")
    assert_no_exception(page)
    screenshot(page, "intake-platform-3-breakdown")

    go(page, "上传记录", "选择批次")
    page.locator('[data-testid="stSelectbox"]').filter(has_text="选择批次").click()
    page.get_by_role("option").filter(has_text="#2 · 上传 · douyin_works_20210415.xlsx").click()
    wait_for_app(page, "我确认要回滚批次 #2")
    page.get_by_text("我确认要回滚批次 #2").click()
    page.get_by_role("button", name="回滚此批次").click()
    wait_for_app(page, "已回滚批次 #2")
    go(page, "趋势", "类别")
    view = page.locator('[data-testid="stSelectbox"]').filter(has_text="查看")
    for _ in range(4):  # a box drawn by the run before may not open its list: open it again
        view.click()
        try:
            page.get_by_role("option").first.wait_for(state="visible", timeout=5_000)
            break
        except Exception:  # noqa: BLE001 — playwright's TimeoutError
            page.keyboard.press("Escape")
    options = page.get_by_role("option").all_inner_texts()
    assert options and "线上传播（分平台）" not in options
    page.keyboard.press("Escape")
    screenshot(page, "intake-platform-4-rolled-back")
    with db.session(editor_server.db_path) as con:
        left = con.execute("select count(*) from platform_item where retired_by_batch is null").fetchall()[0][0]
    assert left == 0
