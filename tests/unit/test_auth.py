"""Accounts, permissions, sign-in rate limiting and session timeout (museum.access.auth)."""

from datetime import datetime, timedelta

import pytest

from museum.access import auth
from museum.store import audit, db, migrations
from museum.errors import InputRejected

T0 = datetime(2030, 1, 2, 9, 0, 0)


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch):
    """bcrypt's lowest cost: the same code path, a hundred times faster than production's 12."""
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")


@pytest.fixture
def db_path(empty_db_path):
    """Accounts need only the schema, not the embedded report data."""
    with db.session(empty_db_path) as connection:
        migrations.migrate(connection)
    return empty_db_path


def test_permission_table_is_exact():
    assert auth.PERMISSIONS == {
        "viewer": {"view", "export"},
        "editor": {"view", "export", "upload", "import_report", "correct", "rollback", "view_history"},
        "admin": {
            "view", "export", "upload", "import_report", "correct", "rollback", "view_history",
            "manage_accounts", "view_audit", "backup", "approve",
        },
    }


@pytest.mark.parametrize(
    "role, action, allowed",
    [
        ("viewer", "view", True),
        ("viewer", "export", True),
        ("viewer", "upload", False),
        ("viewer", "view_history", False),
        ("editor", "upload", True),
        ("editor", "rollback", True),
        ("editor", "manage_accounts", False),
        ("admin", "manage_accounts", True),
        ("admin", "backup", True),
        (None, "view", False),
        ("superuser", "view", False),
    ],
)
def test_can(role, action, allowed):
    assert auth.can(role, action) is allowed


def test_can_refuses_an_unknown_action_loudly():
    with pytest.raises(ValueError, match="unknown action 'delete_everything'"):
        auth.can("admin", "delete_everything")


def test_effective_role():
    assert auth.effective_role(accounts_exist=False, signed_in_role=None) == "viewer"
    assert auth.effective_role(accounts_exist=True, signed_in_role=None) is None
    assert auth.effective_role(accounts_exist=True, signed_in_role="editor") == "editor"


def test_session_expired():
    assert auth.session_expired(T0, T0 + timedelta(minutes=29, seconds=59), 30) is False
    assert auth.session_expired(T0, T0 + timedelta(minutes=30), 30) is True
    assert auth.session_expired(None, T0, 30) is True


def test_session_timeout_comes_from_settings(monkeypatch):
    monkeypatch.setenv("MUSEUM_SESSION_TIMEOUT_MINUTES", "5")
    assert auth.session_expired(T0, T0 + timedelta(minutes=4)) is False
    assert auth.session_expired(T0, T0 + timedelta(minutes=5)) is True


def test_sso_role_maps_email_case_insensitively():
    roles = {"Li.Na@museum.example.cn": "editor", "boss@museum.example.cn": "admin", "x@y.cn": "root"}
    assert auth.sso_role("li.na@MUSEUM.example.cn", roles) == "editor"
    assert auth.sso_role("nobody@museum.example.cn", roles) is None
    assert auth.sso_role("x@y.cn", roles) is None  # an unknown role grants nothing
    assert auth.sso_role(None, roles) is None


def test_add_user_stores_only_a_bcrypt_hash(con):
    auth.add_user(con, "王伟", "admin", "correct horse", actor="test", now=T0)
    name, role, password_hash, created_at, disabled, version = db.rows(con, "auth_user_by_name", user_name="王伟")[0]
    assert (name, role, created_at, disabled) == ("王伟", "admin", T0, False)
    assert version != 0
    assert password_hash.startswith("$2b$04$") and "correct horse" not in password_hash
    assert auth.check_password("correct horse", password_hash) is True
    assert auth.check_password("correct horsE", password_hash) is False


def test_account_changes_are_audited(con):
    auth.add_user(con, "li", "editor", "password-1", actor="admin1", now=T0)
    auth.set_role(con, "li", "viewer", actor="admin1", now=T0 + timedelta(seconds=1))
    auth.set_password(con, "li", "password-2", actor="admin1", now=T0 + timedelta(seconds=2))
    auth.set_disabled(con, "li", True, actor="admin1", now=T0 + timedelta(seconds=3))
    auth.remove_user(con, "li", actor="admin1", now=T0 + timedelta(seconds=4))
    lines = audit.entries(con, action="account_change")
    assert list(lines["detail"]) == [
        "remove li role=viewer", "disable li", "password li", "role li editor->viewer", "add li role=editor",
    ]
    assert set(lines["user_name"]) == {"admin1"}
    assert auth.list_users(con).empty


