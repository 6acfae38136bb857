"""Reviewing and committing a parsed report: corrections, batches, duplicates, rollback, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from museum import seed
from museum.report import importer as report_import, parser as report_parser
from museum.store import batches, db, migrations
from museum.cli import main
from museum.report.parser import review

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "report"
SEED_REPORT = seed.SEED_DIR / "annual-report-2024" / "report.txt"


def parse(path: Path) -> report_parser.ParsedReport:
    return report_parser.parse_bytes(path.read_bytes(), path.name)


def current(con, metric_id: str, year: int, institution: str):
    institution_id = batches.institution_id(con, institution, create=False)
    found = db.query(con, "report_prior_value", institution_id=institution_id, metric_id=metric_id, year=year)
    return None if found.empty else float(found["value"].iloc[0])


# ---------------------------------------------------------------------------------------------
# Review tables


def test_review_tables_list_fields_then_metrics():
    tables = review.review_tables(parse(DATA / "label_value.txt"), "en")
    figures = tables["figures"]
    assert list(figures.columns) == review.FIGURE_COLUMNS
    assert list(figures["key"][:4]) == ["name", "purpose", "address", "legal_representative"]
    row = figures[figures["key"] == "onsite_visitors"].iloc[0]
    assert (row["name"], row["value"], row["qualifier"], row["unit"]) == ("On-site visitors", "350000", "at_least", "visitors")
    assert row["sentence"] == "2023年，全年接待观众超过35万人次，举办临时展览6个，开展研学活动120场。"


def test_corrections_are_read_like_the_report():
    parsed = parse(DATA / "pipe_multi.txt")
    tables = review.review_tables(parsed)
    figures = tables["figures"]
    figures.loc[figures["key"] == "online_visits", "value"] = "超200万"
    figures.loc[figures["key"] == "headcount", "value"] = "47"
    figures.loc[figures["key"] == "posts", "keep"] = False
    added = pd.DataFrame([{"key": "visitor_satisfaction", "value": "98%", "qualifier": None, "sentence": "同比增长8%", "keep": True}])
    tables["figures"] = pd.concat([figures, added], ignore_index=True)
    tables["awards"].loc[2, "count"] = 3
    dataset, errors = review.to_dataset(parsed, tables)
    assert errors == []
    values = {o["metric_id"]: (o["value"], o["qualifier"]) for o in dataset.observations}
    assert values["online_visits"] == (2_000_000, "at_least")
    assert values["headcount"] == (47, "exact")
    assert values["visitor_satisfaction"] == (98, "exact")
    assert "posts" not in values
    profile = {p["field"]: p["value"] for p in dataset.profile}
    assert profile["headcount"] == "47" and profile["startup_capital"] == "120万元"
    assert dataset.awards[2]["count"] == 3
    assert (dataset.institution, dataset.year) == ("青岚市科技馆", 2022)


def test_every_review_problem_is_listed_with_row_column_and_reason():
    parsed = parse(DATA / "pipe_multi.txt")
    tables = review.review_tables(parsed)
    figures = tables["figures"]
    figures.loc[figures["key"] == "lectures", "value"] = "很多"
    figures.loc[figures["key"] == "name", "value"] = ""
    tables["awards"].loc[0, "level"] = "county"
    tables["research"].loc[1, "count"] = 0
    dataset, errors = review.to_dataset(parsed, tables)
    assert dataset is None
    lectures_row = int(figures.index[figures["key"] == "lectures"][0]) + 1
    assert errors == [
        {"row": f"字段与指标表第 {lectures_row}", "column": "数值", "value": "很多", "message": "不是数字（可写 5528、超500万、约3000）"},
        {"row": "获奖表第 1", "column": "级别", "value": "county", "message": "不是允许的取值：国家级 / 省级 / 市级"},
        {"row": "科研表第 2", "column": "数量", "value": "0", "message": "数量须为正整数"},
        {"row": None, "column": "单位名称", "value": "", "message": "缺少单位名称：请在审核表中填写“单位名称”后再导入。"},
    ]
    shown = review.errors_table(errors, "zh")
    assert list(shown.columns) == ["位置", "列", "内容", "问题"]
    assert shown.iloc[3].tolist() == ["", "单位名称", "", "缺少单位名称：请在审核表中填写“单位名称”后再导入。"]
    _, errors = review.to_dataset(parsed, tables, "en")
    assert errors[1] == {"row": "awards, row 1", "column": "Level", "value": "county", "message": "is not one of: National / Provincial / Municipal"}


# ---------------------------------------------------------------------------------------------
# Committing


def test_new_institution_is_created_and_the_report_is_one_batch(con):
    parsed = parse(DATA / "pipe_multi.txt")
    outcome = report_import.commit(con, parsed, actor="张三")
    assert outcome["status"] == "committed"
    assert (outcome["inserted"], outcome["updated"], outcome["unchanged"], outcome["skipped"]) == (37, 0, 0, 4)
    assert outcome["warnings"][0] == "将新建机构“青岚市科技馆”。"
    assert current(con, "onsite_visitors", 2022, "青岚市科技馆") == 126000
    batch = db.query(con, "batch_by_id", batch_id=outcome["batch_id"]).iloc[0]
    assert (batch["kind"], batch["user_name"], batch["file_name"]) == ("report", "张三", "pipe_multi.txt")
    assert batch["file_sha256"] == batches.sha256((DATA / "pipe_multi.txt").read_bytes())
    assert list(outcome) == list(report_import.RESULT_KEYS)


def test_identical_file_again_is_a_duplicate_and_changes_nothing(con):
    parsed = parse(DATA / "pipe_multi.txt")
    first = report_import.commit(con, parsed, actor="test")
    count = db.scalar(con, "batch_count")
    again = report_import.commit(con, parse(DATA / "pipe_multi.txt"), actor="test")
    assert again["status"] == "duplicate" and again["batch_id"] is None
    assert again["warnings"] == [f"同一文件已由批次 #{first['batch_id']} 导入，未做任何修改。"]
    assert db.scalar(con, "batch_count") == count


def test_the_seed_report_itself_is_already_in(con):
    assert report_import.commit(con, parse(SEED_REPORT), actor="test")["status"] == "duplicate"


def test_changes_against_stored_figures_and_rollback(con):
    parsed = parse(SEED_REPORT)
    tables = review.review_tables(parsed)
    figures = tables["figures"]
    figures.loc[figures["key"] == "posts", "value"] = "5600"
    dataset, _ = review.to_dataset(parsed, tables)
    plan = report_import.preview(con, dataset)
    statuses = dict(zip(plan["observations"]["metric_id"], plan["observations"]["status"]))
    assert statuses["posts"] == "changed" and statuses["short_videos"] == "unchanged"
    assert list(plan["observations"]["status"]).count("unchanged") == 19
    table = report_import.change_table(plan["observations"], "zh")
    assert table[table["status"] == "修改"].to_dict("records") == [{"metric": "科普图文", "old": "5528篇", "new": "5600篇", "status": "修改"}]
    outcome = report_import.commit(con, parsed, dataset, edited=True, actor="test")
    # 19 other values, 16 profile fields, 8 awards, 8 honours and 9 research items are already there as they are
    assert (outcome["status"], outcome["inserted"], outcome["updated"], outcome["unchanged"]) == ("committed", 0, 1, 60)
    assert outcome["warnings"] == ["5 个数字未能归类，不会导入：两个、十八部、十六部、百名、两项。请在审核表中补录。"]
    assert current(con, "posts", 2024, "西安市科学技术馆") == 5600
    with db.transaction(con, institution=batches.institution_of(con, outcome["batch_id"])):
        batches.rollback(con, outcome["batch_id"])
    assert current(con, "posts", 2024, "西安市科学技术馆") == 5528
    assert len(db.query(con, "awards_by_year", institution_id=1)) == 8


def test_assets_that_do_not_follow_on_are_warned(con):
    text = (DATA / "missing_labels.txt").read_text(encoding="utf-8").replace("北沙市科普中心", "西安市科学技术馆").replace("2020", "2025")
    parsed = report_parser.parse_text(text, file_name="next.txt")
    outcome = report_import.commit(con, parsed, dry_run=True, actor="test")
    assert outcome["status"] == "valid"
    assert "2025 年年初数 20.5 万元与 2024 年年末数 59.27 万元不一致，请核对。" in outcome["warnings"]


# ---------------------------------------------------------------------------------------------
# Command line


def cli(*args):
    """The real entry point in a fresh interpreter."""
    env = {"PATH": "/usr/bin:/bin", "MUSEUM_LANG": "zh"}
    return subprocess.run([sys.executable, "-m", "museum", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)


def run_main(capsys, *args) -> tuple[int, str, str]:
    """The same command in this process (faster for the cases after the first)."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_parse_report_json_contract():
    done = cli("parse-report", str(DATA / "label_value.txt"), "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert list(out) == ["year", "institution", "metrics", "awards", "honors", "research", "unplaced"]
    assert out["year"] == 2023 and out["institution"]["headcount"] == 58
    assert out["metrics"][4] == {
        "metric": "onsite_visitors", "value": 350000, "qualifier": "at_least", "unit": "人次",
        "sentence": "2023年，全年接待观众超过35万人次，举办临时展览6个，开展研学活动120场。",
    }
    assert out["honors"] == [{"title": "文明单位", "subject": None, "awarded_by": "江南省", "level": "provincial",
                              "sentence": "荣获江南省文明单位称号。"}]


def test_parse_report_refuses_other_files_with_a_reason(capsys):
    code, out, err = run_main(capsys, "parse-report", str(DATA / "not_a_report.txt"), "--json", "--lang", "en")
    assert code == 1 and out == ""
    assert err.strip() == (
        "not_a_report.txt does not look like a 事业单位法人年度报告: only 0 registration fields were found "
        "(at least 3 are needed, e.g. 单位名称, 住所, 法定代表人, 开办资金)."
    )
    code, _, err = run_main(capsys, "parse-report", str(DATA / "nothing-here.txt"), "--lang", "zh")
    assert code == 1 and err.strip() == f"找不到文件 {DATA / 'nothing-here.txt'}。请检查路径。"


def test_import_report_commits_then_reports_duplicate(tmp_path, capsys, monkeypatch):
    from museum.access import auth
    from museum.store import db

    path = tmp_path / "cli.duckdb"
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")
    with db.session(path) as con:
        migrations.migrate(con)
        auth.add_user(con, "李四", "editor", "password-1", actor="test")
    code, out, _ = run_main(capsys, "import-report", str(DATA / "cell_per_line.txt"), "--db", str(path), "--user", "李四", "--json",
                                "--new-institution")  # an empty database: the report's unit is new (issue 24)
    assert code == 0
    result = json.loads(out)
    assert list(result) == list(report_import.RESULT_KEYS)
    assert (result["status"], result["encoding"], result["layout"], result["skipped"]) == ("committed", "utf-8", "cell_per_line", 1)
    code, out, _ = run_main(capsys, "import-report", str(DATA / "cell_per_line.txt"), "--db", str(path), "--json")
    again = json.loads(out)
    assert (code, again["status"], again["batch_id"], again["inserted"]) == (0, "duplicate", None, 0)
    code, out, _ = run_main(capsys, "import-report", str(DATA / "not_a_report.txt"), "--db", str(path), "--json")
    rejected = json.loads(out)
    assert (code, rejected["status"], rejected["errors"][0]["value"]) == (1, "rejected", "not_a_report.txt")
    code, out, err = run_main(capsys, "import-report", str(DATA / "label_value_utf16.txt"), "--db", str(path), "--lang", "en",
                                "--new-institution")
    assert code == 0 and out.startswith("Imported as batch #")
    assert "A new institution “江汀市自然科学博物馆” will be created." in err


def test_rows_added_in_the_editor_count_and_empty_ones_are_ignored():
    parsed = parse(DATA / "cell_per_line.txt")
    tables = review.review_tables(parsed)
    blank = {"key": None, "value": None, "keep": None}
    added = {"key": "onsite_visitors", "value": "约5000", "qualifier": None, "sentence": "服务学生约5000人次", "keep": None}
    tables["figures"] = pd.concat([tables["figures"], pd.DataFrame([blank, added])], ignore_index=True)
    tables["honors"] = pd.concat([tables["honors"], pd.DataFrame([{"title": None, "keep": None}])], ignore_index=True)
    dataset, errors = review.to_dataset(parsed, tables)
    assert errors == [] and dataset.honors == []
    assert dataset.observations[-1] == {"metric_id": "onsite_visitors", "year": 2021, "month": None, "value": 5000, "qualifier": "approx",
                                        "note": None, "sentence": "服务学生约5000人次"}
