"""E2E fixtures: a real `streamlit run` on 127.0.0.1 and a free port, and headless Chromium.

The browser is Debian's /usr/bin/chromium driven by Playwright; no browser is ever downloaded.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from museum import demo, seed, settings
from museum.store import db, pg_roles
from tests.conftest import as_writer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"
ROOT_DATA = Path(__file__).resolve().parents[1] / "data"  # the committed test corpus
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, db_path: Path, log: Path):
        self.db_path = db_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "MUSEUM_DB": str(db_path), "MUSEUM_DB_WAIT_SECONDS": "10"}
        self.log = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ui.serve",  # what `make run` starts
             "--server.address", "127.0.0.1", "--server.port", str(self.port),
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=settings.ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit did not start; see {log}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture
def e2e_db(tmp_path, pg_server):
    """The served database: a DuckDB file, or with --engine postgresql a database of the run's
    cluster (seeded here as the server would; dropped after the test)."""
    if pg_server is not None:
        path = pg_server.create(f"e2e_{tmp_path.name}"[:60].lower().replace("-", "_"))
    else:
        path = tmp_path / "e2e.duckdb"
    with db.session(path) as con:
        if as_writer(pg_server):  # built by the admin step, served as the app's role (scripts/test.sh)
            pg_roles.prepare(con, seed.init)
        else:
            seed.init(con)
    served = pg_server.url(pg_server.name_of(path), user=pg_roles.WRITER) if as_writer(pg_server) else path
    yield served
    if pg_server is not None:
        pg_server.drop(path)


@pytest.fixture
def server(e2e_db, tmp_path):
    running = Server(e2e_db, tmp_path / "streamlit.log")
    yield running
    running.stop()


@pytest.fixture
def demo_server(e2e_db, tmp_path):
    """A server over the clearly marked demo history (monthly values in 2022, 2023 and 2025)."""
    with db.session(e2e_db) as con:
        demo.load(con, 1, actor="e2e")
    running = Server(e2e_db, tmp_path / "streamlit.log")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()


def wait_for_app(tab, text: str, timeout: float = 30_000) -> None:
    """Wait until Streamlit finished running the script and `text` is visible."""
    tab.wait_for_function("t => document.body.innerText.includes(t)", arg=text, timeout=timeout)
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout
    )


ROW_HEIGHT = 35  # px: a data editor's header and each of its rows


def idle(tab, timeout: float = 60_000) -> None:
    """Until Streamlit has finished drawing the last rerun (its status widget is gone)."""
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)


def type_in_cell(tab, scope: str, row: int, column: int, moves: tuple[str, ...], text: str, x: float = 40,
                 reveal=None) -> None:
    """Type `text` into a data editor's cell as a person does: click the first cell of data row `row` (0 is the
    first below the header) of the grid under the CSS selector `scope`, press `moves` to reach column `column`,
    Enter to open its editor, type over what it holds, Enter to commit. Then wait until that very cell holds the
    text (the grid's accessible table mirrors the canvas, a cell per `glide-cell-COLUMN-ROW`) and the rerun has
    been drawn. A loaded machine may drop keys typed while the page is still being drawn: the typing is tried
    three times, each time over the cell's whole content, so a retry never doubles it. `reveal(tab)`, called
    before each attempt, brings the grid on screen (a tab the reloaded page closed)."""
    from playwright.sync_api import expect

    grid = tab.locator(f"{scope} [data-testid='stDataFrame']").first
    cell = tab.locator(f"{scope} [data-testid='stDataFrame'] [data-testid='glide-cell-{column}-{row}']").first
    for _attempt in range(3):
        if reveal is not None:
            reveal(tab)
        try:
            grid.wait_for(state="visible", timeout=20_000)
        except Exception:  # noqa: BLE001 — playwright's TimeoutError: still hidden, reveal it again
            continue
        idle(tab)
        # on screen first: a key that missed the grid (End) may have scrolled the page, and a click where the
        # grid was would then miss it too
        grid.scroll_into_view_if_needed()
        tab.wait_for_timeout(500)
        box = grid.bounding_box()
        tab.mouse.click(box["x"] + x, box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT // 2)
        for key in moves:
            tab.keyboard.press(key)
        tab.keyboard.press("Enter")
        tab.wait_for_timeout(300)
        tab.keyboard.press("Control+A")  # what the cell holds (a dropped commit's text, too) is typed over
        tab.keyboard.type(text, delay=30)
        tab.keyboard.press("Enter")
        try:
            expect(cell).to_contain_text(text, timeout=15_000)
        except AssertionError:  # the keys were lost: close any open editor and type again
            tab.keyboard.press("Escape")
            continue
        idle(tab)  # the edit reruns the page
        return
    pytest.fail(f"the cell never showed {text!r} after three attempts at typing it")


def assert_no_exception(tab) -> None:
    boxes = tab.locator('[data-testid="stException"]')
    assert boxes.count() == 0, boxes.first.inner_text()


def screenshot(tab, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    # Streamlit scrolls inside its main container, so grow the viewport to the content's height.
    viewport = tab.viewport_size
    height = tab.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], [data-testid=\"stAppViewContainer\"]')]"
        ".map(e => e.scrollHeight), document.body.scrollHeight)"
    )
    tab.set_viewport_size({"width": viewport["width"], "height": min(max(height, viewport["height"]), 8000)})
    tab.wait_for_timeout(300)
    tab.screenshot(path=str(path), full_page=True)
    tab.set_viewport_size(viewport)
    return path


ACCOUNT_PASSWORD = "password-1"


def add_accounts(db_path: Path, accounts: dict[str, str]) -> None:
    """Create accounts {name: role} (bcrypt at its lowest cost: only tests use these hashes)."""
    from museum.access import auth

    previous = os.environ.get("MUSEUM_BCRYPT_ROUNDS")
    os.environ["MUSEUM_BCRYPT_ROUNDS"] = "4"
    try:
        with db.session(db_path) as con:
            for name, role in accounts.items():
                auth.add_user(con, name, role, ACCOUNT_PASSWORD, actor="e2e")
    finally:
        if previous is None:
            os.environ.pop("MUSEUM_BCRYPT_ROUNDS")
        else:
            os.environ["MUSEUM_BCRYPT_ROUNDS"] = previous


@pytest.fixture
def editor_server(e2e_db, tmp_path):
    """A server whose database has one editor, `ed` (data-changing pages need a sign-in)."""
    add_accounts(e2e_db, {"ed": "editor"})
    running = Server(e2e_db, tmp_path / "streamlit.log")
    yield running
    running.stop()


SIGN_IN_LABELS = {"zh": ("用户名", "密码", "登录", "科普图文"), "en": ("User name", "Password", "Sign in", "Science posts")}


def sign_in(tab, server: Server, name: str, lang: str = "zh") -> None:
    """Sign in through the 登录 page. Stay in this tab afterwards: a reload starts a new session."""
    user_label, password_label, button, landing_text = SIGN_IN_LABELS[lang]
    tab.goto(f"{server.url}/?lang={lang}")
    wait_for_app(tab, user_label)
    tab.get_by_role("textbox", name=user_label, exact=True).fill(name)
    tab.get_by_role("textbox", name=password_label, exact=True).fill(ACCOUNT_PASSWORD)
    tab.get_by_role("button", name=button).click()
    wait_for_app(tab, landing_text)


def open_from_menu(tab, title: str, text: str) -> None:
    tab.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()
    wait_for_app(tab, text)


def pick(tab, box, option: str, *, exact: bool = False, attempts: int = 6) -> None:
    """Open the select box `box` (a locator) and click `option`. A box drawn by the run before the
    current one (the page is still being redrawn on a loaded machine) may open a list without the
    option, or close at once: then close it and open the box again."""
    for _ in range(attempts):
        box.click()
        choice = tab.get_by_role("option", name=option, exact=exact)
        try:
            choice.first.wait_for(state="visible", timeout=5_000)
        except Exception:  # noqa: BLE001 — playwright's TimeoutError: not drawn yet, try again
            tab.keyboard.press("Escape")
            tab.wait_for_timeout(1_000)
            continue
        choice.first.click()
        return
    raise AssertionError(f"the option {option!r} never showed")
