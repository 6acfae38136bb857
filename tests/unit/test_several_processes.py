"""Issue 25: what several dashboard processes on one PostgreSQL database share (docs/deployment.md §9).

Each test starts real processes (`python -c`) together on one database: every dashboard process
runs museum.seed.init at start (ui/data.py ensure_initialised), counts failed sign-ins in shared
rows, and may make the database's session key on its first sign-in. On DuckDB one process has the
file open for writing at a time, so these tests are PostgreSQL's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from museum import seed, settings
from museum.access import auth, sessions, throttle
from museum.store import db, migrations

pytestmark = pytest.mark.usefixtures("pg_only")
PROCESSES = 3
ATTEMPTS = 8


@pytest.fixture
def pg_only(engine):
    if engine != "postgresql":
        pytest.skip("several processes on one database need PostgreSQL: a DuckDB file has one writing process")


def together(url, code: str, **env: str) -> list[str]:
    """Run `code` in PROCESSES Python processes; their outputs (each must exit 0). The code calls
    `start()` where the processes begin together: each says it is ready, and all are let go at once."""
    script = "import sys\ndef start():\n    print('ready', flush=True)\n    sys.stdin.readline()\n" + textwrap.dedent(code)
    base = {**os.environ, "MUSEUM_DB": str(url), "MUSEUM_BCRYPT_ROUNDS": "4", **env}
    processes = [subprocess.Popen([sys.executable, "-c", script], cwd=settings.ROOT, env=base, text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(PROCESSES)]
    try:
        ready = [process.stdout.readline() for process in processes]
        for process in processes:
            process.stdin.write("go\n")
            process.stdin.flush()
        outputs = [process.communicate(timeout=120) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert ready == ["ready\n"] * PROCESSES and [p.returncode for p in processes] == [0] * PROCESSES, \
        [err[-1500:] for _, err in outputs]
    return [out for out, _ in outputs]


def test_processes_starting_together_on_a_new_database_build_it_once(empty_db_path):
    outputs = together(empty_db_path, """
        from museum import seed, settings
        from museum.store import db
        start()
        with db.session(settings.db_path()) as con:
            result = seed.init(con)
        print(len(result["migrations"]), len(result["seed_batches"]))
    """)
    built = [line.split() for line in outputs if line.split() != ["0", "0"]]
    assert len(built) == 1, outputs  # one process built it, the others found it built
    with db.session(empty_db_path) as con:
        assert migrations.pending_migrations(con) == []
        assert db.scalar(con, "batch_count") == int(built[0][1]) > 0
        assert seed.init(con) == {"migrations": [], "seed_batches": []}


def test_failed_sign_ins_through_several_processes_are_each_counted(db_path):
    with db.session(db_path) as con:
        auth.add_user(con, "ed", "editor", "password-1", actor="test")
    together(db_path, """
        from museum import settings
        from museum.access import auth
        from museum.errors import MuseumError
        from museum.store import db
        with db.session(settings.db_path()) as con:
            start()
            for _ in range(ATTEMPTS):
                try:
                    auth.sign_in(con, "ed", "wrong-password", client="10.0.0.7")
                except MuseumError as exc:
                    assert exc.key == "auth.sign_in_failed", exc.key
                else:
                    raise AssertionError("a wrong password signed in")
    """.replace("ATTEMPTS", str(ATTEMPTS)), MUSEUM_SIGN_IN_MAX_FAILURES="100", MUSEUM_SIGN_IN_CLIENT_MAX_FAILURES="100")
    with db.session(db_path) as con:
        assert throttle.account(con, "ed", "10.0.0.7").failures == ATTEMPTS * PROCESSES
        assert throttle.client(con, "10.0.0.7").failures == ATTEMPTS * PROCESSES


def test_first_sign_ins_in_several_processes_share_one_session_key(db_path):
    with db.session(db_path) as con:
        auth.add_user(con, "ed", "editor", "password-1", actor="test")
        assert db.scalar(con, "auth_secret_get", name="session_key") is None
    tokens = together(db_path, """
        from museum import settings
        from museum.access import auth, sessions
        from museum.store import db
        with db.session(settings.db_path()) as con:
            user = auth.get_user(con, "ed")
            start()
            sessions.ensure_key(con)
            with db.transaction(con):
                print(sessions.issue(con, user.name, user.credential_version, auth.utc_now())[0])
    """)
    with db.session(db_path) as con:  # each process's token resumes here, in another process
        assert [getattr(sessions.resume(con, token.strip(), auth.utc_now()), "name", None) for token in tokens] \
            == ["ed"] * PROCESSES
