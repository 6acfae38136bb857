"""Every page for every kind of visitor (AppTest): no accounts yet, signed out, viewer, editor,
admin; sign-in with lockout; session timeout; the admin page; hostile text shown as text.

Pages are run through dashboard.py (st.navigation); `test_the_admin_page_file_refuses_on_its_own`
runs a page file by itself, which proves that a protected page checks the role on its own,
without the menu or dashboard.py's check.
"""

from datetime import timedelta

import pytest
from streamlit.testing.v1 import AppTest

from museum import settings
from museum.access import auth
from museum.store import audit, batches, db
from tests.app import cards
from tests.app.conftest import unescaped

VIEW_PAGES = ["overview", "trends", "assets", "awards_research", "people", "profile", "export", "compare"]
USERS = {"viewer": "vi", "editor": "ed", "admin": "boss"}
PASSWORD = "password-1"

FIRST_RUN = (
    "尚未创建任何账号：目前所有人都可以查看看板；上传、导入、更正等修改数据的页面在创建账号之前保持关闭。"
    "请在服务器上创建第一位管理员：python -m museum users add 名称 --role admin"
)
CLOSED = (
    "修改数据的页面在创建账号之前保持关闭。请在服务器上创建第一位管理员：python -m museum users add 名称 --role admin，然后登录。"
)
SIGN_IN_FIRST = "请先登录后再查看此页面。"


@pytest.fixture
def accounts(db_path):
    with db.session(db_path) as con:
        for role, name in USERS.items():
            auth.add_user(con, name, role, PASSWORD, actor="test")
    return db_path


def app(role: str | None = None) -> AppTest:
    at = AppTest.from_file(str(settings.ROOT / "dashboard.py"), default_timeout=60)
    if role is not None:
        with db.session(settings.db_path()) as con:
            version = auth.get_user(con, USERS[role]).credential_version
        at.session_state["access_user"] = {"name": USERS[role], "role": role, "via": "password", "credential_version": version}
        at.session_state["access_last_activity"] = auth.utc_now()
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    assert not cards.unexpected_errors(at), cards.unexpected_errors(at)
    return at


def texts(elements) -> list[str]:
    return [unescaped(e.value) for e in elements]


TITLES = {"overview": "总览", "trends": "趋势", "assets": "资产", "awards_research": "获奖与科研",
          "people": "人员与志愿者", "profile": "机构概况", "export": "导出",
          "compare": "单位对比"}


# --- no accounts yet (first run) ----------------------------------------------------------------


def test_first_run_shows_the_dashboard_and_how_to_create_an_admin(db_path):
    at = app().run()
    assert not at.exception
    assert texts(at.title) == ["总览"]
    assert texts(at.sidebar.info) == []
    assert "尚未设置账号：所有人可查看，修改数据的页面暂不开放。" in texts(at.sidebar.caption)
    assert "python -m museum" not in " ".join(texts(at.sidebar.caption))


@pytest.mark.parametrize("page", VIEW_PAGES)
def test_first_run_every_view_page_opens(db_path, page):
    at = open_page(app(), page)
    assert texts(at.title) == [TITLES[page]]
    assert texts(at.warning) == [] and texts(at.error) == []


def test_first_run_admin_page_stays_closed(db_path):
    at = open_page(app(), "admin")
    assert texts(at.warning) == [CLOSED]
    assert texts(at.title) == []


def test_first_run_sign_in_page_says_how_to_start(db_path):
    at = open_page(app(), "sign_in")
    assert texts(at.main.info) == [FIRST_RUN]
    assert at.text_input == []


# --- accounts exist, nobody signed in -------------------------------------------------------------


def test_signed_out_visitors_land_on_sign_in(accounts):
    at = app().run()
    assert not at.exception
    assert texts(at.title) == ["登录"]
    assert [w.label for w in at.text_input] == ["用户名", "密码"]


@pytest.mark.parametrize("page", [*VIEW_PAGES, "admin"])
def test_signed_out_visitors_are_refused_every_page(accounts, page):
    """Issue 18 §13: the page asked for offers the sign-in form itself (and opens after it); the
    overview, the site's address, is the sign-in page."""
    at = open_page(app(), page)
    if page == "overview":
        assert texts(at.title) == ["登录"] and texts(at.warning) == []
    else:
        assert texts(at.warning) == [SIGN_IN_FIRST]
        assert texts(at.title) == []
    assert [w.label for w in at.text_input] == ["用户名", "密码"]


