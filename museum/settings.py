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
SESSION_TIMEOUT_MINUTES = Setting(
    "MUSEUM_SESSION_TIMEOUT_MINUTES", "30", "A signed-in session without activity for this long is signed out."
)
SIGN_IN_MAX_FAILURES = Setting(
    "MUSEUM_SIGN_IN_MAX_FAILURES", "5", "Consecutive failed sign-ins for one user name before it is locked."
)
SIGN_IN_LOCK_MINUTES = Setting(
    "MUSEUM_SIGN_IN_LOCK_MINUTES", "15", "How long a user name stays locked after too many failed sign-ins."
)
BCRYPT_ROUNDS = Setting(
    "MUSEUM_BCRYPT_ROUNDS", "12", "bcrypt cost of new password hashes (each +1 doubles the time; tests use 4)."
)
BACKUP_DIR = Setting(
    "MUSEUM_BACKUP_DIR", str(ROOT / "data" / "backups"), "Where the admin page's backup button writes snapshots."
)
XLSX_MAX_UNCOMPRESSED_MB = Setting(
    "MUSEUM_XLSX_MAX_UNCOMPRESSED_MB", "200", "Largest total uncompressed size an uploaded .xlsx may declare, in MB."
)

ALL = [
    DB_PATH,
    DB_WAIT_SECONDS,
    QUERY_TIMEOUT_SECONDS,
    MAX_UPLOAD_MB,
    LANGUAGE,
    SESSION_TIMEOUT_MINUTES,
    SIGN_IN_MAX_FAILURES,
    SIGN_IN_LOCK_MINUTES,
    BCRYPT_ROUNDS,
    BACKUP_DIR,
    XLSX_MAX_UNCOMPRESSED_MB,
]


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


def session_timeout_minutes() -> float:
    return float(SESSION_TIMEOUT_MINUTES.get())


def sign_in_max_failures() -> int:
    return int(SIGN_IN_MAX_FAILURES.get())


def sign_in_lock_minutes() -> float:
    return float(SIGN_IN_LOCK_MINUTES.get())


def backup_dir() -> Path:
    return Path(BACKUP_DIR.get())


def xlsx_max_uncompressed_bytes() -> int:
    return int(float(XLSX_MAX_UNCOMPRESSED_MB.get()) * 1024 * 1024)


def bcrypt_rounds() -> int:
    return int(BCRYPT_ROUNDS.get())
