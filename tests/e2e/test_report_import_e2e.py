"""导入年度报告 in real Chromium: paste a report, see the review table, commit, see the result."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "report"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(db_path):
    port = free_port()
    env = {**os.environ, "MUSEUM_DB": str(db_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.3)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.e2e
def test_paste_review_and_commit_in_chromium(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("MUSEUM_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 3200})
        page.goto(server + "/?lang=zh")  # a deep link to a page is not reliable with st.navigation; use the sidebar
        expect(page.get_by_role("heading", name="总览")).to_be_visible(timeout=30_000)
        page.get_by_role("link", name="导入年度报告").click()
        expect(page.get_by_role("heading", name="导入年度报告")).to_be_visible(timeout=30_000)
        area = page.get_by_label("年度报告全文")
        area.fill((DATA / "pipe_multi.txt").read_text(encoding="utf-8"))
        area.press("Control+Enter")
        expect(page.get_by_text("审核识别结果")).to_be_visible(timeout=30_000)
        expect(page.get_by_text("将新建机构“青岚市科技馆”。")).to_be_visible()
        expect(page.get_by_text("新增 15 个，修改 0 个，不变 0 个。")).to_be_visible()
        commit = page.get_by_role("button", name="导入 2022 年度报告")
        expect(commit).to_be_visible(timeout=30_000)
        expect(page.locator("[data-testid='stDataFrame'] canvas").first).to_be_visible(timeout=30_000)
        page.wait_for_timeout(2000)  # let the data grids paint their cells
        page.screenshot(path=str(shots / "report_import_review_zh.png"), full_page=True)
        commit.click()
        expect(page.get_by_text("已导入为批次 #2")).to_be_visible(timeout=30_000)
        page.screenshot(path=str(shots / "report_import_committed_zh.png"), full_page=True)
        browser.close()
