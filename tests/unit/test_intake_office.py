"""Office sheets as offices keep them (issue 10): month rows, titles, units, several sheets, xls/ods, mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from museum import catalog
from museum.intake import ingest
from museum.cli import main
from museum.errors import InputRejected
from museum.intake import present

CORPUS = Path(__file__).resolve().parents[1] / "data" / "intake"
MONTHS_1_TO_3 = {
    ("posts", 1): 403.0, ("posts", 2): 406.0, ("posts", 3): 409.0,
    ("short_videos", 1): 26.0, ("short_videos", 2): 27.0, ("short_videos", 3): 28.0,
    ("online_visits", 1): 315_000.0, ("online_visits", 2): 330_000.0, ("online_visits", 3): 345_000.0,
    ("follower_growth", 1): 1250.0, ("follower_growth", 2): 1300.0, ("follower_growth", 3): 1350.0,
}


def values(analysis) -> dict:
    return {(r.metric_id, int(r.year), None if pd.isna(r.month) else int(r.month)): r.value for r in analysis.observations.itertuples()}


def analyse(name: str, **kw):
    return ingest.analyse((CORPUS / name).read_bytes(), name, **kw)


def test_month_rows_under_a_merged_title_take_the_title_year_and_scale_units():
    result = analyse("good_month_rows_title.xlsx")
    assert (result.status, result.layout, result.source_format, result.year_from) == ("valid", "month_rows", "office_month_rows", "title")
    assert result.period == {"from": "2023-01-01", "to": "2023-06-30"}
    got = values(result)
    assert len(got) == 24
    assert got[("posts", 2023, 6)] == 418.0
    assert got[("online_visits", 2023, 2)] == 330_000.0   # 访问量[万次] 33.0 -> 330,000 次
    assert [n.message("zh") for n in result.notices] == [
        "第 11、12 行是表格下方的说明（如“填表人：”“注：”），已忽略。",
        "第 9 行是合计/小计行，已跳过（合计由看板自动计算）。",
        "以下列未对应到指标，未导入：「图文发布量」（科普图文 (posts)、平台阅读量 (platform_reads)？）。可在上传页面为它们选择指标（会记住），或用 --map 指定。",
    ]
    assert [(u.sheet, u.column, u.suggestions) for u in result.unmatched] == [("运营数据", "图文发布量", ["posts", "platform_reads"])]


@pytest.mark.parametrize("name, year_from", [
    ("good_month_rows.xls", "title"),   # real BIFF .xls
    ("good_month_rows.ods", "sheet"),   # OpenDocument, sheet named 2021年
])
def test_month_rows_in_xls_and_ods(name, year_from):
    result = analyse(name)
    assert (result.status, result.layout, result.year_from, result.errors) == ("valid", "month_rows", year_from, [])
    assert {(m, mo): v for (m, _, mo), v in values(result).items()} == MONTHS_1_TO_3
    assert {int(y) for y in result.observations["year"]} == {2021}


def test_year_column_and_plain_month_numbers():
    result = analyse("good_month_rows_year_column.csv")
    assert (result.layout, result.year_from, len(result.observations)) == ("month_rows", "column", 36)
    assert values(result)[("online_visits", 2022, 12)] == 220_000.0


def test_month_cells_carry_the_year_and_a_unit_line_applies_to_money_columns():
    result = analyse("good_month_rows_cells.csv")
    assert result.year_from == "month"
    assert values(result) == {
        ("posts", 2023, 1): 100.0, ("posts", 2023, 2): 101.0, ("posts", 2023, 3): 102.0, ("posts", 2023, 4): 103.0,
        ("popsci_funding_used", 2023, 1): 2.5, ("popsci_funding_used", 2023, 2): 2.5,
        ("popsci_funding_used", 2023, 3): 2.5, ("popsci_funding_used", 2023, 4): 2.5,
    }


def test_every_sheet_named_by_its_year_hidden_sheet_listed_explanation_skipped():
    result = analyse("good_month_rows_sheets.xlsx")
    assert (result.status, result.year_from) == ("valid", "sheet")
    assert [(s.name, s.status, s.values) for s in result.sheets] == [
        ("说明", "skipped", 0), ("2021年", "read", 12), ("2022年", "read", 8), ("草稿", "hidden", 0)]
    assert result.hidden_sheets == ["草稿"]
    got = values(result)
    assert got[("posts", 2021, 3)] == 409.0 and got[("posts", 2022, 2)] == 406.0
    assert ("posts", 2021, 1) in got and 999999.0 not in got.values()
    table = present.sheets_table(result, "en")
    assert table.values.tolist()[1:] == [
        ["2021年", "read", 12, "month rows (one row per month, one column per metric)"],
        ["2022年", "read", 8, "month rows (one row per month, one column per metric)"],
        ["草稿", "hidden, not read", 0, ""],
    ]


@pytest.mark.parametrize("name", ["good_percent_cells.xlsx", "good_percent_cells.ods"])
def test_percent_cells_are_the_percent_shown(name):
    assert values(analyse(name)) == {("budget_execution_rate", 2021, None): 97.5, ("visitor_satisfaction", 2021, None): 96.0}


def test_a_total_row_that_differs_from_the_months_is_a_warning_with_both_numbers():
    result = analyse("warn_month_rows_total.csv")
    assert result.status == "valid"
    assert result.notices[-1].message("en") == "Row 4, “科普图文”: the total says 9 but the months add up to 7; please check."


def test_a_unit_that_cannot_be_the_metrics_is_an_error_for_the_column():
    result = analyse("bad_header_unit.csv")
    assert [p.as_json("zh") for p in result.errors] == [{
        "row": 1, "column": "科普图文（万元）", "value": "万元",
        "message": "表头单位“万元”不可能是该指标的单位“篇”。请核对这一列是否填错，或改正表头单位。"}]


def test_month_rows_without_any_year_take_the_option_then_say_so():
    assert [p.key for p in analyse("bad_month_rows_no_year.csv").errors] == ["intake.error.no_year_anywhere"] * 2
    given = analyse("bad_month_rows_no_year.csv", year=2021)
    assert (given.status, given.year_from, values(given)) == ("valid", "option", {("posts", 2021, 1): 3.0, ("posts", 2021, 2): 4.0})
    from_name = ingest.analyse((CORPUS / "bad_month_rows_no_year.csv").read_bytes(), "新媒体月报2021.csv")
    assert (from_name.year_from, len(from_name.observations)) == ("file_name", 2)


def test_map_applies_and_a_commit_remembers_it_for_the_institution(con):
    content = (CORPUS / "good_month_rows_title.xlsx").read_bytes()
    mapped = ingest.ingest(con, 1, content, "a.xlsx", actor="test", mapping={"图文发布量": "platform_reads"})
    assert mapped.status == "committed" and mapped.unmatched == []
    assert values(mapped)[("platform_reads", 2023, 1)] == 11.0
    assert ingest.load_aliases(con, 1) == {"图文发布量": "platform_reads"}
    # next month's sheet goes straight through, with no map given
    again = ingest.analyse(content, "b.xlsx", aliases=ingest.load_aliases(con, 1))
    assert again.unmatched == [] and ("platform_reads", 2023, 6) in values(again)
    # the remembered alias goes with its batch
    ingest.rollback(con, mapped.batch_id, actor="test")
    assert ingest.load_aliases(con, 1) == {}


def test_mapping_choices_and_unmatched_table():
    cat = catalog.load()
    choices = present.mapping_choices(cat, "zh")
    assert choices[0] == ("", "忽略此列") and ("posts", "科普图文（篇）") in choices
    assert all(cat[m].kind != "event" for m, _ in choices[1:])
    table = present.unmatched_table(analyse("good_month_rows_title.xlsx"), cat, "zh")
    assert table.values.tolist() == [["运营数据", "图文发布量", "科普图文 (posts)、平台阅读量 (platform_reads)"]]


def test_month_preview_shows_each_month_old_to_new(con):
    ingest.ingest(con, 1, (CORPUS / "good_month_rows_year_column.csv").read_bytes(), "a.csv", actor="test")
    changed = "年份,月份,科普图文\r\n2022,1,301\r\n2022,2,999\r\n2022,13,5\r\n".encode()
    assert ingest.analyse(changed, "x.csv").status == "rejected"
    changed = "年份,月份,科普图文\r\n2022,1,301\r\n2022,2,999\r\n2023,1,5\r\n".encode()
    result = ingest.preview(con, 1, ingest.analyse(changed, "x.csv"))
    table = present.month_preview_table(result.compared, catalog.load(), "zh")
    assert table.values.tolist() == [["科普图文", "全矩阵合计", "301篇", "302篇 → 999篇", "— → 5篇"]]
    assert list(table.columns) == ["指标", "平台", "2022年1月", "2022年2月", "2023年1月"]
    source = present.source_table(result, "en")
    assert source.values.tolist()[:4] == [["Detected format", "office sheet (month rows)"], ["Platform", "whole matrix (total)"],
                                          ["Period covered", "2022-01-01 – 2023-01-31"], ["Year taken from", "the year column"]]


def test_cli_map_year_and_json_keys(db_path, capsys):
    file = str(CORPUS / "bad_month_rows_no_year.csv")
    assert main(["ingest", file, "--db", str(db_path), "--json"]) == 1
    refused = json.loads(capsys.readouterr().out)
    assert (refused["status"], refused["year_from"], refused["source_format"]) == ("rejected", None, "office_month_rows")
    assert main(["ingest", file, "--db", str(db_path), "--json", "--year", "2021", "--map", "科普图文=short_videos"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {k: out[k] for k in ("status", "inserted", "source_format", "platform", "period", "year_from")} == {
        "status": "committed", "inserted": 2, "source_format": "office_month_rows", "platform": None,
        "period": {"from": "2021-01-01", "to": "2021-02-28"}, "year_from": "option"}
    assert main(["values", "--db", str(db_path), "--metric", "short_videos", "--year", "2021", "--json"]) == 0
    stored = json.loads(capsys.readouterr().out)
    assert [(v["month"], v["value"], v["platform"]) for v in stored] == [(1, 3.0, None), (2, 4.0, None)]


def test_cli_lists_unmatched_columns_with_suggestions(db_path, capsys):
    assert main(["ingest", str(CORPUS / "good_month_rows_title.xlsx"), "--db", str(db_path), "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "未对应到指标的列「图文发布量」，建议：posts（科普图文）、platform_reads（平台阅读量）（用 --map \"图文发布量=指标编号\" 指定，或 --map \"图文发布量=\" 忽略）" in captured.err
    assert captured.out.splitlines()[-1] == "格式：办公表格（按月） · 平台：全矩阵合计 · 期间：2023-01-01 – 2023-06-30 · 年份来自：表头上方的标题"


def test_a_map_to_an_unknown_metric_is_a_refusal_not_a_crash():
    result = ingest.analyse((CORPUS / "good_long_utf8.csv").read_bytes(), "x.csv", mapping={"图文发布量": "postz"})
    assert [p.message("en") for p in result.errors] == ["The mapping “图文发布量=postz” names no metric postz. Did you mean: posts?"]
    assert [p.message("zh") for p in result.errors] == ["列映射“图文发布量=postz”中没有编号为 postz 的指标。您是不是要找：posts？"]


def test_cli_bad_map_is_refused(db_path, capsys):
    assert main(["ingest", str(CORPUS / "good_long_utf8.csv"), "--db", str(db_path), "--map", "无等号"]) == 1
    assert capsys.readouterr().err.strip() == "无法理解列映射“无等号”：应写成“列名=指标编号”（如 图文发布量=posts），或“列名=”表示忽略该列。"


def test_metric_names_with_units_in_long_rows_are_matched_and_scaled():
    content = "年份,指标,数值\r\n2021,科普图文（篇）,5\r\n2021,访问量（万次）,3\r\n2021,科普短视频（万元）,3\r\n".encode()
    result = ingest.analyse(content, "x.csv")
    assert [(p.row, p.column, p.value, p.message("zh")) for p in result.errors] == [
        (4, "指标", "科普短视频（万元）", "单位“万元”与该指标的单位“条”不符。")]
    fixed = ingest.analyse(content.rsplit(b"2021,", 1)[0], "x.csv")
    assert values(fixed) == {("posts", 2021, None): 5.0, ("online_visits", 2021, None): 30_000.0}


def test_a_total_column_beside_month_columns_is_skipped_and_checked():
    content = "指标,2021-01,2021-02,合计\r\n科普图文,3,4,9\r\n直播活动,1,1,2\r\n".encode()
    result = ingest.analyse(content, "x.csv")
    assert (result.status, len(result.observations)) == ("valid", 4)
    assert [n.message("zh") for n in result.notices] == [
        "「合计」列是合计列，已跳过。", "第 2 行「科普图文」的合计为 9，而各月之和为 7，两者不一致，请核对。"]


def test_an_html_upload_with_two_tables_reads_the_one_chosen():
    page = ("<html><body><table><tr><td>年份</td><td>指标</td><td>数值</td></tr><tr><td>2023</td><td>posts</td><td>5</td></tr></table>"
            "<table><tr><td>年份</td><td>指标</td><td>数值</td></tr><tr><td>2023</td><td>posts</td><td>7</td></tr></table></body></html>").encode()
    both = ingest.analyse(page, "two.html")
    assert both.sheet_names == ["table 1", "table 2"]
    second = ingest.analyse(page, "two.html", sheet="table 2")
    assert (second.status, values(second)) == ("valid", {("posts", 2023, None): 7.0})
    assert [p.key for p in ingest.analyse(page, "two.html", sheet="table 9").errors] == ["intake.error.unknown_sheet"]
