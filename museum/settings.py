"""Every setting the project reads, declared once with its default and a help line.

Values come from the environment and are read inside functions, never at import time, so a
test can point one process at a fresh database by setting MUSEUM_DB.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str

    def get(self) -> str:
        value = os.environ.get(self.env, "").strip()
        return value or self.default


DB_PATH = Setting("MUSEUM_DB", str(ROOT / "data" / "museum.duckdb"), "DuckDB database file, or a postgresql:// URL (the PostgreSQL store).")
DB_READER = Setting(
    "MUSEUM_DB_READER", "",
    "PostgreSQL store only: a postgresql:// URL of the same database as the read-only role (museum_reader); "
    "the dashboard's reads use it. Unset: reads use MUSEUM_DB.",
)
DB_WAIT_SECONDS = Setting(
    "MUSEUM_DB_WAIT_SECONDS", "5", "How long to wait for a database another process holds."
)
QUERY_TIMEOUT_SECONDS = Setting(
    "MUSEUM_QUERY_TIMEOUT_SECONDS", "20", "A named query is interrupted after this many seconds."
)
MAX_UPLOAD_MB = Setting("MUSEUM_MAX_UPLOAD_MB", "50", "Largest upload accepted, in MB.")
LANGUAGE = Setting("MUSEUM_LANG", "zh", "Default language of the CLI and the UI: zh or en.")
TIME_ZONE = Setting(
    "MUSEUM_TIME_ZONE", "Asia/Shanghai", "The institution's time zone (IANA name): every time a person reads is shown in it."
)
SESSION_TIMEOUT_MINUTES = Setting(
    "MUSEUM_SESSION_TIMEOUT_MINUTES", "30", "A signed-in session without activity for this long is signed out."
)
SESSION_DAYS = Setting(
    "MUSEUM_SESSION_DAYS", "7",
    "A sign-in survives reloads of the browser for this many days (0: never; sign-out ends it at once).",
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
DB_READER_IDLE_SECONDS = Setting(
    "MUSEUM_DB_READER_IDLE_SECONDS",
    "0.5",
    "The server's shared read-only database stays open this long after its last read (then the CLI may write).",
)
SIGN_IN_CLIENT_MAX_FAILURES = Setting(
    "MUSEUM_SIGN_IN_CLIENT_MAX_FAILURES",
    "20",
    "Failed sign-ins from one client address (any user names) within the lock period before that address is locked.",
)
TRUSTED_PROXY_HEADER = Setting(
    "MUSEUM_TRUSTED_PROXY_HEADER",
    "",
    "Behind a reverse proxy: the request header that names the client (e.g. X-Forwarded-For; its last entry is used). "
    "Empty: the connection's own address. Set it only when the proxy is the only way in.",
)
BACKUP_KEY = Setting(
    "MUSEUM_BACKUP_KEY",
    "",
    "Secret that signs backup manifests (HMAC-SHA256), at least 16 characters; else [museum_backup] key in the secrets file.",
)
SECRETS_FILE = Setting(
    "MUSEUM_SECRETS_FILE", str(ROOT / ".streamlit" / "secrets.toml"), "The server's secrets file (never committed)."
)
PEOPLE_KEY = Setting(
    "MUSEUM_PEOPLE_KEY",
    "",
    "Secret that turns a volunteer's ID number into a keyed hash (HMAC-SHA256), at least 16 characters; else [museum_people] "
    "key in the secrets file, else a key generated once into people.key beside the secrets file.",
)
FAULT_KILL_AT = Setting(
    "MUSEUM_FAULT_KILL_AT",
    "",
    "Tests only: the process kills itself (SIGKILL) at this named point of a write (see museum.store.faults.fault_point).",
)

ALL = [
    DB_PATH,
    DB_WAIT_SECONDS,
    QUERY_TIMEOUT_SECONDS,
    MAX_UPLOAD_MB,
    LANGUAGE,
    TIME_ZONE,
    SESSION_TIMEOUT_MINUTES,
    SESSION_DAYS,
    SIGN_IN_MAX_FAILURES,
    SIGN_IN_LOCK_MINUTES,
    BCRYPT_ROUNDS,
    BACKUP_DIR,
    XLSX_MAX_UNCOMPRESSED_MB,
    DB_READER_IDLE_SECONDS,
    SIGN_IN_CLIENT_MAX_FAILURES,
    TRUSTED_PROXY_HEADER,
    BACKUP_KEY,
    SECRETS_FILE,
    PEOPLE_KEY,
    FAULT_KILL_AT,
]


class DatabaseUrl(str):
    """A PostgreSQL database named by URL (`postgresql://…`) where a DuckDB file path would be.

    Callers pass the database around as the value of `db_path()` and ask it little more than
    `exists()` and `absolute()`; this answers those as a path would, so that the choice of
    engine stays inside museum.store (issue 25). The server decides whether the database exists:
    `exists()` is True and a connection that fails says why.
    """

    engine = "postgresql"

    def absolute(self) -> "DatabaseUrl":
        return self

    def exists(self) -> bool:
        return True

    @property
    def name(self) -> str:
        return self.split("?", 1)[0].rsplit("/", 1)[-1] or "postgres"


def is_database_url(value) -> bool:
    return isinstance(value, str) and value.startswith(("postgresql://", "postgres://"))


def db_path(explicit: str | os.PathLike | None = None) -> Path | DatabaseUrl:
    """The database: an explicit one (--db), else MUSEUM_DB, else data/museum.duckdb. A path is a
    DuckDB file; a `postgresql://` URL selects the PostgreSQL store (a DatabaseUrl)."""
    value = explicit if explicit else DB_PATH.get()
    if isinstance(value, DatabaseUrl):
        return value
    if is_database_url(value):
        return DatabaseUrl(value)
    return Path(value)


def db_reader_url(path: "Path | DatabaseUrl") -> "Path | DatabaseUrl":
    """The database the shared read path opens for `path`: MUSEUM_DB_READER (the read-only role's
    URL) when it is set and `path` is MUSEUM_DB's database (the dashboard's), else `path` itself."""
    reader = DB_READER.get()
    if not reader or not isinstance(path, DatabaseUrl) or path != db_path():
        return path
    if not is_database_url(reader):
        raise ValueError(f"MUSEUM_DB_READER is not a postgresql:// URL: {reader!r}")
    return DatabaseUrl(reader)


def db_wait_seconds() -> float:
    return float(DB_WAIT_SECONDS.get())


def query_timeout_seconds() -> float:
    return float(QUERY_TIMEOUT_SECONDS.get())


def max_upload_bytes() -> int:
    return int(float(MAX_UPLOAD_MB.get()) * 1024 * 1024)


def language() -> str:
    lang = LANGUAGE.get()
    return lang if lang in ("zh", "en") else "zh"


def time_zone() -> ZoneInfo:
    """The institution's time zone; an unknown name is refused with the setting's name."""
    name = TIME_ZONE.get()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{TIME_ZONE.env}={name!r} is not a time zone name (e.g. Asia/Shanghai)") from exc


def session_timeout_minutes() -> float:
    return float(SESSION_TIMEOUT_MINUTES.get())


def session_days() -> float:
    return max(float(SESSION_DAYS.get()), 0.0)


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


def db_reader_idle_seconds() -> float:
    return float(DB_READER_IDLE_SECONDS.get())


def sign_in_client_max_failures() -> int:
    return int(SIGN_IN_CLIENT_MAX_FAILURES.get())


def trusted_proxy_header() -> str | None:
    return TRUSTED_PROXY_HEADER.get() or None


def secrets() -> dict:
    """The server's secrets file as a dict (empty when there is none)."""
    import tomllib

    path = Path(SECRETS_FILE.get())
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        from museum.errors import UsageError

        raise UsageError("settings.bad_secrets", path=str(path), detail=str(exc).splitlines()[0]) from exc


