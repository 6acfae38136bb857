"""Sign-in limits under load and abuse, client addresses, `unlock`, names, and credential versions (museum.access.auth).

Twenty concurrent attempts on one name used to raise the counter by about one (the rest failed
with "Conflict on update!" and missed the audit trail); there was no limit per client; and five
anonymous requests kept an admin out for 15 minutes. Now every attempt counts and is audited,
a client address has its own limit, and an admin lifts any lock from the server's CLI.
"""

import threading
from datetime import datetime, timedelta

import pytest

from museum import backup
from museum.access import auth, throttle
from museum.store import audit, db, migrations
from museum.errors import InputRejected

T0 = datetime(2030, 1, 2, 9, 0, 0)


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")


@pytest.fixture
def db_path(empty_db_path):
    with db.session(empty_db_path) as connection:
        migrations.migrate(connection)
    return empty_db_path


def attempts_at_once(db_path, count: int, name: str, password: str, client=None) -> list[str]:
    """`count` sign-ins started together, each on its own connection; the refusal keys."""
    barrier = threading.Barrier(count)
    keys: list[str] = []

    def attempt(number: int) -> None:
        with db.session(db_path) as con:
            barrier.wait()
            try:
                auth.sign_in(con, name, password, client=client, now=T0)
                keys.append("ok")
            except InputRejected as exc:
                keys.append(exc.key)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return keys


def test_twenty_concurrent_attempts_count_twenty(db_path, monkeypatch):
    monkeypatch.setenv("MUSEUM_SIGN_IN_MAX_FAILURES", "100")
    with db.session(db_path) as con:
        auth.add_user(con, "li", "editor", "password-1", actor="test")
    assert attempts_at_once(db_path, 20, "li", "wrong") == ["auth.sign_in_failed"] * 20
    with db.session(db_path) as con:
        assert db.rows(con, "auth_throttle_get", user_name="li", client="")[0][0] == 20
        assert list(audit.entries(con, action="sign_in_failed")["detail"]) == ["wrong password"] * 20


def test_twenty_concurrent_attempts_stop_at_the_limit(db_path):
    with db.session(db_path) as con:
        auth.add_user(con, "li", "editor", "password-1", actor="test")
    keys = attempts_at_once(db_path, 20, "li", "wrong")
    assert sorted(keys) == ["auth.locked"] * 16 + ["auth.sign_in_failed"] * 4
    with db.session(db_path) as con:
        details = list(audit.entries(con, action="sign_in_failed")["detail"])
        assert sorted(details) == ["locked"] * 15 + ["wrong password"] * 5
        assert db.rows(con, "auth_throttle_get", user_name="li", client="")[0][0] == 5


def test_one_client_is_limited_across_names(con, monkeypatch):
    monkeypatch.setenv("MUSEUM_SIGN_IN_CLIENT_MAX_FAILURES", "3")
    auth.add_user(con, "boss", "admin", "password-1", actor="test")
    for number, name in enumerate(["a1", "a2"]):
        with pytest.raises(InputRejected) as caught:
            auth.sign_in(con, name, "guess", client="203.0.113.7", now=T0 + timedelta(seconds=number))
        assert caught.value.key == "auth.sign_in_failed"
    with pytest.raises(InputRejected) as caught:
        auth.sign_in(con, "a3", "guess", client="203.0.113.7", now=T0 + timedelta(seconds=2))
    assert caught.value.message("zh") == (
        "来自此地址（203.0.113.7）的登录在短时间内失败了 3 次，已暂停登录，请约 15 分钟后（北京时间 17:15 之后）再试。"
        "如需立即解除，请联系管理员解锁（系统管理 → 账号 → 解锁）。")
    # even the right password is refused from that address, and costs no bcrypt check there …
    with pytest.raises(InputRejected) as caught:
        auth.sign_in(con, "boss", "password-1", client="203.0.113.7", now=T0 + timedelta(minutes=1))
    assert caught.value.key == "auth.client_locked"
    # … while the admin signs in from another address: an attacker cannot keep the admin out
    assert auth.sign_in(con, "boss", "password-1", client="198.51.100.2", now=T0 + timedelta(minutes=1)).name == "boss"
    assert list(audit.entries(con, action="sign_in_failed")["detail"]) == [
        "client locked from 203.0.113.7"] + ["unknown user from 203.0.113.7"] * 3
    assert auth.locked_clients(con, now=T0 + timedelta(minutes=1))[["client", "failures"]].values.tolist() == [["203.0.113.7", 3]]