def test_a_page_asked_for_while_signed_out_opens_after_sign_in(accounts):
    at = open_page(app(), "history")
    assert texts(at.warning) == [SIGN_IN_FIRST]
    sign_in(at, "ed", PASSWORD)
    assert texts(at.title) == ["上传记录"] and texts(at.warning) == []


# --- each role on each page -------------------------------------------------------------------


@pytest.mark.parametrize("role", ["viewer", "editor", "admin"])
@pytest.mark.parametrize("page", VIEW_PAGES)
def test_every_role_sees_the_view_pages(accounts, role, page):
    at = open_page(app(role), page)
    assert texts(at.title) == [TITLES[page]]
    assert texts(at.error) == []


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_admin_page_refuses_viewers_and_editors(accounts, role):
    at = open_page(app(role), "admin")
    label = {"viewer": "浏览者", "editor": "编辑者"}[role]
    assert texts(at.error) == [f"您当前的角色（{label}）无权使用此页面，需要：管理员。如需权限，请联系管理员。"]
    assert texts(at.title) == []


def test_admin_page_for_an_admin(accounts):
    at = open_page(app("admin"), "admin")
    assert texts(at.title) == ["系统管理"]
    assert [tab.label for tab in at.tabs] == ["账号", "审计记录", "备份", "单位权限"]
    users = at.dataframe[0].value
    assert list(users["用户"]) == ["boss", "ed", "vi"]
    assert list(users["角色"]) == ["管理员", "编辑者", "浏览者"]


@pytest.mark.parametrize("role", ["viewer", "editor", "admin"])
def test_sign_in_page_when_signed_in(accounts, role):
    at = open_page(app(role), "sign_in")
    label = {"viewer": "浏览者", "editor": "编辑者", "admin": "管理员"}[role]
    assert texts(at.success) == [f"已登录：{USERS[role]}（{label}）"]


# --- signing in ---------------------------------------------------------------------------------


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="sign_in_name").input(name)
    at.text_input(key="sign_in_password").input(password)
    at.button(key="FormSubmitter:sign_in-登录").click().run()
    assert not at.exception, at.exception
    return at


def test_sign_in_then_the_page_and_the_audit(accounts):
    at = app().run()
    sign_in(at, "ed", "wrong-password")
    assert texts(at.error) == ["用户名或密码不正确。再失败 4 次，该用户名在此地址将被锁定 15 分钟（其他地址不受影响）。"]
    sign_in(at, "ed", PASSWORD)
    assert texts(at.title) == ["总览"]
    with db.session(accounts) as con:
        version = auth.get_user(con, "ed").credential_version
    assert at.session_state["access_user"] == {"name": "ed", "role": "editor", "via": "password", "credential_version": version}
    with db.session(accounts) as con:
        lines = audit.entries(con, user="ed")
    assert list(lines["action"]) == ["sign_in_ok", "sign_in_failed"]


def test_five_failures_lock_the_name_and_say_so(accounts):
    at = app().run()
    for attempt in range(5):
        sign_in(at, "vi", "wrong-password")
    message = texts(at.error)[0]
    assert message.startswith("用户名“vi”在此地址因连续 5 次登录失败已被锁定，请约 15 分钟后（北京时间 ")
    assert "请联系管理员解锁" in message and "python -m" not in message
    sign_in(at, "vi", PASSWORD)  # the right password while locked
    assert texts(at.error)[0].startswith("用户名“vi”在此地址因连续 5 次登录失败已被锁定")
    assert "access_user" not in at.session_state


def test_an_idle_session_is_signed_out(accounts):
    at = app("editor")
    at.session_state["access_last_activity"] = auth.utc_now() - timedelta(minutes=31)
    at.run()
    assert not at.exception
    assert texts(at.title) == ["登录"]
    assert "由于长时间无操作，您已自动退出登录。请重新登录。" in texts(at.warning)
    with db.session(accounts) as con:
        line = audit.entries(con, action="sign_out").iloc[0]
    assert (line["user_name"], line["detail"]) == ("ed", "timeout")


