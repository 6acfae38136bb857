"""Intake logic: value parsing, decoding, commit/duplicate/rollback/correction, templates."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from museum import catalog
from museum.intake import corrections, ingest
from museum.store import batches
from museum.errors import DatabaseError, InputRejected
from museum.intake import decode, templates
from museum.intake.values import parse_values
from museum.numbers import parse_quantity

CORPUS = Path(__file__).resolve().parents[1] / "data" / "intake"
BOM = b"\xef\xbb\xbf"


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def current(con, metric_id, year, month=None):
    return con.execute(
        "select value, qualifier from observation where metric_id = ? and year = ? and month is not distinct from ? "
        "and retired_by_batch is null", [metric_id, year, month]).fetchall()


TEXTS = [
    "5528", "5,528", "５５２８", "5528篇", "5528条", "500万", "1.2亿", "3.5%", "超500万", "500万+", "500万以上",
    "2万余", "2万多", "约3000", "近3000", "3000左右", "3000人左右", "2万余人", "59.27万元", "59.27万", "二十七",
    "很多", "-", "—", "/", "", "  12 ", ".5", "5.", "-3", "超约3000", "1e5", "=SUM(A1)", "500万次", "逾50场",
]


@pytest.mark.parametrize("unit", ["篇", "次", "万元", "%", "人", "场"])
def test_column_wise_parsing_agrees_with_parse_quantity(unit):
    parsed = parse_values(pd.Series(TEXTS, dtype="str"), [unit] * len(TEXTS))
    for text, (_, row) in zip(TEXTS, parsed.iterrows()):
        try:
            expected = parse_quantity(text, unit)
        except ValueError:
            assert row["bad"], text
            continue
        if expected is None:
            assert row["missing"], text
            continue
        assert (row["value"], row["qualifier"]) == (expected.value, expected.qualifier), text
        # a unit left over is the metric's own (fine) or the same foreign unit parse_quantity leaves
        assert row["unit"] in ("", unit, expected.unit), text


def test_encodings_detected():
    text = "年份,指标,数值\r\n2023,科普图文,4870\r\n"
    assert decode.decode(text.encode("utf-8")).encoding == "utf-8"
    assert decode.decode(BOM + text.encode("utf-8")).encoding == "utf-8-sig"
    assert decode.decode(text.encode("gbk")).encoding == "gbk"
    assert decode.decode(text.encode("utf-16")).encoding == "utf-16"
    assert decode.decode(text.encode("utf-16-le")).encoding == "utf-16"
    assert decode.decode("年份,指标,备注\r\n2023,科普图文,𠀀\r\n".encode("gb18030")).encoding == "gb18030"


@pytest.mark.parametrize("text, delimiter", [
    ("a,b,c\n1,2,3\n", ","),
    ("a\tb\tc\n1\t5,528\t3\n", "\t"),
    ("a;b;c\n1;2;3\n", ";"),
    ('a,b,c\n1,"5,528",3\n', ","),
])
def test_delimiter_detection(text, delimiter):
    assert decode.detect_delimiter(text) == delimiter


def test_size_limit(monkeypatch):
    monkeypatch.setenv("MUSEUM_MAX_UPLOAD_MB", "0.0001")
    result = ingest.analyse((CORPUS / "good_long_utf8.csv").read_bytes(), "x.csv")
    assert [p.key for p in result.errors] == ["intake.error.too_large"]
    assert result.errors[0].message("en") == "The file is 0.0 MB, over the 0 MB limit. Split it into smaller files."


def test_commit_records_the_batch_and_keeps_the_raw_file(con):
    content = (CORPUS / "good_long_gbk.csv").read_bytes()
    result = ingest.ingest(con, 1, content, "二〇二三.csv", actor="张三")
    assert result.to_json("zh") == {
        "status": "committed", "batch_id": 2, "inserted": 5, "updated": 0, "unchanged": 0, "skipped": 0,
        "encoding": "gbk", "layout": "long", "warnings": [], "errors": [],
        "source_format": "office_long", "platform": None, "period": {"from": "2023-01-01", "to": "2023-12-31"},
        "year_from": "column",
    }
    batch = con.execute("select kind, file_name, file_sha256, file_size, user_name, inserted, updated, unchanged, skipped "
                        "from batch where batch_id = 2").fetchall()[0]
    assert batch == ("upload", "二〇二三.csv", batches.sha256(content), len(content), "张三", 5, 0, 0, 0)
    assert ingest.stored_file(con, batches.sha256(content)) == content
    assert current(con, "online_visits", 2023) == [(4_000_000.0, "at_least")]
    assert current(con, "livestreams", 2023, 2) == [(2.0, "exact")]


@pytest.mark.parametrize("size", [10, 3000, 1 << 40, -1])
def test_a_stored_file_whose_recorded_size_is_wrong_is_a_message(con, size):
    """A hand-edited or damaged row: the download says so (and allocates nothing it names)."""
    content = ("年份,指标,数值\r\n" + "".join(f"{year},posts,{year - 1990}\r\n" for year in range(2000, 2024))).encode("utf-8")
    assert ingest.ingest(con, 1, content, "posts.csv", actor="test").status == "committed"
    digest = batches.sha256(content)
    assert ingest.stored_file(con, digest) == content
    con.execute("update stored_file set size = ? where sha256 = ?", [size, digest])
    with pytest.raises(DatabaseError) as raised:
        ingest.stored_file(con, digest)
    assert raised.value.key == "batches.stored_file_damaged"


def test_missing_values_write_no_row(con):
    ingest.ingest(con, 1, (CORPUS / "good_missing_marks.csv").read_bytes(), "m.csv", actor="test")
    assert con.execute("select metric_id, value from observation where year = 2023").fetchall() == [("headcount", 31.0)]


def test_identical_reupload_is_a_duplicate_and_changes_nothing(con):
    content = (CORPUS / "good_long_utf8.csv").read_bytes()
    first = ingest.ingest(con, 1, content, "a.csv", actor="test")
    before = con.execute("select count(*) from batch").fetchall()[0], con.execute("select count(*) from observation").fetchall()[0]
    again = ingest.ingest(con, 1, content, "renamed.csv", actor="test")
    assert (again.status, again.batch_id, again.duplicate_of) == ("duplicate", None, first.batch_id)
    assert again.to_json("en")["status"] == "duplicate"
    assert (con.execute("select count(*) from batch").fetchall()[0], con.execute("select count(*) from observation").fetchall()[0]) == before
    assert ingest.ingest(con, 1, content, "a.csv", dry_run=True, actor="test").status == "duplicate"
    # once that batch is rolled back, the same file may be imported again
    ingest.rollback(con, first.batch_id, actor="test")
    assert ingest.ingest(con, 1, content, "a.csv", actor="test").status == "committed"


def test_changed_values_keep_their_previous_version_and_rollback_restores_them(con):
    ingest.ingest(con, 1, csv_bytes("年份,指标,数值", "2023,posts,4870", "2023,livestreams,7"), "a.csv", actor="test")
    second = ingest.ingest(con, 1, csv_bytes("年份,指标,数值", "2023,posts,4900", "2023,livestreams,7", "2023,headcount,30"), "b.csv", actor="test")
    assert (second.counts.inserted, second.counts.updated, second.counts.unchanged) == (1, 1, 1)
    assert current(con, "posts", 2023) == [(4900.0, "exact")]
    versions = con.execute("select value, batch_id, retired_by_batch from observation where metric_id = 'posts' and year = 2023 "
                           "order by observation_id").fetchall()
    assert versions == [(4870.0, 2, 3), (4900.0, 3, None)]
    rollback_id = ingest.rollback(con, second.batch_id, actor="李四")
    assert current(con, "posts", 2023) == [(4870.0, "exact")]
    assert current(con, "headcount", 2023) == []
    assert current(con, "livestreams", 2023) == [(7.0, "exact")]
    assert con.execute("select kind, rolls_back, user_name from batch where batch_id = ?", [rollback_id]).fetchall()[0] == ("rollback", 3, "李四")


def test_rollback_refused_when_a_later_batch_changed_the_values(con):
    first = ingest.ingest(con, 1, csv_bytes("年份,指标,数值", "2023,posts,4870"), "a.csv", actor="test")
    ingest.ingest(con, 1, csv_bytes("年份,指标,数值", "2023,posts,4900"), "b.csv", actor="test")
    with pytest.raises(InputRejected) as refused:
        ingest.rollback(con, first.batch_id, actor="test")
    assert refused.value.message("zh") == "不能回滚批次 #2：之后的批次 #3 修改了它写入的数值。请先回滚这些较新的批次。"
    assert current(con, "posts", 2023) == [(4900.0, "exact")]
    assert con.execute("select count(*) from batch where kind = 'rollback'").fetchall()[0] == (0,)


def test_preview_shows_old_and_new(con):
    ingest.ingest(con, 1, csv_bytes("年份,指标,数值", "2023,posts,4870", "2023,livestreams,7"), "a.csv", actor="test")
    result = ingest.preview(con, 1, ingest.analyse(csv_bytes("年份,指标,数值", "2023,posts,约5000", "2023,livestreams,7", "2022,posts,4000"), "b.csv"))
    from museum.intake.present import preview_table

    table = preview_table(result.compared, catalog.load(), "zh")
    assert table.values.tolist() == [
        ["新增", "科普图文", "2022年", "", "4000篇"],
        ["修改", "科普图文", "2023年", "4870篇", "约5000篇"],
        ["不变", "直播活动", "2023年", "7场次", "7场次"],
    ]
    assert (result.counts.inserted, result.counts.updated, result.counts.unchanged) == (1, 1, 1)


def test_correction_is_a_batch(con):
    batch_id, counts = corrections.correct_value(con, 1, "posts", 2023, None, "约4,900", note="补录", actor="王五")
    assert (counts.inserted, counts.updated) == (1, 0)
    assert current(con, "posts", 2023) == [(4900.0, "approx")]
    assert con.execute("select kind, user_name, note from batch where batch_id = ?", [batch_id]).fetchall()[0] == ("correction", "王五", "posts 2023")
    second, counts = corrections.correct_value(con, 1, "posts", 2023, None, "4901", actor="test")
    assert counts.updated == 1
    ingest.rollback(con, second, actor="test")
    assert current(con, "posts", 2023) == [(4900.0, "approx")]


@pytest.mark.parametrize("args, message", [
    (("nope", 2023, None, "1"), "没有编号为 nope 的指标。"),
    (("posts", 1999, None, "1"), f"年份 1999 不在 2000–{__import__('datetime').date.today().year + 1} 之间。"),
    (("posts", 2023, 13, "1"), "月份 13 不在 1–12 之间。"),
    (("posts", 2023, None, " "), "请填写数值。"),
    (("posts", 2023, None, "很多"), "“很多”不是该指标（单位：篇）的数值。可写 5528、5,528、500万、超500万、约3000。"),
    (("posts", 2023, None, "12条"), "“12条”不是该指标（单位：篇）的数值。可写 5528、5,528、500万、超500万、约3000。"),
    (("posts", 2023, None, "-1"), "“-1”为负数，该指标不能为负。"),
])
def test_correction_refusals(con, args, message):
    with pytest.raises(InputRejected) as refused:
        corrections.correct_value(con, 1, *args, actor="test")
    assert refused.value.message("zh") == message
    assert con.execute("select count(*) from batch").fetchall()[0] == (1,)


def test_correction_of_an_unchanged_value_is_refused(con):
    corrections.correct_value(con, 1, "posts", 2023, 5, "10", actor="test")
    with pytest.raises(InputRejected) as refused:
        corrections.correct_value(con, 1, "posts", 2023, 5, "10", actor="test")
    assert refused.value.message("en") == "That is already the current value; nothing to correct."


@pytest.mark.parametrize("layout", ["long", "wide"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_templates_list_the_catalog_and_read_back(layout, lang):
    cat = catalog.load()
    uploadable = [m for m in cat if m.kind != "event"]
    as_csv = templates.template_csv(cat, layout, 2023, lang)
    assert as_csv.startswith(BOM)
    lines = as_csv.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + len(uploadable)
    assert lines[1].split(",")[0 if layout == "wide" else 2] == (uploadable[0].name_zh if lang == "zh" else uploadable[0].metric_id)
    as_xlsx = templates.template_xlsx(cat, layout, 2023, lang)
    workbook = openpyxl.load_workbook(io.BytesIO(as_xlsx), read_only=True)
    assert len(list(workbook.worksheets[1].iter_rows())) == 1 + len(list(cat))
    for content in (as_csv, as_xlsx):
        # an untouched template is read correctly: right layout, every metric known, no values yet
        result = ingest.analyse(content, f"t.{layout}")
        assert result.layout == layout
        assert [p.key for p in result.errors] == ["intake.error.no_data_rows"]


def test_filled_template_imports(con):
    cat = catalog.load()
    rows = templates.template_rows(cat, "long", 2023, "zh")
    rows[1][3] = "4870"
    buffer = io.StringIO()
    for row in rows:
        buffer.write(",".join("" if c is None else str(c) for c in row) + "\r\n")
    result = ingest.ingest(con, 1, buffer.getvalue().encode("utf-8-sig"), "filled.csv", actor="test")
    assert (result.status, result.counts.inserted, result.skipped) == ("committed", 1, len(rows) - 2)


def test_warnings_against_stored_values(con):
    ingest.ingest(con, 1, csv_bytes("年份,指标,数值", "2022,posts,100", "2023,livestreams,10"), "a.csv", actor="test")
    result = ingest.preview(con, 1, ingest.analyse(
        csv_bytes("年份,月份,指标,数值", "2023,,posts,5000", "2023,1,livestreams,5", "2023,2,livestreams,5", "2023,3,livestreams,5",
                  "2021,1,livestreams,50"), "b.csv"))
    assert [n.message("en") for n in result.notices] == [
        "1 values differ from the same period last year by more than 10x; please check (row:metric period value / last year): "
        "2: Science posts 2023 5,000 / 100",
        "1 metrics have monthly values that do not add up to the stated annual value: Livestreams 2023: Σ3=15 ≠ 10",
    ]  # names in the reader's language (issue 18 §22): no Chinese inside an English warning
    assert [n.message("zh") for n in result.notices][1] == "1 个指标的月度数据之和与全年数不一致：直播活动 2023: Σ3=15 ≠ 10"
