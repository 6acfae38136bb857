"""What an admin reads when the PostgreSQL store refuses: a connection that fails says to check the
server, the role and the system user (never DuckDB's "check the path and its permissions"), and a write
the role may not make says so (never DuckDB's "the directory is read-only")."""

from __future__ import annotations

import pytest

from museum import settings
from museum.errors import DatabaseError
from museum.i18n import t
from museum.store import audit, db

pytestmark = pytest.mark.usefixtures("db_path")


@pytest.fixture
def cluster(pg_server):
    if pg_server is None:
        pytest.skip("the PostgreSQL store's own messages")
    return pg_server


def refusal(url, write: bool = False) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught:
        with db.session(settings.DatabaseUrl(url)) as con:
            if write:
                with db.transaction(con):
                    audit.record(con, "export", "viewer", "x", "x")
    return caught.value


def test_a_server_that_is_not_running_is_named_as_such(cluster, tmp_path):
    error = refusal(f"postgresql://postgres@/museum?host={tmp_path}")  # no server listens there
    assert error.key == "db.pg_connect_failed"
    for lang in ("zh", "en"):
        text = t(error.key, lang, **error.params)
        assert "路径" not in text and "path" not in text
    assert "服务器是否在运行" in t(error.key, "zh", **error.params)


def test_a_role_that_does_not_exist_is_a_connection_failure_that_names_the_role(cluster):
    url = str(cluster.url("postgres")).replace("postgresql://postgres@", "postgresql://nobody_here@")
    error = refusal(url)
    assert error.key == "db.pg_connect_failed"
    assert "nobody_here" in t(error.key, "zh", **error.params)


@pytest.fixture
def viewer_role(cluster):
    """A login role with no rights on the tables (dropped after: roles belong to the whole cluster)."""
    cluster._admin("drop role if exists museum_test_viewer")
    cluster._admin("create role museum_test_viewer login")
    yield "museum_test_viewer"
    cluster._admin("drop role if exists museum_test_viewer")


def test_a_write_the_role_may_not_make_says_privileges_not_files(cluster, db_path, viewer_role):
    error = refusal(cluster.url(cluster.name_of(db_path), user=viewer_role), write=True)
    assert error.key == "db.role_refused"
    zh, en = (t(error.key, lang, **error.params) for lang in ("zh", "en"))
    assert "只读的" not in zh and "directory" not in en
    assert "权限" in zh and "privilege" in en
