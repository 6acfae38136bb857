"""Every setting the project reads, declared once with its default and a help line.

Values come from the environment and are read inside functions, never at import time, so a
test can point one process at a fresh database by setting MUSEUM_DB.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str

    def get(self) -> str:
        value = os.environ.get(self.env, "").strip()
        return value or self.default


DB_PATH = Setting("MUSEUM_DB", str(ROOT / "data" / "museum.duckdb"), "DuckDB database file.")
DB_WAIT_SECONDS = Setting(
    "MUSEUM_DB_WAIT_SECONDS", "5", "How long to wait for a database another process holds."
)
QUERY_TIMEOUT_SECONDS = Setting(
    "MUSEUM_QUERY_TIMEOUT_SECONDS", "20", "A named query is interrupted after this many seconds."
)
MAX_UPLOAD_MB = Setting("MUSEUM_MAX_UPLOAD_MB", "50", "Largest upload accepted, in MB.")
LANGUAGE = Setting("MUSEUM_LANG", "zh", "Default language of the CLI and the UI: zh or en.")

ALL = [DB_PATH, DB_WAIT_SECONDS, QUERY_TIMEOUT_SECONDS, MAX_UPLOAD_MB, LANGUAGE]


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database path: an explicit one (--db), else MUSEUM_DB, else data/museum.duckdb."""
    return Path(explicit) if explicit else Path(DB_PATH.get())


def db_wait_seconds() -> float:
    return float(DB_WAIT_SECONDS.get())


def query_timeout_seconds() -> float:
    return float(QUERY_TIMEOUT_SECONDS.get())


def max_upload_bytes() -> int:
    return int(float(MAX_UPLOAD_MB.get()) * 1024 * 1024)


def language() -> str:
    lang = LANGUAGE.get()
    return lang if lang in ("zh", "en") else "zh"
