"""Shared fixtures: every test gets its own database — a file in a temporary directory, or with
`--engine postgresql` a database of its own in a private PostgreSQL cluster (issue 25).

MUSEUM_TEST_PG_ROLE=writer (PostgreSQL only) builds the template with the admin step
`museum.store.pg_roles.prepare` (objects owned by museum_owner, row-level security) and gives the
tests' `db_path` as the app's role museum_writer: the tests then prove every write path they take
names its institution (docs/deployment.md §5b)."""

from __future__ import annotations

import itertools
import os
import shutil

import pytest

from museum import seed
from museum.store import db, pg_roles
from tests import pg_cluster


def pytest_addoption(parser):
    parser.addoption("--engine", choices=("duckdb", "postgresql"), default="duckdb",
                     help="the store the tests run against (postgresql: a private cluster started by scripts/pg.sh)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--engine") != "postgresql":
        return
    skip = pytest.mark.skip(reason="about the DuckDB file itself (duckdb_only)")
    for item in items:
        if item.get_closest_marker("duckdb_only"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def engine(request) -> str:
    return request.config.getoption("--engine")


@pytest.fixture(scope="session")
def pg_server(engine, tmp_path_factory):
    """The private cluster of this run (started once, stopped at the end), or None on DuckDB."""
    if engine != "postgresql":
        yield None
        return
    with pg_cluster.Cluster() as cluster:
        yield cluster


_NUMBERS = itertools.count(1)


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory, pg_server):
    """A database built once per run from the committed inputs; tests get copies of it."""
    if pg_server is not None:
        url = pg_server.create("museum_template")
    else:
        url = tmp_path_factory.mktemp("template") / "museum.duckdb"
    with db.session(url) as con:
        if as_writer(pg_server):
            pg_roles.prepare(con, seed.init)
        else:
            seed.init(con)
    return url


def as_writer(pg_server) -> bool:
    return pg_server is not None and os.environ.get("MUSEUM_TEST_PG_ROLE") == "writer"


@pytest.fixture
def db_path(tmp_path, monkeypatch, seeded_template, pg_server):
    """A fresh, initialised database (embedded data loaded); MUSEUM_DB points at it."""
    if pg_server is not None:
        path = pg_server.create(f"test_{next(_NUMBERS)}", template="museum_template")
        if as_writer(pg_server):
            path = pg_server.url(pg_server.name_of(path), user=pg_roles.WRITER)
    else:
        path = tmp_path / "museum.duckdb"
        shutil.copyfile(seeded_template, path)
    monkeypatch.setenv("MUSEUM_DB", str(path))
    yield path
    if pg_server is not None:
        pg_server.drop(path)


@pytest.fixture
def copy_database(tmp_path, pg_server):
    """copy_database(source, name): a copy of the database `source` (a file, or a database of the
    test cluster), named `name`, dropped after the test."""
    made = []

    def copy(source, name: str):
        if pg_server is None:
            path = tmp_path / f"{name}.duckdb"
            shutil.copyfile(source, path)
            return path
        url = pg_server.create(f"{name}_{next(_NUMBERS)}", template=pg_server.name_of(source))
        made.append(url)
        return url

    yield copy
    for url in made:
        pg_server.drop(url)


@pytest.fixture
def new_database(tmp_path, pg_server):
    """new_database(name): where a database that does not exist yet would be (a restore's
    target): a file path, or a URL in the test cluster whose exists() asks the server. Dropped
    after the test, with any database a restore kept beside it."""
    made = []

    def new(name: str):
        if pg_server is None:
            return tmp_path / f"{name}.duckdb"
        url = pg_cluster.NewDatabaseUrl(pg_server.url(f"{name}_{next(_NUMBERS)}"))
        url.cluster = pg_server
        made.append(url)
        return url

    yield new
    for url in made:
        pg_server.drop_with_kept(url)


@pytest.fixture
def con(db_path):
    with db.session(db_path) as connection:
        yield connection


@pytest.fixture
def empty_db_path(tmp_path, monkeypatch, pg_server):
    """A database with nothing in it yet."""
    if pg_server is not None:
        path = pg_server.create(f"empty_{next(_NUMBERS)}")
    else:
        path = tmp_path / "empty.duckdb"
    monkeypatch.setenv("MUSEUM_DB", str(path))
    yield path
    if pg_server is not None:
        pg_server.drop(path)


@pytest.fixture(autouse=True)
def people_key(monkeypatch):
    """A fixed key for people's hashes: no test writes a key file into the checkout (settings.people_key)."""
    monkeypatch.setenv("MUSEUM_PEOPLE_KEY", "tests-people-key-0123456789")

