"""Sign-ins that survive a reload (issue 18 §13): signed, expiring, revocable tokens."""

from datetime import timedelta

import pytest

from museum.access import auth, sessions
from museum.store import db

NOW = auth.utc_now().replace(microsecond=0)


@pytest.fixture
def account(con):
    user = auth.add_user(con, "ed", "editor", "password-1", actor="test")
    return con, user


def issued(con, user, now=NOW):
    with db.transaction(con):
        token, _ = sessions.issue(con, user.name, user.credential_version, now)
    return token


def test_a_token_resumes_its_account_until_it_expires(account, monkeypatch):
    con, user = account
    monkeypatch.setenv("MUSEUM_SESSION_DAYS", "7")
    token = issued(con, user)
    assert sessions.resume(con, token, NOW + timedelta(days=6, hours=23)) == sessions.Resumed("ed", "editor",
                                                                                              user.credential_version)
    assert sessions.resume(con, token, NOW + timedelta(days=7, seconds=1)) is None


def test_sign_out_revokes_the_token(account):
    con, user = account
    token = issued(con, user)
    sessions.revoke(con, token, NOW)
    assert sessions.resume(con, token, NOW) is None


@pytest.mark.parametrize("change", ["remove", "disable", "role", "password"])
def test_any_change_of_rights_ends_a_remembered_session(account, change):
    con, user = account
    token = issued(con, user)
    {"remove": lambda: auth.remove_user(con, "ed", actor="boss"),
     "disable": lambda: auth.set_disabled(con, "ed", True, actor="boss"),
     "role": lambda: auth.set_role(con, "ed", "viewer", actor="boss"),
     "password": lambda: auth.set_password(con, "ed", "another-password", actor="boss")}[change]()
    assert sessions.resume(con, token, NOW) is None


def test_a_forged_or_altered_token_resumes_nothing(account):
    con, user = account
    token = issued(con, user)
    session_id, expiry, signature = token.split(".")
    later = str(int(expiry) + 86400 * 365)
    for forged in (f"{session_id}.{later}.{signature}",                 # a longer life, same signature
                   f"{session_id[:-1]}A.{expiry}.{signature}",          # another id
                   f"{session_id}.{expiry}.{signature[:-2]}xx",         # another signature
                   "", "garbage", "a.b", "a.b.c.d", "x" * 500):
        assert sessions.resume(con, forged, NOW) is None


def test_the_database_keeps_no_usable_token(account):
    """A copy of the database gives the hash of the token's random part only."""
    con, user = account
    token = issued(con, user)
    stored = con.execute("select session_hash, user_name from app_session").fetchall()
    assert stored and all(token.split(".")[0] not in str(row) for row in stored)
