"""AppTest helpers: run dashboard.py on a page, in a language, against the test database."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from museum import settings
from tests.app import cards

DASHBOARD = str(settings.ROOT / "dashboard.py")


def open_page(page: str | None = None, lang: str = "zh", timeout: float = 60, session: dict | None = None) -> AppTest:
    """The app after one full run on `page` (a path under app_pages/, or None for the default page).

    A page that fails unexpectedly shows the dashboard's apology instead of a traceback: that
    fails the test as an exception would."""
    at = AppTest.from_file(DASHBOARD, default_timeout=timeout)
    at.session_state["lang"] = lang
    for key, value in (session or {}).items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not cards.unexpected_errors(at, lang), cards.unexpected_errors(at, lang)
    return at


def unescaped(text) -> str:
    """What the reader sees of a Markdown element whose text the page escaped (ui.blocks.plain)."""
    return re.sub(r"\\(.)", r"\1", str(text))


def texts(at: AppTest) -> str:
    """Every visible text element of a run, joined (markdown, captions, alerts, metric parts, text)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "success", "error"):
        parts += [unescaped(e.value) for e in getattr(at, kind)]
    for metric in at.metric:
        parts += [metric.label, str(metric.value), str(metric.delta), metric.proto.delta_description]
    for card in cards.cards(at):
        parts += [card.label, card.value, card.change, *card.notes]
    return "\n".join(parts)


@pytest.fixture
def app_db(db_path):
    return db_path


@pytest.fixture(autouse=True)
def fast_password_hashes(monkeypatch):
    """bcrypt at its lowest cost in AppTests (production uses 12)."""
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")


def signed_in(role: str = "editor", name: str | None = None) -> dict:
    """Session state of a signed-in account of `role`, created in the test database if missing.

    Pages that change data stay closed until an account exists, so their tests sign in first:
    `open_page("app_pages/x.py", session=signed_in("editor"))`.
    """
    from museum.access import auth
    from museum.store import db, migrations

    name = name or f"test-{role}"
    with db.session(settings.db_path()) as con:
        migrations.migrate(con)
        user = auth.get_user(con, name) or auth.add_user(con, name, role, "password-1", actor="test")
    return {"access_user": {"name": name, "role": role, "via": "password", "credential_version": user.credential_version},
            "access_last_activity": auth.utc_now()}
