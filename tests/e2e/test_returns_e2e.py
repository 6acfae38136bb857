"""报送包 in real Chromium: an admin uploads a unit's return, sees its fingerprint and changes, trusts the key, receives it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from playwright.sync_api import expect

from museum.i18n import t
from museum.store import db
from tests.e2e.conftest import (PHONE, Server, add_accounts, assert_no_exception, screenshot, sign_in,
                                wait_for_app)

pytestmark = pytest.mark.e2e
CORPUS = Path(__file__).resolve().parents[1] / "data" / "returns"
_spec = importlib.util.spec_from_file_location("make_packages", CORPUS / "make_packages.py")
make_packages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_packages)


@pytest.fixture
def admin_server(e2e_db, tmp_path):
    add_accounts(e2e_db, {"ad": "admin"})
    running = Server(e2e_db, tmp_path / "streamlit.log")
    yield running
    running.stop()


def shot(page, name: str) -> None:
    """A screenshot at the laptop width and at the phone width."""
    page.wait_for_timeout(1200)  # let the data grids paint their cells
    screenshot(page, f"{name}-laptop")
    laptop = page.viewport_size
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(1200)
    screenshot(page, f"{name}-phone")
    page.set_viewport_size(laptop)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_admin_receives_a_return_in_chromium(admin_server, page, tmp_path, lang):
    made = make_packages.build(tmp_path / "corpus")
    assert "good_a.zip" in made
    sign_in(page, admin_server, "ad", lang)
    page.goto(f"{admin_server.url}/returns?lang={lang}")
    wait_for_app(page, t("returns.ui.waiting", lang))
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(tmp_path / "corpus" / "good_a.zip"))
    fingerprint = make_packages.keys.fingerprint(make_packages.KEY_A[1])
    wait_for_app(page, t("returns.ui.trust", lang, fingerprint=fingerprint))
    assert_no_exception(page)
    receive = page.get_by_role("button", name=t("returns.ui.receive", lang), exact=True)
    expect(receive).to_be_disabled()
    shot(page, f"returns-preview-{lang}")
    page.get_by_text(t("returns.ui.trust", lang, fingerprint=fingerprint)).click()
    expect(receive).to_be_enabled(timeout=15_000)
    receive.click()
    wait_for_app(page, t("cli.returns.received", lang, institution=make_packages.UNIT_A, period="2025-03", inserted=4,
                         updated=0, unchanged=0, batch_id=2))
    assert_no_exception(page)
    shot(page, f"returns-received-{lang}")
    with db.session(admin_server.db_path) as con:
        assert con.execute("select count(*) from return_trusted_key").fetchone()[0] == 1