def test_sign_out_button(accounts):
    at = app("viewer").run()
    at.sidebar.button(key="access_sign_out").click().run()
    assert "access_user" not in at.session_state
    with db.session(accounts) as con:
        assert audit.entries(con, action="sign_out").iloc[0]["user_name"] == "vi"


# --- the admin page works -------------------------------------------------------------------------


def test_admin_adds_an_account(accounts):
    at = open_page(app("admin"), "admin")
    at.text_input(key="add_name").input("新同事")
    at.selectbox(key="add_role").select("editor")
    at.text_input(key="add_password").input("password-9")
    at.button(key="FormSubmitter:add_user-添加").click().run()
    assert not at.exception
    assert texts(at.success) == ["已添加用户“新同事”（编辑者）。"]
    with db.session(accounts) as con:
        assert auth.sign_in(con, "新同事", "password-9").role == "editor"
        assert audit.entries(con, action="account_change").iloc[0]["detail"] == "add 新同事 role=editor"
        assert audit.entries(con, action="account_change").iloc[0]["user_name"] == "boss"


def test_admin_role_change_is_in_the_accounts_table_of_the_same_click(accounts):
    at = open_page(app("admin"), "admin")
    at.selectbox(key="change_target").select("vi")
    at.selectbox(key="change_role").select("editor")
    at.button(key="btn_role").click().run()
    assert not at.exception
    assert texts(at.success) == ["已更新账号“vi”。"]
    shown = at.dataframe[0].value
    assert shown.loc[shown["用户"] == "vi", "角色"].tolist() == ["编辑者"]


def test_admin_cannot_remove_the_last_admin(accounts):
    at = open_page(app("admin"), "admin")
    at.selectbox(key="change_target").select("boss")
    at.checkbox(key="confirm_remove").check().run()
    at.button(key="btn_remove").click().run()
    assert texts(at.error) == ["“boss”是唯一可用的管理员，不能删除、停用或降级。请先添加另一位管理员。"]


def test_admin_audit_filters_and_backup(accounts, tmp_path, monkeypatch):
    monkeypatch.setenv("MUSEUM_BACKUP_DIR", str(tmp_path / "backups"))
    with db.session(accounts) as con:
        audit.record(con, "export", "vi", "<script>alert('x')</script> report.docx")
    at = open_page(app("admin"), "admin")
    at.selectbox(key="audit_action").select("export").run()
    shown = at.dataframe[1].value
    assert list(shown["用户"]) == ["vi"]
    assert list(shown["详情"]) == ["<script>alert('x')</script> report.docx"]
    assert list(shown["操作"]) == ["导出"]
    at.button(key="backup_now").click().run()
    assert not at.exception
    assert texts(at.success)[0].startswith(f"已备份到 {tmp_path / 'backups'}/")
    assert len(list((tmp_path / "backups").iterdir())) == 1


# --- hostile text is shown as text ----------------------------------------------------------------


def test_script_in_a_file_name_and_note_is_shown_as_text(accounts):
    hostile = "<script>alert('x')</script>.csv"
    with db.session(accounts) as con:
        year = int(db.query(con, "institutions")["latest_year"].iloc[0])
        with db.transaction(con, institution=1):
            batch = batches.create_batch(con, "upload", institution=1, user="<b>ed</b>", file_name=hostile,
                                         content=b"x", note="<img src=x onerror=alert(1)>")
            batches.write_observations(con, batch, 1, [
                {"metric_id": "posts", "year": year, "month": None, "value": 6000.0, "qualifier": "exact",
                 "note": "<script>document.title='pwned'</script>", "sentence": None},
            ])
    at = open_page(app("viewer"), "overview")
    posts = cards.by_label(at)["科普图文"]
    assert posts.value == "6000篇"
    # the card is HTML built by the page: the file name is escaped text inside it, never markup
    assert hostile in posts.source
    grids = "".join(str(e.value) for e in at.html)
    assert "<script" not in grids and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;.csv" in grids
    # the sources table holds the raw text as data, which the browser shows as text
    written_by = " ".join(" ".join(map(str, frame.value.iloc[:, -1])) for frame in at.dataframe)
    assert hostile in written_by and "<b>ed</b>" in written_by
    for element in at.markdown:
        assert not element.proto.allow_html, element.value


@pytest.mark.parametrize("change, reason", [
    ("remove", "removed"), ("disable", "disabled"), ("role", "role_changed"), ("password", "credentials_changed")])
