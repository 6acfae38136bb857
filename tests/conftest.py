"""Shared fixtures: every test gets its own database file in a temporary directory."""

from __future__ import annotations

import shutil

import pytest

from museum import seed
from museum.store import db


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """A database built once per run from the committed inputs; tests get copies of it."""
    path = tmp_path_factory.mktemp("template") / "museum.duckdb"
    with db.session(path) as con:
        seed.init(con)
    return path


@pytest.fixture
def db_path(tmp_path, monkeypatch, seeded_template):
    """A fresh, initialised database (embedded data loaded); MUSEUM_DB points at it."""
    path = tmp_path / "museum.duckdb"
    shutil.copyfile(seeded_template, path)
    monkeypatch.setenv("MUSEUM_DB", str(path))
    return path


@pytest.fixture
def con(db_path):
    with db.session(db_path) as connection:
        yield connection


@pytest.fixture
def empty_db_path(tmp_path, monkeypatch):
    """A database path with nothing in it yet."""
    path = tmp_path / "empty.duckdb"
    monkeypatch.setenv("MUSEUM_DB", str(path))
    return path


@pytest.fixture(autouse=True)
def people_key(monkeypatch):
    """A fixed key for people's hashes: no test writes a key file into the checkout (settings.people_key)."""
    monkeypatch.setenv("MUSEUM_PEOPLE_KEY", "tests-people-key-0123456789")
