"""The CLI contract: `init`, `kpis --json` keys, --db after the subcommand, exit codes."""

import json
import subprocess
import sys

import pytest

from museum import settings
from museum.store import migrations
from museum.cli import main
from museum.present import KPI_JSON_KEYS


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "museum", *args], capture_output=True, text=True,
                          cwd=settings.ROOT, env=env)


def test_kpis_json_contract(db_path, capsys):
    assert main(["kpis", "--year", "2024", "--json", "--db", str(db_path)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert all(tuple(r) == KPI_JSON_KEYS for r in records)
    by_metric = {r["metric"]: r for r in records}
    assert by_metric["posts"] == {
        "metric": "posts", "name_zh": "科普图文", "name_en": "Science posts", "unit": "篇", "kind": "flow",
        "year": 2024, "value": 5528.0, "qualifier": "exact", "prior_year": 2023, "prior_value": None,
        "change": None, "change_pct": None,
        "source": "本年度“科普西安”融媒体矩阵共发布各类科普图文5528篇,科普短视频356条,各类直播活动7场次,总访问量超500万次,粉丝增长2万余人。",
        "basis_months": None, "of_prior_year_pct": None,
        # issue 17: a year period has no 环比, and says why
        "period": "2024", "previous_period": None, "previous_value": None, "previous_change_pct": None,
        "previous_reason": "period_year",
    }
    assert by_metric["online_visits"]["value"] == 5_000_000 and by_metric["online_visits"]["qualifier"] == "at_least"
    assert by_metric["volunteer_reserve"]["qualifier"] == "approx"
    assert {m: by_metric[m]["value"] for m in ("awards_total", "awards_national", "awards_provincial", "awards_municipal",
                                                 "papers_published", "assets_year_start", "assets_year_end")} == {
        "awards_total": 11, "awards_national": 4, "awards_provincial": 4, "awards_municipal": 3,
        "papers_published": 4, "assets_year_start": 63.1, "assets_year_end": 59.27}
    assert "全国密码科普竞赛一等奖1项" in by_metric["awards_total"]["source"]


def test_kpis_table_is_readable(db_path, capsys):
    assert main(["kpis", "--year", "2024", "--db", str(db_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Science posts" in out and "5,528 posts" in out and "no data for the prior year" in out


def test_kpis_for_a_year_without_data(db_path, capsys):
    assert main(["kpis", "--year", "2019", "--json", "--db", str(db_path)]) == 1
    result = capsys.readouterr()
    assert json.loads(result.out) == []
    assert result.err.strip() == "2019年没有任何数据。有数据的年份：2024"
    assert main(["kpis", "--year", "2019", "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.strip() == "2019年没有任何数据。有数据的年份：2024"


def test_init_twice_through_the_real_entry_point(tmp_path):
    path = tmp_path / "cli.duckdb"
    first = run_cli("init", "--db", str(path))
    second = run_cli("init", "--db", str(path))
    count = len(migrations.migrations())  # every numbered file in queries/migrations/
    assert first.returncode == 0 and f"应用迁移 {count} 个，载入内置数据批次 1 个" in first.stdout
    assert second.returncode == 0 and "应用迁移 0 个，载入内置数据批次 0 个" in second.stdout


def test_db_from_environment(tmp_path):
    path = tmp_path / "env.duckdb"
    result = run_cli("init", env={**__import__("os").environ, "MUSEUM_DB": str(path)})
    assert result.returncode == 0 and path.exists()


def test_closed_pipe_ends_quietly(db_path):
    reader = subprocess.Popen(["head", "-1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    writer = subprocess.run([sys.executable, "-m", "museum", "kpis", "--year", "2024", "--json", "--db", str(db_path)],
                            stdout=reader.stdin, stderr=subprocess.PIPE, text=True, cwd=settings.ROOT)
    reader.stdin.close()
    reader.wait()
    assert "Traceback" not in writer.stderr and writer.returncode == 0


def test_usage_error_exits_2():
    assert run_cli("kpis").returncode == 2
    assert run_cli("no-such-command").returncode == 2


def test_unknown_institution_is_a_usage_error(db_path, capsys):
    assert main(["kpis", "--year", "2024", "--institution", "不存在的馆", "--db", str(db_path)]) == 2
    assert "没有名为“不存在的馆”的机构" in capsys.readouterr().err


@pytest.mark.duckdb_only
def test_busy_database_exits_3(db_path):
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db_path)!r}); print('held', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        env = {**__import__("os").environ, "MUSEUM_DB_WAIT_SECONDS": "0.5"}
        result = run_cli("kpis", "--year", "2024", "--db", str(db_path), "--lang", "en", env=env)
        assert result.returncode == 3
        assert f"is in use by another program" in result.stderr and f"PID {holder.pid}" in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_demo_marks_data_and_can_be_removed(db_path, capsys):
    assert main(["demo", "--db", str(db_path)]) == 0
    assert "示例数据" in capsys.readouterr().out
    assert main(["kpis", "--year", "2024", "--json", "--db", str(db_path)]) == 0
    posts = next(r for r in json.loads(capsys.readouterr().out) if r["metric"] == "posts")
    assert posts["value"] == 5528 and posts["prior_value"] is not None and posts["change_pct"] is not None
    assert main(["demo", "--db", str(db_path)]) == 1  # already loaded: refused, nothing doubled
    capsys.readouterr()
    assert main(["demo", "--remove", "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["kpis", "--year", "2024", "--json", "--db", str(db_path)]) == 0
    posts = next(r for r in json.loads(capsys.readouterr().out) if r["metric"] == "posts")
    assert posts["prior_value"] is None
