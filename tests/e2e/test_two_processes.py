"""Issue 25: two dashboard processes behind HAProxy (deploy/haproxy.cfg, docs/deployment.md §9), in
real Chromium. An upload through one process is seen through the other after one reload; a sign-in
made through one process resumes in the other; a sign-in survives page changes through the proxy.

PostgreSQL only: two processes writing one DuckDB file is what cannot work (one writing process per
file), so with `--engine duckdb` the test is skipped.
"""

from __future__ import annotations

import re
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from museum import kpis, settings
from museum.store import db
from tests.e2e.conftest import (LAPTOP, Server, add_accounts, assert_no_exception, free_port, screenshot, sign_in,
                                wait_for_app)

pytestmark = pytest.mark.e2e

HAPROXY = Path("/usr/sbin/haproxy")
CONFIG = settings.ROOT / "deploy" / "haproxy.cfg"
STICKY = "SERVERID"


@dataclass
class Proxy:
    url: str


def proxy_config(port: int, backends: list[int]) -> str:
    """The committed config with this test's ports: its frontend's bind and its servers' addresses."""
    text = CONFIG.read_text(encoding="utf-8")
    text, binds = re.subn(r"(?m)^(\s*bind )127\.0\.0\.1:\d+", rf"\g<1>127.0.0.1:{port}", text)
    servers = iter(backends)
    text, count = re.subn(r"(?m)^(\s*server app\d+ )127\.0\.0\.1:\d+", lambda m: f"{m[1]}127.0.0.1:{next(servers)}", text)
    assert (binds, count) == (1, len(backends)), "deploy/haproxy.cfg: one bind and one server line per process expected"
    return text.replace("log /dev/log local0", "log stderr format short local0")  # into the test's log file


@pytest.fixture
def proxied(request, tmp_path, engine):
    """Two `python -m ui.serve` processes on one PostgreSQL database and HAProxy in front of them."""
    if engine != "postgresql":
        pytest.skip("several processes need PostgreSQL: a DuckDB file has one writing process (docs/deployment.md §9)")
    e2e_db = request.getfixturevalue("e2e_db")
    if not HAPROXY.exists():
        pytest.fail("Debian's haproxy is missing: apt-get install haproxy (scripts/install-system-deps.sh)")
    add_accounts(e2e_db, {"ed": "editor", "vi": "viewer"})
    servers = []
    proxy = None
    try:
        servers = [Server(e2e_db, tmp_path / f"streamlit-{n}.log") for n in (1, 2)]
        port = free_port()
        config = tmp_path / "haproxy.cfg"
        config.write_text(proxy_config(port, [s.port for s in servers]), encoding="utf-8")
        log = (tmp_path / "haproxy.log").open("wb")
        proxy = subprocess.Popen([str(HAPROXY), "-db", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proxy.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"haproxy did not start; see {tmp_path / 'haproxy.log'}")
            time.sleep(0.3)
        yield Proxy(url), servers
    finally:
        if proxy is not None:
            proxy.terminate()
            try:
                proxy.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proxy.kill()
                proxy.wait()
        for running in servers:
            running.stop()


def sticky(tab) -> str | None:
    return next((c["value"] for c in tab.context.cookies() if c["name"] == STICKY), None)


def pin(browser, proxy: Proxy, server: str):
    """A new browser whose sticky cookie names `server` (as HAProxy set it for another browser)."""
    context = browser.new_context(viewport=LAPTOP, locale="zh-CN")
    context.add_cookies([{"name": STICKY, "value": server, "url": proxy.url}])
    return context.new_page()


def go(tab, title: str, wait_text: str) -> None:
    tab.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    wait_for_app(tab, wait_text)


def posts(tab) -> str:
    return tab.locator('.kpi[data-metric="posts"] .kpi-value').first.inner_text()


def test_an_upload_through_one_process_shows_through_the_other(proxied, browser, tmp_path):
    proxy, servers = proxied
    with db.session(servers[0].db_path) as con:
        year = max(kpis.years_with_data(kpis.load_values(con, 1)))

    # browser A: HAProxy picks a process for it and names it in the cookie
    a = browser.new_context(viewport=LAPTOP, locale="zh-CN").new_page()
    sign_in(a, proxy, "ed")
    first = sticky(a)
    assert first in ("app1", "app2"), a.context.cookies()
    other = {"app1": "app2", "app2": "app1"}[first]
    # browser B: pinned to the other process; its overview is read (and cached) there before the upload
    b = pin(browser, proxy, other)
    sign_in(b, proxy, "vi")
    assert sticky(b) == other
    go(b, "总览", "线上传播")
    before = posts(b)
    go(a, "总览", "线上传播")
    assert posts(a) == before

    file = tmp_path / "科普数据.csv"
    file.write_bytes(f'年份,指标,数值,备注\r\n{year},科普图文,"6,100",补报\r\n'.encode("gbk"))
    go(a, "数据上传", "选择文件")
    a.locator('input[type="file"]').set_input_files(str(file))  # an HTTP request beside A's WebSocket: same process
    wait_for_app(a, "校验通过")
    a.get_by_role("button", name="确认导入").click()
    wait_for_app(a, "已导入：批次 #2")
    assert_no_exception(a)
    assert sticky(a) == first

    # one reload of B: the other process's cache is keyed by the data version, so it reads anew
    b.reload()
    wait_for_app(b, "已登录：vi")  # resumed by the remembered sign-in, in B's process
    wait_for_app(b, "线上传播")
    assert before != posts(b) == "6100篇"
    assert sticky(b) == other
    screenshot(b, "two-processes-1-seen-through-the-other")

    # A's remembered sign-in was issued by A's process; the other process verifies it too
    a.context.add_cookies([{"name": STICKY, "value": other, "url": proxy.url}])
    a.reload()  # still on 数据上传, now served by the other process
    wait_for_app(a, "已登录：ed")
    wait_for_app(a, "选择文件")
    go(a, "总览", "线上传播")
    assert posts(a) == "6100篇"
    assert_no_exception(a)
    a.context.close()
    b.context.close()


def test_a_sign_in_through_the_proxy_survives_page_changes(proxied, browser):
    proxy, _ = proxied
    tab = browser.new_context(viewport=LAPTOP, locale="zh-CN").new_page()
    sign_in(tab, proxy, "ed")
    pinned = sticky(tab)
    for title, text in (("趋势", "类别"), ("上传记录", "选择批次"), ("数据上传", "选择文件"), ("总览", "线上传播")):
        go(tab, title, text)
        assert "已登录：ed" in tab.locator('[data-testid="stSidebar"]').inner_text(), title
        assert_no_exception(tab)
    tab.goto(f"{proxy.url}/history")  # a new page session of the same browser, through the proxy
    wait_for_app(tab, "选择批次")
    assert "已登录：ed" in tab.locator('[data-testid="stSidebar"]').inner_text()
    assert sticky(tab) == pinned
    tab.context.close()