def test_a_session_ends_when_its_rights_end(accounts, change, reason):
    at = open_page(app("editor"), "history")
    assert texts(at.title) == ["上传记录"]
    with db.session(accounts) as con:
        {"remove": lambda: auth.remove_user(con, "ed", actor="boss"),
         "disable": lambda: auth.set_disabled(con, "ed", True, actor="boss"),
         "role": lambda: auth.set_role(con, "ed", "viewer", actor="boss"),
         "password": lambda: auth.set_password(con, "ed", "another-password", actor="boss")}[change]()
    at.run()  # the next request of the same open session
    assert texts(at.title) == []
    assert "access_user" not in at.session_state
    from museum.i18n import t as translate

    assert translate(f"access.session_ended.{reason}", "zh") in texts(at.warning)
    with db.session(accounts) as con:
        ended = audit.entries(con, action="sign_out", user="ed")
    assert ended["detail"].tolist() == [f"rights ended: {reason}"]


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_the_admin_page_file_refuses_on_its_own(accounts, role):
    """The page itself, run without dashboard.py, its menu or its check."""
    at = AppTest.from_file(str(settings.ROOT / "app_pages" / "admin.py"), default_timeout=60)
    at.session_state["access_user"] = {"name": USERS[role], "role": role, "via": "password"}
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and "无权使用此页面" in at.error[0].value
    assert texts(at.title) == [] and at.tabs == []


# --- pages of the other areas that change data ---------------------------------------------------

DATA_PAGES = {
    "report_import": ("导入年度报告", "import_report"),
    "upload": ("数据上传", "upload"),
    "history": ("上传记录", "view_history"),
}


@pytest.mark.parametrize("page", DATA_PAGES)
def test_data_pages_closed_before_any_account(db_path, page):
    at = open_page(app(), page)
    assert texts(at.warning) == [CLOSED]
    assert texts(at.title) == []


@pytest.mark.parametrize("page", DATA_PAGES)
def test_data_pages_refuse_signed_out_visitors_and_viewers(accounts, page):
    assert texts(open_page(app(), page).warning) == [SIGN_IN_FIRST]
    at = open_page(app("viewer"), page)
    assert texts(at.error) == ["您当前的角色（浏览者）无权使用此页面，需要：编辑者、管理员。如需权限，请联系管理员。"]
    assert texts(at.title) == []


@pytest.mark.parametrize("role", ["editor", "admin"])
@pytest.mark.parametrize("page", DATA_PAGES)
def test_data_pages_open_for_editors_and_admins(accounts, page, role):
    at = open_page(app(role), page)
    assert texts(at.title) == [DATA_PAGES[page][0]]
    assert texts(at.error) == []


def test_report_import_is_audited_with_the_user_and_hash(accounts):
    import hashlib

    report = (settings.ROOT / "tests" / "data" / "report" / "pipe_multi.txt").read_text(encoding="utf-8")
    at = open_page(app("editor"), "report_import")
    at.text_area(key="report_text").input(report).run()
    next(c for c in at.checkbox if c.label.startswith("新建单位")).check().run()  # the report's unit is new (issue 24)
    at.button(key="report_commit").click().run()
    assert not at.exception
    with db.session(accounts) as con:
        line = audit.entries(con, action="report_import").iloc[0]
        batch = db.query(con, "batches").iloc[0]
    assert line["user_name"] == "ed" and batch["user_name"] == "ed"
    assert line["file_sha256"] == hashlib.sha256(report.encode("utf-8")).hexdigest()
    assert line["detail"] == f"pasted.txt → batch #{batch['batch_id']} (2022: 37 new, 0 changed)"


def test_uploads_are_credited_to_the_signed_in_account(accounts):
    at = open_page(app("editor"), "upload")
    assert "intake_user" not in [w.key for w in at.text_input]  # no typed name to impersonate anyone
    at.file_uploader(key="intake_file").upload(
        "bad.csv", "年份,指标,数值\r\n2023,科普图问,5\r\n".encode("gbk"), "text/csv").run()
    at.run()  # a rerun of the same rejected file is recorded once
    with db.session(accounts) as con:
        rejected = audit.entries(con, action="upload_rejected")
    assert rejected[["user_name", "detail"]].values.tolist() == [["ed", "bad.csv: 1 problems"]]
