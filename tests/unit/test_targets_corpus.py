"""The generated 绩效目标表 corpus: what each file produces, the CLI contracts, rollback, no change on error."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from museum.intake import ingest
from museum.store import batches, db
from museum.cli import main
from museum.targets import importer, store

CORPUS = Path(__file__).resolve().parents[1] / "data" / "targets"
LIST_KEYS = ["indicator", "level1", "level2", "operator", "target", "unit", "weight", "metric", "actual",
             "actual_qualifier", "completion_pct", "score", "note"]
LINKS = {
    "“科普西安”融媒体矩阵发布科普图文": "posts", "全国科普日专题活动": None, "新媒体总访问量": "online_visits",
    "免费开放天数": "open_days", "项目支出预算": None, "“三探五进”公益行科普活动": "outreach_events",
    "科普服务社会影响": None, "服务对象满意度": "visitor_satisfaction",
}
BARE_XLSX = "2 个指标值未写比较方式，按“≥”（不少于）处理（第 6、7 行）；如不对请在审核中修改。"
BARE_CSV = "2 个指标值未写比较方式，按“≥”（不少于）处理（第 5、6 行）；如不对请在审核中修改。"


def read(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def test_regenerating_the_corpus_changes_no_byte(tmp_path):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".py"}
    script = (CORPUS / "make_corpus.py").read_text(encoding="utf-8")
    copy = tmp_path / "make_corpus.py"
    copy.write_text(script, encoding="utf-8")
    subprocess.run([sys.executable, str(copy)], check=True, capture_output=True)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir() if p.suffix != ".py"}
    assert after == before and len(before) == 8


@pytest.mark.parametrize("name, encoding, bare", [("good_merged.xlsx", "xlsx", BARE_XLSX), ("good_legacy.xls", "xls", None),
                                                  ("good_gbk.csv", "gbk", BARE_CSV)])
def test_good_sheets_read_alike(name, encoding, bare):
    parsed = importer.parse(read(name), name, 2024)
    assert parsed.status == "valid" and parsed.errors == []
    assert parsed.sheet.encoding == encoding and parsed.links == LINKS and parsed.weight_total == 80
    # merged 一级/二级 cells are filled down within the table
    assert [(r["level1"], r["level2"]) for r in parsed.records] == [
        ("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"),
        ("产出指标", "成本指标"), ("效益指标", "社会效益指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
    assert [(r["operator"], r["target_value"], r["unit"]) for r in parsed.records] == [
        (">=", 6000, "篇"), (">=", 10, "场"), (">=", 4_500_000, "次"), ("=", 300, "天"), ("<=", 1100, "万元"),
        (">=", 50, "场"), ("qualitative", None, None), (">=", 99, "%")]
    assert parsed.sheet.unit_name == "西安市科学技术馆" and parsed.sheet.title_year == 2024
    if bare is not None:
        assert [n.message("zh") for n in parsed.notices] == [bare]


def test_budget_figures_are_read_from_above_the_header():
    assert importer.parse(read("good_merged.xlsx"), "x.xlsx", 2024).budget == {
        "initial_budget": 1040, "full_year_budget": 1100, "executed": 1050}


@pytest.mark.parametrize("name, errors", [
    ("bad_relative.xlsx", [{"row": 10, "column": "指标值", "value": "较上年提高", "message":
                            "“较上年提高”是与上年相比的说法，无法计算完成率：请写出具体数值（如 ≥5600篇），定性指标写“达到预期”。"}]),
    ("bad_duplicate.csv", [{"row": 9, "column": "三级指标", "value": "“科普西安”融媒体矩阵发布科普图文", "message":
                            "三级指标「“科普西安”融媒体矩阵发布科普图文」与第 4 行重复：每个指标只能出现一次，请改名或合并。"}]),
    ("bad_unit_link.csv", [{"row": 5, "column": "关联指标", "value": "posts", "message":
                            "关联指标“科普图文”以“篇”计，与目标的单位“场”不符：请改正目标的单位，或关联其他指标、留空不关联。"}]),
    ("bad_no_header.csv", [{"row": None, "column": None, "value": None, "message":
                            "前 20 行中没有找到表头（需要“三级指标”“指标值”“分值”三列）：请使用绩效目标表的标准表头，或下载空白模板填写。"}]),
])
def test_bad_sheets_are_refused_with_row_and_column(name, errors, db_path, capsys):
    before = _state(db_path)
    code = main(["targets", "import", str(CORPUS / name), "--year", "2024", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1 and result["status"] == "rejected" and result["batch_id"] is None
    assert result["errors"] == errors
    after = _state(db_path)
    assert after["targets"] == before["targets"] and after["batches"] == before["batches"]
    assert after["audit"][-1] == "upload_rejected"


def test_weights_not_adding_up_to_80_warn_with_the_sum():
    parsed = importer.parse(read("bad_weight_total.csv"), "w.csv", 2024)
    assert parsed.status == "valid"
    assert [n.message("zh") for n in parsed.notices] == [
        BARE_CSV, "各指标分值合计 75 分，应为 80 分（预算执行率另计 20 分）：请核对分值。"]
    assert parsed.notices[1].message("en") == (
        "The indicators' points add up to 75, not 80 (budget execution counts another 20): check the points.")


def _state(path) -> dict:
    with db.session(path) as con:
        return {"targets": con.execute("select count(*) from target").fetchall()[0][0],
                "batches": con.execute("select count(*) from batch").fetchall()[0][0],
                "audit": [r[0] for r in con.execute("select action from audit order by audit_id").fetchall()]}


def test_import_json_contract_then_list(db_path, capsys):
    assert main(["targets", "import", str(CORPUS / "good_merged.xlsx"), "--year", "2024", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result)[:6] == ["status", "batch_id", "inserted", "updated", "unchanged", "skipped"]
    assert (result["status"], result["inserted"], result["updated"], result["unchanged"], result["skipped"]) == ("committed", 8, 0, 0, 1)
    assert result["links"] == LINKS and result["errors"] == [] and result["budget"] == {
        "initial_budget": 1040, "full_year_budget": 1100, "executed": 1050}
    assert main(["targets", "list", "--year", "2024", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert all(list(row) == LIST_KEYS for row in listed)
    by_name = {row["indicator"]: row for row in listed}
    assert by_name["“科普西安”融媒体矩阵发布科普图文"] == {
        "indicator": "“科普西安”融媒体矩阵发布科普图文", "level1": "产出指标", "level2": "数量指标", "operator": ">=",
        "target": 6000, "unit": "篇", "weight": 15, "metric": "posts", "actual": 5528, "actual_qualifier": "exact",
        "completion_pct": 92.1, "score": 13.82, "note": None}
    # 超500万 against 450万: met, at least 111%
    visits = by_name["新媒体总访问量"]
    assert (visits["actual"], visits["actual_qualifier"], visits["completion_pct"], visits["score"]) == (5_000_000, "at_least", 111.1, 10)
    outreach = by_name["“三探五进”公益行科普活动"]
    assert (outreach["actual"], outreach["actual_qualifier"], outreach["completion_pct"], outreach["score"]) == (50, "at_least", 100.0, 10)
    pending = by_name["全国科普日专题活动"]
    assert (pending["actual"], pending["completion_pct"], pending["score"]) == (None, None, None)


def test_import_twice_is_a_duplicate_and_rollback_is_exact(con):
    institution = 1
    first = importer.import_file(con, institution, read("good_merged.xlsx"), "t.xlsx", 2024, actor="tester")
    assert first.status == "committed"
    again = importer.import_file(con, institution, read("good_merged.xlsx"), "t.xlsx", 2024, actor="tester")
    assert again.status == "duplicate" and again.batch_id is None
    assert [n.message("zh") for n in again.notices][-1] == f"这个文件已由批次 #{first.batch_id} 导入为 2024 年的目标，未作修改。"
    # the csv is the same sheet: nothing changes
    same = importer.import_file(con, institution, read("good_gbk.csv"), "t.csv", 2024, actor="tester")
    assert (same.status, same.counts.unchanged) == ("duplicate", 8)
    # a changed sheet: one indicator changed (全国科普日专题活动 10 -> 5 分), the rest unchanged
    changed = importer.import_file(con, institution, read("bad_weight_total.csv"), "w.csv", 2024, actor="tester")
    assert (changed.status, changed.counts.inserted, changed.counts.updated, changed.counts.unchanged) == ("committed", 0, 1, 7)
    assert {r["indicator"]: r["weight"] for r in store.year_targets(con, institution, 2024)}["全国科普日专题活动"] == 5
    ingest.rollback(con, changed.batch_id, actor="tester")
    assert {r["indicator"]: r["weight"] for r in store.year_targets(con, institution, 2024)}["全国科普日专题活动"] == 10
    ingest.rollback(con, first.batch_id, actor="tester")
    assert store.year_targets(con, institution, 2024) == [] and store.year_budget(con, institution, 2024) is None


def test_rollback_refused_while_a_later_edit_changed_the_import(con):
    from museum.errors import InputRejected
    from museum.targets import edit

    first = importer.import_file(con, 1, read("good_merged.xlsx"), "t.xlsx", 2024, actor="tester")
    row = next(r for r in store.year_targets(con, 1, 2024) if r["indicator"] == "全国科普日专题活动")
    edit.set_actual(con, 1, row["target_id"], "8", note="活动台账", actor="tester")
    with pytest.raises(InputRejected) as error:
        batches.rollback(con, first.batch_id)
    assert error.value.key == "batches.rollback_conflict"


def test_reimport_keeps_what_was_entered(con):
    from museum.targets import edit

    importer.import_file(con, 1, read("good_merged.xlsx"), "t.xlsx", 2024, actor="tester")
    row = next(r for r in store.year_targets(con, 1, 2024) if r["indicator"] == "全国科普日专题活动")
    edit.set_actual(con, 1, row["target_id"], "12", note="活动台账", actor="tester")
    edit.set_deviation(con, 1, store.year_targets(con, 1, 2024)[1]["target_id"], "超额完成", actor="tester")
    importer.import_file(con, 1, read("bad_weight_total.csv"), "w.csv", 2024, actor="tester")
    kept = next(r for r in store.year_targets(con, 1, 2024) if r["indicator"] == "全国科普日专题活动")
    assert (kept["weight"], kept["actual_value"], kept["actual_note"], kept["deviation"]) == (5, 12, "活动台账", "超额完成")


def test_dry_run_writes_nothing(db_path, capsys):
    before = _state(db_path)
    assert main(["targets", "import", str(CORPUS / "good_gbk.csv"), "--year", "2024", "--dry-run", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["status"], result["inserted"], result["batch_id"]) == ("valid", 8, None)
    assert _state(db_path) == before


def test_self_evaluation_cli_writes_the_workbook(db_path, tmp_path, capsys):
    assert main(["targets", "import", str(CORPUS / "good_merged.xlsx"), "--year", "2024"]) == 0
    capsys.readouterr()
    out = tmp_path / "自评表.xlsx"
    assert main(["self-evaluation", "--year", "2024", "--out", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"Wrote {out}: 8 indicators, 65 points assessed, score 62.91, no grade yet.\n"
    assert out.read_bytes().startswith(b"PK")
    report = tmp_path / "自评报告.docx"   # the Word 自评报告 by the file's suffix (issue 18 item 26)
    assert main(["self-evaluation", "--year", "2024", "--out", str(report)]) == 0
    capsys.readouterr()
    from docx import Document
    assert Document(str(report)).paragraphs[0].text == "2024年度部门整体支出绩效自评报告"
    assert main(["self-evaluation", "--year", "2023", "--out", str(out)]) == 1
    assert capsys.readouterr().err == "2023 年没有绩效目标，无法生成自评表：请先导入绩效目标表。\n"
