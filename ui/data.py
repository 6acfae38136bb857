"""Cached data access for the pages.

Results are cached by (database path, query name, parameters, data version). The data version
is the database file's size and modification time, so a write by this server or by the CLI in
another process invalidates the cache on the next render; writes from the pages also call
`clear()` at once.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from museum import db, seed, settings


def db_path() -> Path:
    return settings.db_path()


def data_version(path: Path) -> tuple:
    stamps = []
    for candidate in (path, Path(str(path) + ".wal")):
        try:
            info = os.stat(candidate)
            stamps.append((info.st_size, info.st_mtime_ns))
        except FileNotFoundError:
            stamps.append(None)
    return tuple(stamps)


@st.cache_resource(show_spinner=False)
def ensure_initialised(path: str) -> dict:
    """Migrate and load the embedded data once per server process and database file."""
    with db.session(path) as con:
        return seed.init(con)


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_query(path: str, name: str, params: tuple, version: tuple) -> pd.DataFrame:
    with db.session(path) as con:
        return db.query(con, name, **dict(params))


def query(name: str, **params) -> pd.DataFrame:
    """A named query's rows, cached until the database changes."""
    path = db_path()
    ensure_initialised(str(path))
    return _cached_query(str(path), name, tuple(sorted(params.items())), data_version(path))


def clear() -> None:
    """Forget every cached result (call after any write)."""
    _cached_query.clear()