def test_a_success_does_not_reset_the_client_count(con, monkeypatch):
    """Else an attacker would sign in with their own account between guesses."""
    monkeypatch.setenv("MUSEUM_SIGN_IN_CLIENT_MAX_FAILURES", "2")
    auth.add_user(con, "mine", "viewer", "password-1", actor="test")
    with pytest.raises(InputRejected):
        auth.sign_in(con, "victim", "guess", client="203.0.113.7", now=T0)
    auth.sign_in(con, "mine", "password-1", client="203.0.113.7", now=T0)
    with pytest.raises(InputRejected) as caught:
        auth.sign_in(con, "victim", "guess", client="203.0.113.7", now=T0)
    assert caught.value.key == "auth.client_locked"


def test_unlock_lets_a_locked_admin_in_at_once(con):
    auth.add_user(con, "boss", "admin", "password-1", actor="test")
    for attempt in range(5):
        with pytest.raises(InputRejected):
            auth.sign_in(con, "boss", "wrong", client="203.0.113.7", now=T0)
    with pytest.raises(InputRejected) as locked:
        auth.sign_in(con, "boss", "password-1", client="203.0.113.7", now=T0)
    assert locked.value.key == "auth.locked"
    auth.unlock(con, "boss", actor="cli:root", now=T0)
    assert auth.sign_in(con, "boss", "password-1", client="203.0.113.7", now=T0).name == "boss"
    assert audit.entries(con, action="account_change").iloc[0][["user_name", "detail"]].tolist() == ["cli:root", "unlock boss"]


def test_a_stranger_cannot_lock_the_admin_out(con):
    """Five wrong guesses from a stranger's address lock the account there only: the admin signs in
    from any other address, and the stranger's count survives the admin's sign-in."""
    auth.add_user(con, "boss", "admin", "password-1", actor="test")
    for attempt in range(5):
        with pytest.raises(InputRejected):
            auth.sign_in(con, "boss", "wrong", client="203.0.113.7", now=T0)
    assert auth.sign_in(con, "boss", "password-1", client="198.51.100.2", now=T0 + timedelta(seconds=1)).name == "boss"
    assert auth.sign_in(con, "boss", "password-1", now=T0 + timedelta(seconds=2)).name == "boss"  # address unknown
    with pytest.raises(InputRejected) as locked:
        auth.sign_in(con, "boss", "password-1", client="203.0.113.7", now=T0 + timedelta(seconds=3))
    assert locked.value.key == "auth.locked"
    assert "此地址" in locked.value.message("zh") and "at this address" in locked.value.message("en")
    users = auth.list_users(con).set_index("user_name")
    assert int(users.loc["boss", "failures"]) == 5  # the admin still sees that someone tried


def test_a_loopback_request_is_a_client_like_any_other():
    """Streamlit reports a connection from 127.0.0.1 as no address: it is limited as 127.0.0.1."""
    assert throttle.request_address(None, {"Host": "localhost:8501"}) == "127.0.0.1"
    assert throttle.request_address("203.0.113.7", {"Host": "x"}) == "203.0.113.7"
    assert throttle.request_address(None, {}) is None  # no request at all (a bare run, a test)


