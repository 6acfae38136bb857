"""AppTest helpers: run dashboard.py on a page, in a language, against the test database."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from museum import settings

DASHBOARD = str(settings.ROOT / "dashboard.py")


def open_page(page: str | None = None, lang: str = "zh", timeout: float = 60, session: dict | None = None) -> AppTest:
    """The app after one full run on `page` (a path under pages/, or None for the default page)."""
    at = AppTest.from_file(DASHBOARD, default_timeout=timeout)
    at.session_state["lang"] = lang
    for key, value in (session or {}).items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Every visible text element of a run, joined (markdown, captions, alerts, metric parts, text)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "success", "error"):
        parts += [str(e.value) for e in getattr(at, kind)]
    for metric in at.metric:
        parts += [metric.label, str(metric.value), str(metric.delta), metric.proto.delta_description]
    return "\n".join(parts)


@pytest.fixture
def app_db(db_path):
    return db_path
