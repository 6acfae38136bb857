"""`python -m museum ingest | batches | rollback`: JSON contract, exit codes, busy database, crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from museum import settings
from museum.store import db
from museum.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "data" / "intake"
JSON_KEYS = ["status", "batch_id", "inserted", "updated", "unchanged", "skipped", "encoding", "layout", "warnings", "errors",
             "source_format", "platform", "period", "year_from"]


def run_cli(*args, env=None, timeout=60):
    return subprocess.run([sys.executable, "-m", "museum", *args], capture_output=True, text=True,
                          cwd=settings.ROOT, env={**os.environ, **(env or {})}, timeout=timeout)


def counts(path):
    with db.session(path) as con:
        return (con.execute("select count(*) from batch").fetchall()[0][0],
                con.execute("select count(*) from observation").fetchall()[0][0])


def add_account(path, name, role="editor"):
    from museum.access import auth

    with db.session(path) as con:
        auth.add_user(con, name, role, "password-1", actor="test")


def test_ingest_json_committed_then_duplicate(db_path, capsys, monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")
    add_account(db_path, "张三")
    file = str(CORPUS / "good_long_gbk.csv")
    assert main(["ingest", file, "--db", str(db_path), "--json", "--user", "张三"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == JSON_KEYS
    assert out == {"status": "committed", "batch_id": 2, "inserted": 5, "updated": 0, "unchanged": 0, "skipped": 0,
                   "encoding": "gbk", "layout": "long", "warnings": [], "errors": [],
                   "source_format": "office_long", "platform": None, "period": {"from": "2023-01-01", "to": "2023-12-31"},
                   "year_from": "column"}
    assert main(["ingest", file, "--db", str(db_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "duplicate"
    assert counts(db_path) == (2, 25)  # the seed's 20 observations and the file's 5
    with db.session(db_path) as con:
        assert con.execute("select user_name from batch where batch_id = 2").fetchall() == [("张三",)]


def test_ingest_user_must_be_an_existing_account(db_path, capsys):
    before = counts(db_path)
    assert main(["ingest", str(CORPUS / "good_long_gbk.csv"), "--db", str(db_path), "--user", "王伟"]) == 2
    assert "没有名为“王伟”的账号" in capsys.readouterr().err
    assert counts(db_path) == before


def test_ingest_rejected_lists_every_error_exit_1(db_path, capsys):
    before = counts(db_path)
    assert main(["ingest", str(CORPUS / "bad_many_errors.csv"), "--db", str(db_path), "--json", "--lang", "en"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert (out["status"], out["batch_id"], out["encoding"], out["layout"]) == ("rejected", None, "gbk", "long")
    assert [(e["row"], e["column"], e["value"]) for e in out["errors"]] == [
        (3, "指标", "科普图问"), (4, "数值", "很多"), (5, "月份", "14"), (6, "年份", "1990"), (7, "数值", "-1")]
    assert out["errors"][2]["message"] == "The month must be between 1 and 12."
    assert counts(db_path) == before


def test_ingest_text_output_zh(db_path, capsys):
    assert main(["ingest", str(CORPUS / "bad_not_a_number.csv"), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "bad_not_a_number.csv 有 1 个问题，未写入任何数据："
    assert err[1] == "  第 2 行「数值」列：“很多” 不是数字。可写 5528、5,528、500万、超500万、约3000；未填报请留空或写“-”。"


def test_dry_run_writes_nothing(db_path, capsys):
    before = counts(db_path)
    assert main(["ingest", str(CORPUS / "warn_jump.csv"), "--db", str(db_path), "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["status"], out["batch_id"], out["inserted"]) == ("valid", None, 3)
    assert out["warnings"] == ["1 个数值与上年同期相差超过 10 倍，请核对（行:指标 期间 本期 / 上年）：3:科普图文 2023 4,870 / 480"]
    assert counts(db_path) == before


def test_unreadable_path_exit_1(db_path, capsys):
    assert main(["ingest", "/nonexistent/file.csv", "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.strip() == "无法读取文件 /nonexistent/file.csv：No such file or directory"


def test_batches_and_rollback(db_path, capsys):
    main(["ingest", str(CORPUS / "good_long_utf8.csv"), "--db", str(db_path), "--json"])
    capsys.readouterr()
    assert main(["batches", "--db", str(db_path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(b["batch_id"], b["kind"], b["file_name"], b["inserted"]) for b in listed] == [(2, "upload", "good_long_utf8.csv", 5), (1, "seed", "report.txt", 61)]
    assert main(["rollback", "2", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.strip() == "已回滚批次 #2（回滚记录为批次 #3），数值已恢复到该批次之前。"
    assert main(["rollback", "2", "--db", str(db_path), "--lang", "en"]) == 1
    assert capsys.readouterr().err.strip() == "Batch #2 was already rolled back by batch #3."
    assert main(["rollback", "99", "--db", str(db_path)]) == 1
    assert main(["batches", "--db", str(db_path)]) == 0
    table = capsys.readouterr().out
    assert "已被 #3 回滚" in table and "回滚了 #2" in table


@pytest.mark.duckdb_only  # the DuckDB file lock
def test_busy_database_exit_3_names_the_holder(db_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(60)", str(db_path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        before = time.monotonic()
        result = run_cli("ingest", str(CORPUS / "good_long_utf8.csv"), "--db", str(db_path), "--json", env={"MUSEUM_DB_WAIT_SECONDS": "1"})
        assert result.returncode == 3
        assert f"(PID {holder.pid})" in result.stderr
        assert result.stderr.startswith(f"数据库 {db_path} 正被另一个程序占用")
        assert time.monotonic() - before >= 1
    finally:
        holder.kill()
        holder.wait()
    assert counts(db_path) == (1, 20)


CRASH_CHILD = textwrap.dedent('''
    import sys, time
    from museum.intake import ingest
    from museum.store import batches, db
    point = sys.argv[3]

    def pause_after(name):
        original = getattr(batches, name)
        def wrapped(*args, **kwargs):
            result = original(*args, **kwargs)
            if point == name:
                print("at", name, flush=True)
                time.sleep(60)
            return result
        setattr(batches, name, wrapped)

    for name in ("create_batch", "write_observations", "finish_batch"):
        pause_after(name)
    con = db.connect(sys.argv[1])
    content = open(sys.argv[2], "rb").read()
    analysis = ingest.analyse(content, "big.csv")
    print("committing", flush=True)
    ingest.commit(con, 1, analysis, actor="crash")
    print("committed", flush=True)
    time.sleep(60)
''')


def big_file(path: Path) -> int:
    """Every month of 2000..2023 for every flow metric: one file, thousands of values."""
    from museum import catalog

    flows = [m.metric_id for m in catalog.load() if m.kind == "flow"]
    lines = ["年份,月份,指标,数值"] + [f"{y},{mo},{m},{(y - 1999) * 10 + mo}" for m in flows for y in range(2000, 2024) for mo in range(1, 13)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="gbk")
    return len(lines) - 1


@pytest.mark.parametrize("point", ["create_batch", "write_observations", "finish_batch", "committing", "committed"])
def test_sigkill_during_commit_is_all_or_nothing(db_path, tmp_path, point):
    file = tmp_path / "big.csv"
    rows = big_file(file)
    child = subprocess.Popen([sys.executable, "-c", CRASH_CHILD, str(db_path), str(file), point],
                             stdout=subprocess.PIPE, text=True, cwd=settings.ROOT)
    try:
        marker = "committing" if point == "committing" else ("committed" if point == "committed" else f"at {point}")
        while True:
            line = child.stdout.readline()
            assert line, "the ingest process ended before the kill point"
            if line.strip() == marker:
                break
        if point == "committing":
            time.sleep(0.05)  # somewhere inside the commit itself
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    with db.session(db_path) as con:
        uploads = con.execute("select batch_id, inserted from batch where kind = 'upload'").fetchall()
        written = con.execute("select count(*) from observation where batch_id <> 1").fetchall()[0][0]
        stored = con.execute("select count(*) from stored_file").fetchall()[0][0]
    nothing, everything = ([], 0, 1), ([(2, rows)], rows, 2)
    expected = {"committed": [everything], "committing": [nothing, everything]}.get(point, [nothing])
    assert (uploads, written, stored) in expected
