"""Rights per institution in real Chromium (issue 24): a page's widget message replayed with another unit's id.

The account `mixed` edits unit A and only views unit B. In the browser it prepares a correction in A
(数据上传 → 检查更正 → the confirmation), then its click on 确认保存 goes to the server with the sidebar's
institution widget rewritten to B: the websocket frame (a BackMsg with the widget states) is decoded,
the `institution` selectbox's value replaced by B's name, and sent on — what a person editing the
frames by hand could send. The server must refuse (a message, an audit line) and change nothing.
"""

from __future__ import annotations

import re

import pytest

from museum import institutions
from museum.access import auth, rights
from museum.intake import ingest
from museum.store import audit, db
from tests.e2e.conftest import Server, add_accounts, assert_no_exception, open_from_menu, screenshot, sign_in, wait_for_app
from tests.tables import dump

pytestmark = pytest.mark.e2e

UNIT_B = "梧桐县青少年科技馆"


@pytest.fixture
def two_unit_server(e2e_db, tmp_path):
    add_accounts(e2e_db, {"mixed": "editor"})
    with db.session(e2e_db) as con:
        b = institutions.add(con, UNIT_B, actor="e2e")
        ingest.ingest(con, b, "年份,指标,数值\r\n2024,posts,100\r\n".encode(), "b.csv", actor="e2e")
        rights.grant(con, "mixed", b, "viewer", actor="e2e")
        assert auth.get_user(con, "mixed").role == "editor"  # its menu offers 数据上传
    running = Server(e2e_db, tmp_path / "streamlit.log")
    yield running, b
    running.stop()


def replaying(tab, replace: dict) -> list[str]:
    """Route the app's websocket through here; while `replace["to"]` is set, every rerun message's
    `institution` widget value is rewritten to it. Returns the ids rewritten (the proof it happened)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    rewritten: list[str] = []

    def handler(ws):
        server = ws.connect_to_server()

        def from_page(message):
            if isinstance(message, bytes) and replace.get("to"):
                msg = BackMsg()
                msg.ParseFromString(message)
                if msg.WhichOneof("type") == "rerun_script":
                    for widget in msg.rerun_script.widget_states.widgets:
                        if widget.id.endswith("-institution"):
                            widget.string_value = replace["to"]
                            rewritten.append(widget.id)
                    message = msg.SerializeToString()
            server.send(message)

        ws.on_message(from_page)
        server.on_message(lambda message: ws.send(message))

    tab.route_web_socket(re.compile(r".*/_stcore/stream.*"), handler)
    return rewritten


def test_a_replayed_save_with_another_units_id_is_refused(two_unit_server, browser):
    server, b = two_unit_server
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    try:
        tab = context.new_page()
        replace: dict = {}
        rewritten = replaying(tab, replace)
        sign_in(tab, server, "mixed")
        sidebar = tab.locator('[data-testid="stSidebar"]').inner_text()
        assert "机构" in sidebar  # the chooser is drawn: mixed may see A (chosen) and B
        open_from_menu(tab, "数据上传", "手工更正单个数值")
        tab.get_by_role("textbox", name="新数值（可写 5,528、超500万、约3000）").fill("5600")
        tab.get_by_role("button", name="检查更正").click()
        wait_for_app(tab, "确认保存")
        before = dump(server.db_path)
        replace["to"] = UNIT_B
        tab.get_by_role("button", name="确认保存").click()
        wait_for_app(tab, f"账号“mixed”在“{UNIT_B}”没有上传数据的权限")
        assert_no_exception(tab)
        assert rewritten, "no message carried the institution widget"
        screenshot(tab, "unit-rights-replay-refused")
        with db.session(server.db_path, read_only=True) as con:
            refused = list(audit.entries(con, user="mixed", action="access_refused")["detail"])
        assert refused == [f"refused upload in institution #{b}"]
        assert dump(server.db_path) == before
    finally:
        context.close()
