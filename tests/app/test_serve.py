"""ui/serve.py (`make run`) and ui/warmup.py: the database is built as soon as the server listens,
the first page run waits for that instead of doing it twice, and without a preparation (plain
`streamlit run dashboard.py`) nothing waits."""

import socket
import threading
import time

import pytest

from museum.store import db
from ui import data, serve, warmup


@pytest.fixture
def listening():
    """A socket listening on 127.0.0.1, as the server does once it has started."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@pytest.fixture(autouse=True)
def no_preparation_left(monkeypatch):
    """Each test starts from the module's state without a preparation (plain streamlit run)."""
    monkeypatch.setattr(warmup, "_done", threading.Event())
    warmup._done.set()
    monkeypatch.setattr(warmup, "_claimed", True)


def test_without_a_preparation_the_first_run_does_not_wait():
    started = time.monotonic()
    warmup.wait()
    assert time.monotonic() - started < 1


def test_the_database_is_built_once_the_server_listens(tmp_path, monkeypatch, listening):
    path = tmp_path / "fresh.duckdb"
    monkeypatch.setenv("MUSEUM_DB", str(path))
    warmup.start("127.0.0.1", listening)
    assert warmup._done.wait(timeout=60)
    with db.session(path, read_only=True) as con:
        assert db.scalar(con, "batch_count") >= 1  # the embedded 2024 report is there


def test_the_first_run_waits_for_a_preparation_under_way(tmp_path, monkeypatch):
    path = tmp_path / "fresh.duckdb"
    monkeypatch.setenv("MUSEUM_DB", str(path))
    warmup._done.clear()
    monkeypatch.setattr(warmup, "_claimed", True)  # the thread has begun its work
    finished = []
    waiting = threading.Thread(target=lambda: finished.append(data.ensure_initialised.__wrapped__(str(path))))
    waiting.start()
    waiting.join(timeout=0.5)
    assert waiting.is_alive() and not path.exists()  # nothing done twice while the preparation runs
    warmup._done.set()
    waiting.join(timeout=60)
    assert finished and path.exists()


def test_a_first_run_before_the_server_listens_does_the_work_itself(tmp_path, monkeypatch):
    monkeypatch.setenv("MUSEUM_DB", str(tmp_path / "fresh.duckdb"))
    monkeypatch.setattr(warmup, "LISTEN_SECONDS", 0.5)
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    warmup.start("127.0.0.1", port)
    started = time.monotonic()
    warmup.wait()  # the run claims the work: it does not wait for the thread
    assert time.monotonic() - started < 0.4
    time.sleep(0.8)
    assert not (tmp_path / "fresh.duckdb").exists()  # and the thread, having lost the claim, did nothing


def test_a_failed_preparation_is_left_to_the_first_run(tmp_path, monkeypatch, listening):
    (tmp_path / "a-file").write_text("not a directory")
    monkeypatch.setenv("MUSEUM_DB", str(tmp_path / "a-file" / "museum.duckdb"))
    warmup.start("127.0.0.1", listening)
    assert warmup._done.wait(timeout=60)  # the first run is not kept waiting; it meets the error itself


@pytest.mark.parametrize(("args", "env", "expected"), [
    (["--server.port", "9000"], {}, "9000"),
    (["--server.port=9001", "--server.headless", "true"], {}, "9001"),
    ([], {"STREAMLIT_SERVER_PORT": "9002"}, "9002"),
    ([], {}, "8501"),
])
def test_the_port_is_read_as_streamlit_reads_it(args, env, expected, monkeypatch):
    monkeypatch.delenv("STREAMLIT_SERVER_PORT", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert serve.option(args, "port", "8501") == expected