@pytest.mark.parametrize(
    "name, message",
    [
        ("", "用户名“”不可用：只能包含汉字、拉丁字母、数字和 . _ - @，长度 1–64。"),
        ("a b", "用户名“a b”不可用：只能包含汉字、拉丁字母、数字和 . _ - @，长度 1–64。"),
        ("x'; drop table app_user;--", "用户名“x'; drop table app_user;--”不可用：只能包含汉字、拉丁字母、数字和 . _ - @，长度 1–64。"),
        ("a" * 65, f"用户名“{'a' * 64}…”不可用：只能包含汉字、拉丁字母、数字和 . _ - @，长度 1–64。"),
        ("a" * 1_000_001, f"用户名“{'a' * 64}…”不可用：只能包含汉字、拉丁字母、数字和 . _ - @，长度 1–64。"),
        ("li\x00na", "用户名“li�na”不可用：只能包含汉字、拉丁字母、数字和 . _ - @，长度 1–64。"),
    ],
)
def test_bad_user_names_are_refused(con, name, message):
    with pytest.raises(InputRejected) as caught:
        auth.add_user(con, name, "viewer", "password-1", actor="test")
    assert caught.value.message("zh") == message
    assert auth.list_users(con).empty


def test_password_rules(con):
    with pytest.raises(InputRejected) as short:
        auth.add_user(con, "li", "viewer", "1234567", actor="test")
    assert short.value.message("en") == "The password is too short: use at least 8 characters."
    with pytest.raises(InputRejected) as long:
        auth.add_user(con, "li", "viewer", "密" * 25, actor="test")  # 75 bytes
    assert long.value.message("en") == "The password is too long: at most 72 bytes (a Chinese character takes 3)."
    auth.add_user(con, "li", "viewer", "密" * 24, actor="test")  # 72 bytes is fine
    assert auth.sign_in(con, "li", "密" * 24).role == "viewer"


def test_duplicate_and_unknown_users(con):
    auth.add_user(con, "li", "viewer", "password-1", actor="test")
    with pytest.raises(InputRejected) as dup:
        auth.add_user(con, "li", "editor", "password-1", actor="test")
    assert dup.value.message("en") == "The user “li” already exists. To change the password: python -m museum users passwd li"
    with pytest.raises(InputRejected) as unknown:
        auth.remove_user(con, "zhang", actor="test")
    assert unknown.value.message("en") == "There is no user “zhang”. List the users: python -m museum users list"


def test_the_last_admin_cannot_be_lost_while_others_exist(con):
    auth.add_user(con, "boss", "admin", "password-1", actor="test")
    auth.add_user(con, "li", "editor", "password-1", actor="test")
    expected = "“boss” is the only active admin and cannot be removed, disabled or demoted. Add another admin first."
    for change in (
        lambda: auth.remove_user(con, "boss", actor="test"),
        lambda: auth.set_disabled(con, "boss", True, actor="test"),
        lambda: auth.set_role(con, "boss", "editor", actor="test"),
    ):
        with pytest.raises(InputRejected) as caught:
            change()
        assert caught.value.message("en") == expected
    auth.add_user(con, "boss2", "admin", "password-1", actor="test")
    auth.remove_user(con, "boss", actor="test")
    assert list(auth.list_users(con)["user_name"]) == ["boss2", "li"]


def test_sign_in_success_is_audited(con):
    auth.add_user(con, "li", "editor", "password-1", actor="test", now=T0)
    user = auth.sign_in(con, "li", "password-1", now=T0 + timedelta(minutes=1))
    assert (user.name, user.role) == ("li", "editor")
    line = audit.entries(con, action="sign_in_ok").iloc[0]
    assert (line["user_name"], line["detail"], line["occurred_at"]) == ("li", "role=editor", T0 + timedelta(minutes=1))


def test_failed_sign_ins_count_down_then_lock(con):
    auth.add_user(con, "li", "editor", "password-1", actor="test")
    messages = []
    for attempt in range(5):
        with pytest.raises(InputRejected) as caught:
            auth.sign_in(con, "li", "wrong", now=T0 + timedelta(seconds=attempt))
        messages.append(caught.value.message("zh"))
    assert messages[:4] == [
        f"用户名或密码不正确。再失败 {n} 次，该用户名在此地址将被锁定 15 分钟（其他地址不受影响）。" for n in (4, 3, 2, 1)
    ]
    assert messages[4] == (
        "用户名“li”在此地址因连续 5 次登录失败已被锁定，请约 15 分钟后（北京时间 17:15 之后）再试，"
        "或请联系管理员解锁（系统管理 → 账号 → 解锁）；如忘记密码，也可请管理员重设密码（重设后立即解锁）。"
    )
    assert "python -m museum" not in messages[4] and "UTC" not in messages[4]  # a 馆长 reads this, not an operator
    # Locked: even the right password is refused, without being checked.
    with pytest.raises(InputRejected) as locked:
        auth.sign_in(con, "li", "password-1", now=T0 + timedelta(minutes=10))
    assert locked.value.key == "auth.locked"
    assert locked.value.params["minutes"] == 6
    assert list(audit.entries(con, action="sign_in_failed")["detail"]) == ["locked"] + ["wrong password"] * 5
    # After the lock period the right password works again and clears the count.
    assert auth.sign_in(con, "li", "password-1", now=T0 + timedelta(minutes=15, seconds=5)).name == "li"
    assert db.rows(con, "auth_throttle_get", user_name="li", client="") == []


