"""The private PostgreSQL cluster of a test run (`pytest --engine postgresql`), through scripts/pg.sh.

One cluster per run, in a directory of its own under /tmp (as root, scripts/pg.sh runs the server
as `postgres`, which must reach the directory: pytest's own tmp directories are private to
root). fsync is off: a test database is thrown away. Each test gets a database created from the
seeded template (CREATE DATABASE … TEMPLATE copies files, far faster than seeding again) and
dropped after it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

from museum import settings
from museum.store import views

SCRIPT = settings.ROOT / "scripts" / "pg.sh"


class Cluster:
    """The run's cluster: started here and stopped at the end, or — when MUSEUM_TEST_PG_DIR names
    a cluster that scripts/pg.sh already started (scripts/test.sh: `make test`) — that one, used
    as it is and left to whoever started it."""

    def __init__(self):
        given = os.environ.get("MUSEUM_TEST_PG_DIR")
        self.owned = not given
        self.dir = Path(given) if given else Path(tempfile.mkdtemp(prefix="museum-pg-"))
        self.admin_url = ""

    def __enter__(self) -> "Cluster":
        if not self.owned:
            self.admin_url = subprocess.run([str(SCRIPT), "url", str(self.dir)], check=True, capture_output=True,
                                            text=True).stdout.strip()
            return self
        env = {**os.environ, "MUSEUM_PG_FSYNC": "off"}
        try:
            self.admin_url = subprocess.run([str(SCRIPT), "start", str(self.dir)], check=True, capture_output=True,
                                            text=True, env=env).stdout.strip()
        except subprocess.CalledProcessError as exc:
            self.stop()
            raise RuntimeError(f"scripts/pg.sh start failed: {exc.stderr}") from exc
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if not self.owned:
            return
        subprocess.run([str(SCRIPT), "stop", str(self.dir)], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, name: str, user: str = "postgres") -> settings.DatabaseUrl:
        return settings.DatabaseUrl(f"postgresql://{user}@/{name}?host={self.dir}/socket")

    def _admin(self, statement: str) -> None:
        with psycopg.connect(self.admin_url, autocommit=True) as con:
            con.execute(statement)

    def create(self, name: str, *, template: str | None = None) -> settings.DatabaseUrl:
        suffix = f' template "{template}"' if template else ""
        self._admin(f'drop database if exists "{name}" with (force)')
        if template:
            views.wait()  # this process's refresh of the comparison's view (museum.store.views) ends first
            # a template may have no other session (a process's kept data-version connection)
            self._admin(f"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{template}'")
        self._admin(f'create database "{name}"{suffix}')
        return self.url(name)

    @staticmethod
    def name_of(url: str) -> str:
        return urlsplit(str(url)).path.lstrip("/")

    def drop(self, url: str) -> None:
        self._admin(f'drop database if exists "{self.name_of(url)}" with (force)')

    def names(self) -> list[str]:
        with psycopg.connect(self.admin_url, autocommit=True) as con:
            return [row[0] for row in con.execute("select datname from pg_database").fetchall()]

    def drop_with_kept(self, url: str) -> None:
        """Drop the database at `url` and those a restore kept beside it (NAME_before_restore_…)."""
        name = self.name_of(url)
        for found in self.names():
            if found == name or found.startswith(name + "_before_restore_"):
                self._admin(f'drop database if exists "{found}" with (force)')


class NewDatabaseUrl(settings.DatabaseUrl):
    """A database of the test cluster that may not exist yet: exists() asks the server."""

    cluster: Cluster

    def exists(self) -> bool:
        return self.cluster.name_of(self) in self.cluster.names()
