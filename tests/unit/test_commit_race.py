"""Two tabs committing the same file at the same moment (issue 20, item 9): the second is told the
file is already imported as batch #N, not "cannot open the database"; a database error shown to a
visitor is logged with its detail."""

from __future__ import annotations

import logging
import threading

from museum.intake import ingest
from museum.store import db
from museum.errors import DatabaseError

CONTENT = "年份,指标,数值\n2023,posts,100\n".encode("utf-8")


def test_the_second_of_two_simultaneous_commits_is_told_the_batch(db_path):
    readings = [ingest.analyse(CONTENT, "月报.csv") for _ in range(2)]
    with db.session(db_path) as con:
        for reading in readings:
            ingest.preview(con, 1, reading)
    barrier, outcomes = threading.Barrier(2), []

    def commit(reading):
        with db.session(db_path) as con:
            barrier.wait()
            try:
                result = ingest.commit(con, 1, reading, actor="test")
                outcomes.append((result.status, result.batch_id or result.duplicate_of))
            except Exception as exc:  # noqa: BLE001 — recorded and failed below
                outcomes.append((type(exc).__name__, getattr(exc, "key", str(exc))))

    threads = [threading.Thread(target=commit, args=(reading,)) for reading in readings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(status for status, _ in outcomes)
    assert statuses == ["committed", "duplicate"], outcomes
    assert len({batch for _, batch in outcomes}) == 1  # "already imported as batch #N": the same N
    with db.session(db_path, read_only=True) as con:
        assert con.execute("select count(*) from batch where file_name = '月报.csv'").fetchone()[0] == 1


def test_a_database_error_shown_to_a_visitor_is_logged(caplog):
    from ui import blocks

    problem = DatabaseError("intake.error.commit_failed", detail="disk full at /srv/museum/museum.duckdb")
    with caplog.at_level(logging.WARNING, logger="museum.ui"):
        blocks.refusal(problem, "zh")
    assert any("disk full at /srv/museum/museum.duckdb" in r.getMessage() for r in caplog.records)