def backup_key() -> str | None:
    """The backup signing key: MUSEUM_BACKUP_KEY, else `[museum_backup] key` in the secrets file."""
    key = BACKUP_KEY.get()
    if key:
        return key
    section = secrets().get("museum_backup", {})
    found = section.get("key") if isinstance(section, dict) else None
    return found.strip() if isinstance(found, str) and found.strip() else None


def people_key() -> bytes:
    """The per-install key of people's hashes: MUSEUM_PEOPLE_KEY, else `[museum_people] key` in the
    secrets file, else people.key beside the secrets file, generated (owner-only) on first use.
    Kept out of the database: a copy of the database alone cannot test ID numbers against the hashes."""
    key = PEOPLE_KEY.get()
    if not key:
        section = secrets().get("museum_people", {})
        found = section.get("key") if isinstance(section, dict) else None
        key = found.strip() if isinstance(found, str) else ""
    if key:
        if len(key) < 16:  # a short key is guessed with the ID numbers; refuse it rather than hash with it
            from museum.errors import UsageError

            raise UsageError("settings.people_key_short", length=len(key))
        return key.encode("utf-8")
    return _generated_key(Path(SECRETS_FILE.get()).with_name("people.key"))


def _generated_key(path: Path) -> bytes:
    import secrets as random_source

    from museum.errors import UsageError

    try:
        try:
            return path.read_bytes().strip()
        except FileNotFoundError:
            pass
        key = random_source.token_hex(32).encode("ascii")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:  # exclusive creation: of two processes creating it at once, both end with the one written
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_bytes().strip()
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(key)
        return key
    except OSError as exc:
        raise UsageError("settings.people_key_unwritable", path=str(path), detail=exc.strerror or str(exc)) from exc


def fault_kill_at() -> str:
    return FAULT_KILL_AT.get()