def test_unlock_a_client(con, monkeypatch):
    monkeypatch.setenv("MUSEUM_SIGN_IN_CLIENT_MAX_FAILURES", "1")
    with pytest.raises(InputRejected):
        auth.sign_in(con, "x", "guess", client="::ffff:203.0.113.7", now=T0)
    assert list(auth.locked_clients(con, now=T0)["client"]) == ["203.0.113.7"]  # IPv4-mapped IPv6 is the IPv4 address
    assert auth.unlock_client(con, "203.0.113.7", actor="cli:root", now=T0) == "203.0.113.7"
    assert auth.locked_clients(con, now=T0).empty
    with pytest.raises(InputRejected) as refused:
        auth.unlock_client(con, "not-an-address", actor="cli:root")
    assert refused.value.message("en") == "“not-an-address” is not an IP address. Write it like 192.168.1.20 or 2001:db8::1."


@pytest.mark.parametrize(
    "header_setting, remote, headers, expected",
    [
        ("", "127.0.0.1", {"X-Forwarded-For": "6.6.6.6"}, "127.0.0.1"),      # no proxy configured: headers are ignored
        ("X-Forwarded-For", "127.0.0.1", {"x-forwarded-for": "6.6.6.6, 203.0.113.7"}, "203.0.113.7"),
        ("X-Forwarded-For", "127.0.0.1", {}, "127.0.0.1"),
        ("X-Real-IP", "127.0.0.1", {"X-Real-IP": " 2001:db8::1 "}, "2001:db8::1"),
        ("X-Forwarded-For", "127.0.0.1", {"X-Forwarded-For": "not an address"}, None),
        ("", None, None, None),
        ("", "::ffff:10.0.0.5", None, "10.0.0.5"),
    ],
)
def test_client_address(monkeypatch, header_setting, remote, headers, expected):
    monkeypatch.setenv("MUSEUM_TRUSTED_PROXY_HEADER", header_setting)
    assert auth.client_address(remote, headers) == expected


def test_names_are_normalised_and_look_alikes_refused(con):
    auth.add_user(con, "ｌｉ", "editor", "password-1", actor="test")
    assert list(auth.list_users(con)["user_name"]) == ["li"]
    assert auth.sign_in(con, "ｌｉ", "password-1").name == "li"
    with pytest.raises(InputRejected) as caught:
        auth.add_user(con, "\u0430dmin", "admin", "password-1", actor="test")
    assert caught.value.message("zh") == (
        "用户名“аdmin”不可用：其中的 а U+0430 CYRILLIC SMALL LETTER A 不是汉字或拉丁字母，只是看起来相像，容易被用来冒充别人的账号。"
        "请只用汉字、拉丁字母、数字和 . _ - @。")
    with pytest.raises(InputRejected) as caught:
        auth.add_user(con, "LI", "viewer", "password-1", actor="test")
    assert caught.value.message("en") == (
        "There is already an account “li”, which differs from “LI” only in letter case and is easily confused. Choose another name.")


def test_credential_version_changes_with_every_change_of_rights(con):
    auth.add_user(con, "boss", "admin", "password-1", actor="test")
    user = auth.add_user(con, "li", "editor", "password-1", actor="test")
    signed_in = auth.sign_in(con, "li", "password-1")
    assert signed_in.credential_version == user.credential_version != 0
    assert auth.session_end_reason(con, "li", "editor", signed_in.credential_version) is None
    assert auth.session_end_reason(con, "li", "editor", signed_in.credential_version) is None
    auth.set_password(con, "boss", "password-2", actor="test")  # someone else's change ends nothing here
    assert auth.session_end_reason(con, "li", "editor", signed_in.credential_version) is None

    auth.set_password(con, "li", "password-2", actor="boss")
    assert auth.session_end_reason(con, "li", "editor", signed_in.credential_version) == "credentials_changed"
    version = auth.get_user(con, "li").credential_version
    auth.set_role(con, "li", "viewer", actor="boss")
    assert auth.session_end_reason(con, "li", "editor", version) == "role_changed"
    version = auth.get_user(con, "li").credential_version
    auth.set_disabled(con, "li", True, actor="boss")
    assert auth.session_end_reason(con, "li", "viewer", version) == "disabled"
    auth.set_disabled(con, "li", False, actor="boss")
    assert auth.session_end_reason(con, "li", "viewer", version) == "credentials_changed"  # enabling again is no way back
    auth.remove_user(con, "li", actor="boss")
    assert auth.session_end_reason(con, "li", "viewer", auth.new_credential_version()) == "removed"
    assert auth.session_end_reason(con, "li", "viewer", version) == "removed"