def test_the_lock_survives_a_restart(db_path):
    with db.session(db_path) as con:
        auth.add_user(con, "li", "editor", "password-1", actor="test")
        for attempt in range(5):
            with pytest.raises(InputRejected):
                auth.sign_in(con, "li", "wrong", now=T0)
    with db.session(db_path) as con:  # a new process would open the file like this
        with pytest.raises(InputRejected) as caught:
            auth.sign_in(con, "li", "password-1", now=T0 + timedelta(minutes=1))
    assert caught.value.key == "auth.locked"


def test_unknown_names_are_limited_too_and_say_the_same(con):
    with pytest.raises(InputRejected) as caught:
        auth.sign_in(con, "ghost", "whatever", now=T0)
    assert caught.value.message("en") == (
        "Wrong user name or password. After 4 more failed tries this user name is locked for 15 minutes at this address (other addresses are not affected)."
    )
    line = audit.entries(con, action="sign_in_failed").iloc[0]
    assert line["detail"] == "unknown user"
    # the typed name is never stored: the line and the count are under a salted hash of it
    assert line["user_name"].startswith("unknown:") and len(line["user_name"]) == len("unknown:") + 12
    assert db.rows(con, "auth_throttle_get", user_name="ghost", client="") == []
    assert db.rows(con, "auth_throttle_get", user_name=line["user_name"], client="")[0][0] == 1


def test_old_failures_stop_counting(con):
    auth.add_user(con, "li", "editor", "password-1", actor="test")
    for attempt in range(4):
        with pytest.raises(InputRejected):
            auth.sign_in(con, "li", "wrong", now=T0)
    with pytest.raises(InputRejected) as caught:  # an hour later: a fresh count
        auth.sign_in(con, "li", "wrong", now=T0 + timedelta(hours=1))
    assert caught.value.params["remaining"] == 4


def test_a_new_password_lifts_the_lock(con):
    auth.add_user(con, "li", "editor", "password-1", actor="test")
    for attempt in range(5):
        with pytest.raises(InputRejected):
            auth.sign_in(con, "li", "wrong", now=T0)
    auth.set_password(con, "li", "password-2", actor="admin", now=T0)
    assert auth.sign_in(con, "li", "password-2", now=T0 + timedelta(seconds=1)).name == "li"


def test_lock_settings(monkeypatch, con):
    monkeypatch.setenv("MUSEUM_SIGN_IN_MAX_FAILURES", "2")
    monkeypatch.setenv("MUSEUM_SIGN_IN_LOCK_MINUTES", "1")
    auth.add_user(con, "li", "editor", "password-1", actor="test")
    with pytest.raises(InputRejected):
        auth.sign_in(con, "li", "wrong", now=T0)
    with pytest.raises(InputRejected) as caught:
        auth.sign_in(con, "li", "wrong", now=T0)
    assert caught.value.message("en") == (
        "The user name “li” is locked at this address after 2 failed sign-ins. Try again in about 1 minutes (after 17:01 Beijing time), "
        "or ask an administrator to unlock it (Administration → Accounts → Unlock) or to reset the password (which lifts it too)."
    )


def test_a_disabled_account_cannot_sign_in(con):
    auth.add_user(con, "boss", "admin", "password-1", actor="test")
    auth.add_user(con, "li", "editor", "password-1", actor="test")
    auth.set_disabled(con, "li", True, actor="boss")
    with pytest.raises(InputRejected) as caught:
        auth.sign_in(con, "li", "password-1")
    assert caught.value.message("en") == "The account “li” is disabled. Ask an admin."
    assert audit.entries(con, action="sign_in_failed").iloc[0]["detail"] == "disabled"


def test_production_hashes_use_cost_12(monkeypatch):
    monkeypatch.delenv("MUSEUM_BCRYPT_ROUNDS")
    assert auth.hash_password("password-1").startswith("$2b$12$")


def test_the_committed_secrets_example_is_only_an_example():
    import tomllib

    from museum import settings

    example = tomllib.loads((settings.ROOT / ".streamlit" / "secrets.example.toml").read_text(encoding="utf-8"))
    assert set(example["auth"]) == {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"}
    assert all(example["auth"][k].startswith("REPLACE") for k in ("cookie_secret", "client_id", "client_secret"))
    assert set(example["museum_sso"]["roles"].values()) <= set(auth.ROLES)
    assert auth.sso_role("IT.Admin@museum.example.cn", example["museum_sso"]["roles"]) == "admin"
