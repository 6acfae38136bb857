"""系统管理 lifts sign-in locks (an account, an address) and shows times in the institution's zone (AppTest)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from museum.access import auth
from museum.store import db
from tests.app.test_access_pages import accounts, app, open_page, texts  # noqa: F401  (fixture)


def _lock(path, name: str) -> None:
    with db.session(path) as con:
        for _ in range(5):
            with pytest.raises(Exception):
                auth.sign_in(con, name, "wrong-password")


def test_admin_unlocks_a_locked_account_on_the_page(accounts):  # noqa: F811
    _lock(accounts, "vi")
    at = open_page(app("admin"), "admin")
    users = at.dataframe[0].value
    locked = users.loc[users["用户"] == "vi", "锁定至"].iloc[0]
    assert locked.startswith("北京时间 ")
    assert users.loc[users["用户"] == "vi", "创建时间"].iloc[0].startswith("北京时间 ")
    at.selectbox(key="change_target").select("vi")
    at.button(key="btn_unlock").click().run()
    assert not at.exception
    assert texts(at.success) == ["已解除“vi”的登录锁定。"]
    with db.session(accounts) as con:
        assert auth.sign_in(con, "vi", "password-1").name == "vi"


def test_admin_unlocks_a_locked_address(accounts):  # noqa: F811
    with db.session(accounts) as con:
        for number in range(20):
            try:
                auth.sign_in(con, f"guess{number}", "x", client="203.0.113.7")
            except Exception:
                pass
        assert list(auth.locked_clients(con)["client"]) == ["203.0.113.7"]
    at = open_page(app("admin"), "admin")
    at.button(key="btn_unlock_client_203.0.113.7").click().run()
    assert texts(at.success) == ["已解除地址 203.0.113.7 的登录锁定。"]
    with db.session(accounts) as con:
        assert auth.locked_clients(con, now=auth.utc_now() + timedelta(seconds=1)).empty