@pytest.mark.duckdb_only  # a restore of the DuckDB file
def test_a_restore_ends_every_session(db_path, tmp_path, monkeypatch):
    monkeypatch.delenv("MUSEUM_BACKUP_KEY", raising=False)
    monkeypatch.setenv("MUSEUM_SECRETS_FILE", str(tmp_path / "none.toml"))
    with db.session(db_path) as con:
        auth.add_user(con, "boss", "admin", "password-1", actor="test")
        session = auth.sign_in(con, "boss", "password-1")
        backup.backup(con, tmp_path / "snap", actor="test")
    backup.restore(tmp_path / "snap", db_path, actor="test")
    with db.session(db_path) as con:
        # the same account, role and password as at the backup: the session still ends
        assert auth.session_end_reason(con, "boss", "admin", session.credential_version) == "credentials_changed"
        assert auth.sign_in(con, "boss", "password-1").name == "boss"


@pytest.mark.parametrize("reason", auth.SESSION_END_REASONS)
def test_every_end_reason_has_a_message(reason):
    from museum.i18n import t

    assert t(f"access.session_ended.{reason}", "zh") and t(f"access.session_ended.{reason}", "en")


def test_migration_0007_forgets_typed_names_of_failed_sign_ins(empty_db_path):
    """Lines written before 0007 kept the typed text; the migration replaces it where it named no account."""
    with db.session(empty_db_path) as con:
        migrations.migrate(con, versions={1, 3, 4})
        con.execute("insert into app_user values ('boss', 'admin', 'x', TIMESTAMP '2030-01-01', false)")
        for name, action, detail in [("boss", "sign_in_failed", "wrong password"), ("my secret pw", "sign_in_failed", "unknown user"),
                                     ("old.user", "sign_in_ok", "role=viewer"), ("old.user", "sign_in_failed", "unknown user")]:
            con.execute("insert into audit (occurred_at, user_name, action, detail) values (TIMESTAMP '2030-01-01', $n, $a, $d)",
                        {"n": name, "a": action, "d": detail})
        con.execute("insert into sign_in_throttle values ('my secret pw', 3, null, null), ('boss', 1, null, null)")
        migrations.migrate(con)
        assert con.execute("select user_name from audit order by audit_id").fetchall() == [
            ("boss",), ("unknown",), ("old.user",), ("old.user",)]
        assert con.execute("select user_name from sign_in_throttle").fetchall() == [("boss",)]
        assert con.execute("select credential_version from app_user").fetchall() == [(0,)]
        assert len(db.scalar(con, "auth_secret_get", name="sign_in_salt")) == 64


def test_guessing_on_unknown_names_does_not_grow_the_tables_without_end(con, monkeypatch):
    monkeypatch.setenv("MUSEUM_SIGN_IN_CLIENT_MAX_FAILURES", "1000")
    for number in range(30):
        with pytest.raises(InputRejected):
            auth.sign_in(con, f"guess{number}", "x", client=f"203.0.113.{number}", now=T0)
    assert db.scalar(con, "backup_table_rows", table_name="sign_in_throttle") == 30
    assert db.scalar(con, "backup_table_rows", table_name="sign_in_client") == 30
    # an hour later the old counts are forgotten at the next attempt; only that attempt's remain
    with pytest.raises(InputRejected):
        auth.sign_in(con, "guess-late", "x", client="198.51.100.1", now=T0 + timedelta(hours=1))
    assert db.scalar(con, "backup_table_rows", table_name="sign_in_throttle") == 1
    assert db.scalar(con, "backup_table_rows", table_name="sign_in_client") == 1
