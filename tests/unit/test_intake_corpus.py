"""Every file of tests/data/intake: what it must produce, and that a rejected file changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from museum import seed
from museum.errors import InputRejected
from museum.intake import ingest
from museum.store import db

CORPUS = Path(__file__).resolve().parents[1] / "data" / "intake"
FILES = sorted(p.name for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".py")


def snapshot(con):
    return (
        con.execute("select * from batch order by batch_id").fetchall(),
        con.execute("select * from observation order by observation_id").fetchall(),
        con.execute("select sha256 from stored_file order by sha256").fetchall(),
    )


def values(analysis) -> dict:
    return {
        (r.metric_id, int(r.year), None if pd.isna(r.month) else int(r.month)): (r.value, r.qualifier)
        for r in analysis.observations.itertuples()
    }


@pytest.fixture(scope="module")
def shared_con(tmp_path_factory):
    """One database for the read-only checks (each asserts it is left unchanged)."""
    with db.session(tmp_path_factory.mktemp("intake") / "museum.duckdb") as connection:
        seed.init(connection)
        yield connection


def test_corpus_has_at_least_forty_files():
    assert len(FILES) >= 40


# (row, column, message key) of every error, in order; None row/column for whole-file problems
BAD = {
    "bad_binary_junk.csv": [(None, None, "intake.error.not_text")],
    "bad_conflict.csv": [(2, "数值", "intake.error.conflict"), (4, "数值", "intake.error.conflict")],
    "bad_empty.csv": [(None, None, "intake.error.empty_file")],
    "bad_formula_value.xlsx": [(2, "数值", "intake.error.formula")],
    "bad_header_unit.csv": [(1, "科普图文（万元）", "intake.error.header_unit")],
    "bad_header_only.csv": [(2, None, "intake.error.no_data_rows")],
    "bad_legacy.xls": [(None, None, "intake.error.bad_workbook")],
    "bad_many_errors.csv": [
        (3, "指标", "intake.error.unknown_metric"),
        (4, "数值", "intake.error.not_a_number"),
        (5, "月份", "intake.error.month_range"),
        (6, "年份", "intake.error.year_range"),
        (7, "数值", "intake.error.negative"),
    ],
    "bad_missing_value_column.csv": [(1, "数值", "intake.error.missing_column")],
    "bad_missing_year_column.csv": [(1, "年份", "intake.error.missing_column")],
    "bad_month_rows_no_year.csv": [(2, "月份", "intake.error.no_year_anywhere"), (3, "月份", "intake.error.no_year_anywhere")],
    "bad_month_range.csv": [(2, "月份", "intake.error.month_range"), (3, "月份", "intake.error.month_range"), (4, "月份", "intake.error.bad_month")],
    "bad_negative.csv": [(2, "数值", "intake.error.negative")],
    "bad_no_header.csv": [(None, None, "intake.error.no_header")],
    "bad_no_metric.csv": [(2, "指标", "intake.error.no_metric")],
    "bad_not_a_number.csv": [(2, "数值", "intake.error.not_a_number")],
    "bad_truncated.xlsx": [(None, None, "safety.xlsx_not_zip")],
    "bad_unit_mismatch.csv": [(2, "数值", "intake.error.unit_mismatch")],
    "bad_unknown_metric.csv": [(2, "指标", "intake.error.unknown_metric"), (3, "指标", "intake.error.unknown_metric_plain")],
    "bad_quote_merges_rows.csv": [(None, None, "intake.error.quote_spans_lines_width")],
    "bad_utf16_errors.txt": [(2, "数值", "intake.error.not_a_number")],
    "bad_wide_header.csv": [(1, "2023年13月", "intake.error.month_range"), (1, "1999年", "intake.error.year_range")],
    "bad_xlsx_errors.xlsx": [(3, "指标", "intake.error.unknown_metric_plain"), (4, "月份", "intake.error.month_range")],
    "bad_year_range.csv": [(2, "年份", "intake.error.year_range"), (3, "年份", "intake.error.year_range"), (4, "年份", "intake.error.bad_year")],
    "bad_zip_bomb.xlsx": [(None, None, "safety.xlsx_ratio")],
}


def test_every_bad_file_has_an_expectation():
    assert sorted(BAD) == [name for name in FILES if name.startswith("bad_")]


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_lists_every_error_and_changes_nothing(shared_con, name):
    con = shared_con
    before = snapshot(con)
    result = ingest.ingest(con, 1, (CORPUS / name).read_bytes(), name, actor="test")
    assert result.status == "rejected"
    assert result.batch_id is None
    assert [(p.row, p.column, p.key) for p in result.errors] == BAD[name]
    assert snapshot(con) == before


def test_error_messages_exact_in_both_languages():
    result = ingest.analyse((CORPUS / "bad_many_errors.csv").read_bytes(), "bad_many_errors.csv")
    as_json = result.to_json("zh")
    assert as_json["errors"][0] == {
        "row": 3,
        "column": "指标",
        "value": "科普图问",
        "message": "未知指标。您是不是要找：科普图文 (posts)、科普讲座次数 (lectures)、科普短视频 (short_videos)？指标可写编号、中文名或别名，见模板中的指标目录。",
    }
    assert as_json["errors"][1]["value"] == "很多"
    assert result.to_json("en")["errors"][3] == {
        "row": 6,
        "column": "年份",
        "value": "1990",
        "message": f"The year must be between 2000 and {__import__('datetime').date.today().year + 1}.",
    }
    conflict = ingest.analyse((CORPUS / "bad_conflict.csv").read_bytes(), "x.csv").errors[0]
    assert conflict.message("zh") == "同一指标、同一期间在第 4 行有不同的数值。请只保留一个。"


GOOD_LONG_VALUES = {
    ("posts", 2023, None): (4870.0, "exact"),
    ("short_videos", 2023, None): (312.0, "exact"),
    ("online_visits", 2023, None): (4_000_000.0, "at_least"),
    ("livestreams", 2023, 1): (1.0, "exact"),
    ("livestreams", 2023, 2): (2.0, "exact"),
}


@pytest.mark.parametrize(
    "name, encoding",
    [
        ("good_long_utf8.csv", "utf-8"),
        ("good_long_utf8_bom.csv", "utf-8-sig"),
        ("good_long_gbk.csv", "gbk"),
        ("good_long_utf16.txt", "utf-16"),
        ("good_long_semicolon.csv", "utf-8"),
        ("good_long_tab.tsv", "utf-8"),
        ("good_long.xlsx", "xlsx"),
    ],
)
def test_same_table_in_every_encoding_and_delimiter(name, encoding):
    result = ingest.analyse((CORPUS / name).read_bytes(), name)
    assert (result.status, result.encoding, result.layout, result.errors) == ("valid", encoding, "long", [])
    assert values(result) == GOOD_LONG_VALUES
    notes = dict(zip(result.observations["metric_id"], result.observations["note"]))
    assert notes["posts"] == "全年"


def test_gb18030_only_character_is_decoded():
    result = ingest.analyse((CORPUS / "good_long_gb18030.csv").read_bytes(), "x.csv")
    assert result.encoding == "gb18030"
    assert list(result.observations["note"]) == ["全年", "𠀀字库外"]


def test_value_formats():
    result = ingest.analyse((CORPUS / "good_value_formats.csv").read_bytes(), "x.csv")
    assert result.errors == []
    assert values(result) == {
        ("posts", 2021, None): (5528.0, "exact"),
        ("short_videos", 2021, None): (356.0, "exact"),
        ("papers_published", 2021, None): (4.0, "exact"),
        ("online_visits", 2021, None): (5_000_000.0, "exact"),
        ("followers_total", 2021, None): (120_000_000.0, "exact"),
        ("budget_execution_rate", 2021, None): (97.5, "exact"),
        ("online_visits", 2022, None): (5_000_000.0, "at_least"),
        ("online_visits", 2022, 1): (400_000.0, "at_least"),
        ("online_visits", 2022, 2): (400_000.0, "at_least"),
        ("follower_growth", 2022, None): (20_000.0, "at_least"),
        ("follower_growth", 2022, 1): (2_000.0, "at_least"),
        ("volunteer_reserve", 2022, None): (3000.0, "approx"),
        ("volunteer_reserve", 2021, None): (3000.0, "approx"),
        ("volunteer_reserve", 2020, None): (3000.0, "approx"),
    }


@pytest.mark.parametrize(
    "name, layout, expected, skipped",
    [
        ("good_wide_gbk.csv", "wide", {("posts", 2021, None): 3980.0, ("posts", 2022, None): 4410.0, ("posts", 2023, None): 4870.0,
                                       ("short_videos", 2021, None): 201.0, ("short_videos", 2022, None): 288.0, ("short_videos", 2023, None): 312.0}, 0),
        ("good_wide_months.csv", "wide", {("livestreams", 2023, 1): 1.0, ("livestreams", 2023, 2): 2.0, ("livestreams", 2023, 3): 3.0,
                                          ("follower_growth", 2023, 1): 1200.0, ("follower_growth", 2023, 2): 900.0, ("follower_growth", 2023, 3): 11000.0}, 0),
        ("good_wide.xlsx", "wide", {("posts", 2021, None): 3980.0, ("posts", 2022, None): 4410.0, ("posts", 2023, None): 4870.0,
                                    ("headcount", 2021, None): 29.0, ("headcount", 2022, None): 30.0, ("headcount", 2023, None): 31.0}, 0),
        ("good_title_row.xlsx", "wide", {("posts", 2022, None): 4410.0, ("posts", 2023, None): 4870.0,
                                         ("livestreams", 2022, None): 5.0, ("livestreams", 2023, None): 7.0}, 0),
        ("good_excel_dates.xlsx", "wide", {("livestreams", 2023, 1): 1.0, ("livestreams", 2023, 2): 2.0}, 0),
        ("good_long_english.csv", "long", {("posts", 2023, None): 4870.0, ("livestreams", 2023, 3): 2.0}, 0),
        ("good_long_header_spaces.csv", "long", {("posts", 2023, None): 4870.0}, 1),
        ("good_month_text.csv", "long", {("livestreams", 2023, 3): 1.0, ("livestreams", 2023, 4): 2.0, ("livestreams", 2023, 5): 3.0, ("livestreams", 2023, 12): 4.0}, 0),
        ("good_missing_marks.csv", "long", {("headcount", 2023, None): 31.0}, 4),
        ("good_blank_lines.csv", "long", {("posts", 2023, None): 4870.0, ("short_videos", 2023, None): 312.0}, 0),
        ("good_identical_duplicate.csv", "long", {("posts", 2023, None): 4870.0}, 1),
        ("good_total_rows.csv", "long", {("livestreams", 2023, 1): 1.0, ("livestreams", 2023, 2): 2.0}, 3),
    ],
)
def test_layouts_and_skips(name, layout, expected, skipped):
    result = ingest.analyse((CORPUS / name).read_bytes(), name)
    assert (result.status, result.layout, result.errors) == ("valid", layout, [])
    assert {key: v for key, (v, _) in values(result).items()} == expected
    assert result.skipped == skipped


def test_blank_lines_keep_excel_row_numbers():
    result = ingest.analyse((CORPUS / "good_blank_lines.csv").read_bytes(), "x.csv")
    assert list(result.observations["row"]) == [3, 5]


def test_total_rows_warning_names_the_rows():
    result = ingest.analyse((CORPUS / "good_total_rows.csv").read_bytes(), "x.csv")
    assert [n.message("zh") for n in result.notices] == ["第 4、5、6 行是合计/小计行，已跳过（合计由看板自动计算）。"]


def test_every_sheet_is_read_and_a_sheet_without_a_table_is_skipped_with_its_reason():
    content = (CORPUS / "good_multi_sheet.xlsx").read_bytes()
    first = ingest.analyse(content, "x.xlsx")
    assert (first.status, first.errors, first.sheet_names) == ("valid", [], ["说明", "数据"])
    assert [(s.name, s.status, s.values) for s in first.sheets] == [("说明", "skipped", 0), ("数据", "read", 1)]
    assert first.sheets[0].reason.key == "intake.error.no_header"
    assert [n.message("zh")[:14] for n in first.notices] == ["工作表“说明”已跳过：前 2"]
    assert values(first) == {("posts", 2023, None): (4870.0, "exact")}


def test_chosen_sheet():
    content = (CORPUS / "good_multi_sheet.xlsx").read_bytes()
    chosen = ingest.analyse(content, "x.xlsx", sheet="数据")
    assert chosen.status == "valid" and chosen.sheet == "数据"
    assert values(chosen) == {("posts", 2023, None): (4870.0, "exact")}
    missing = ingest.analyse(content, "x.xlsx", sheet="没有")
    assert [p.message("zh") for p in missing.errors] == ["工作簿中没有名为“没有”的工作表。现有工作表：说明、数据"]


@pytest.mark.parametrize("name, note", [
    ("good_formula_note.csv", '=HYPERLINK("http://example.invalid/x","点我")'),
    ("good_script_note.csv", "<script>alert('x')</script>"),
])
def test_hostile_notes_are_stored_as_plain_text(con, name, note):
    result = ingest.ingest(con, 1, (CORPUS / name).read_bytes(), name, actor="test")
    assert result.status == "committed"
    stored = con.execute("select note from observation where batch_id = ?", [result.batch_id]).fetchall()
    assert stored == [(note,)]


def test_context_warnings(shared_con):
    con = shared_con
    jump = ingest.preview(con, 1, ingest.analyse((CORPUS / "warn_jump.csv").read_bytes(), "j.csv"))
    assert [n.message("zh") for n in jump.notices] == [
        "1 个数值与上年同期相差超过 10 倍，请核对（行:指标 期间 本期 / 上年）：3:科普图文 2023 4,870 / 480"
    ]
    months = ingest.preview(con, 1, ingest.analyse((CORPUS / "warn_month_sum.csv").read_bytes(), "m.csv"))
    assert [n.message("en") for n in months.notices] == [
        "1 metrics have monthly values that do not add up to the stated annual value: Livestreams 2023: Σ12=12 ≠ 10"
    ]


@pytest.mark.parametrize("word", ["累计", "全年", "总数", "合计"])
def test_every_layout_knows_the_same_total_words(word):
    """A long file's 累计 row and a month-row sheet's 总数 column are totals alike (one list of words)."""
    long = ingest.analyse(f"年份,月份,指标,数值\r\n2023,1,posts,5\r\n2023,,{word},5\r\n".encode(), "long.csv")
    assert (long.status, [n.key for n in long.notices]) == ("valid", ["intake.warning.total_rows"])
    months = ingest.analyse(f"月份,科普图文,{word}\r\n2023年1月,5,5\r\n2023年2月,6,6\r\n".encode(), "months.csv")
    assert (months.status, months.unmatched) == ("valid", [])


def test_english_messages_carry_no_chinese_names_or_punctuation(shared_con):
    """Issue 18 §22: an English warning or error of any corpus file (office sheets, platform
    exports, monthly sheets) names metrics in English and lists with commas — never 、，（）：
    nor a metric's Chinese name (the file's own words, quoted “…”, are the file's)."""
    from museum import catalog

    names_zh = [m.name_zh for m in catalog.load()]
    punctuation = set("、，；：（）「」。")
    found = []
    for folder in ("intake", "sources", "monthly"):
        for path in sorted((CORPUS.parent / folder).iterdir()):
            if not path.is_file() or path.suffix == ".py":
                continue
            try:
                result = ingest.preview(shared_con, 1, ingest.analyse(path.read_bytes(), path.name))
                messages = [n.message("en") for n in result.notices] + [e.message("en") for e in result.errors]
            except InputRejected as exc:
                messages = [exc.message("en")]
            for message in messages:
                outside_quotes = re.sub(r"“[^”]*”", "", message)
                if punctuation & set(outside_quotes) or any(name in outside_quotes for name in names_zh):
                    found.append(f"{folder}/{path.name}: {message[:200]}")
    assert not found, found
