"""The store engines a bench runs on: DuckDB (a file) and PostgreSQL (a private cluster of scripts/pg.sh).

`--engine duckdb|postgresql|both` (default: both where PostgreSQL is installed, else duckdb).
A PostgreSQL bench starts its own cluster in a temporary directory and always stops it and
removes the directory, even when the bench fails or is interrupted (Ctrl-C): nothing is left
running. fsync stays on (MUSEUM_PG_FSYNC unset), so a commit costs what it costs in service,
as DuckDB's checkpointed file does.
"""

from __future__ import annotations

import glob
import math
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "pg.sh"
ENGINES = ("duckdb", "postgresql")


def postgresql_installed() -> bool:
    return any(os.access(path, os.X_OK) for path in glob.glob("/usr/lib/postgresql/*/bin/initdb"))


def add_argument(parser) -> None:
    parser.add_argument("--engine", choices=(*ENGINES, "both"), default=None,
                        help="the store engine(s) to measure (default: both where PostgreSQL is installed, else duckdb)")


def chosen(value: str | None) -> list[str]:
    """The engines to run, DuckDB first (it is the baseline every PostgreSQL figure is read against)."""
    if value is None:
        value = "both" if postgresql_installed() else "duckdb"
    if value == "both":
        return list(ENGINES)
    if value == "postgresql" and not postgresql_installed():
        raise SystemExit("PostgreSQL is not installed here (Debian: apt-get install -y postgresql); run with --engine duckdb")
    return [value]


class Cluster:
    """A running private cluster; `database(name)` makes a new empty database and answers its URL."""

    def __init__(self, directory: Path, admin_url: str):
        self.dir = directory
        self.admin_url = admin_url

    def database(self, name: str):
        from museum import settings
        from museum.store import pg_databases

        return settings.DatabaseUrl(pg_databases.create_database(self.admin_url, name))

    def database_url(self, name: str):
        """The URL of the existing database `name`."""
        from museum import settings
        from museum.store import pg_databases

        return settings.DatabaseUrl(pg_databases.database_url(self.admin_url, name))

    def version(self) -> str:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as con:
            return str(con.execute("show server_version").fetchone()[0])


@contextmanager
def cluster(prefix: str = "bench-pg-") -> Iterator[Cluster]:
    """Start a private cluster (scripts/pg.sh start) and always stop it and remove its directory."""
    directory = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        started = subprocess.run([str(SCRIPT), "start", str(directory)], capture_output=True, text=True)
        if started.returncode != 0:
            raise SystemExit(f"scripts/pg.sh start {directory} failed:\n{started.stderr}")
        yield Cluster(directory, started.stdout.strip())
    finally:
        subprocess.run([str(SCRIPT), "stop", str(directory)], capture_output=True)
        shutil.rmtree(directory, ignore_errors=True)


def load_line() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def p95(values: list[float]) -> float:
    """The 95th percentile by nearest rank (of 2 values: the larger; of 64: the 61st)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
