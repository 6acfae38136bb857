"""Cached data access for the pages: every read goes through a `museum` function named here.

Results are cached by (database path, reader, parameters, data version). The data version is the
database file's size and modification time, so a write by this server or by the CLI in another
process invalidates the cache on the next render; writes from the pages also call `clear()`.
A cache miss reads through the process's shared read path (museum.store.db.reading): one read-only
instance with a cursor per read, closed when idle so that the CLI can still write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd
import streamlit as st

from museum import institutions, seed, settings
from museum.access import auth, rights
from museum.intake import ingest
from museum.store import audit, db
from museum.sections import FRAMES
from ui import warmup

# Every read a page may make: name -> function(con, **params).
READERS: dict[str, Callable] = {
    "institutions": institutions.table,
    "batches": ingest.history,
    "batch_changes": ingest.batch_changes,
    "stored_file": ingest.stored_file,
    "column_aliases": lambda con, institution_id: ingest.load_aliases(con, institution_id),
    "accounts": auth.list_users,
    "visible_units": rights.visible,
    "accounts_exist": auth.has_accounts,
    "locked_clients": auth.locked_clients,
    "audit_entries": audit.entries,
    "audit_users": audit.users,
    "frame": lambda con, institution_id, name: FRAMES[name](con, institution_id),
}


def db_path() -> Path:
    return settings.db_path()


def session(path: Path | str | None = None):
    """A short write connection (a page's change); the read path is `read`."""
    return db.session(path or db_path())


@st.cache_resource(show_spinner=False)
def ensure_initialised(path: str) -> dict:
    """Migrate and load the embedded data once per server process and database file, and mark
    this process as serving it (a restore refuses while the dashboard serves). With the database
    prepared at server start, this is a check of a built database (a few milliseconds)."""
    warmup.wait()
    with db.session(path) as con:
        result = seed.init(con)
    db.serve(path)
    return result


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(path: str, reader: str, params: tuple, version: tuple):
    with db.reading(path) as con:
        return READERS[reader](con, **dict(params))


def read(reader: str, **params):
    """What READERS[reader] returns for `params`, cached until the database changes."""
    path = db_path()
    ensure_initialised(str(path))
    return _cached(str(path), reader, tuple(sorted(params.items())), db.data_version(path))


def frame(institution_id: int, name: str) -> pd.DataFrame:
    """A section frame (museum.sections.FRAMES) of one institution."""
    return read("frame", institution_id=institution_id, name=name)


def accounts_exist() -> bool:
    return read("accounts_exist")


def clear() -> None:
    """Forget every cached result (call after any write)."""
    _cached.clear()
