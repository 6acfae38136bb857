"""The hostile upload corpus (issue 14): every file refused cleanly or accepted correctly, never
crashed, never accepted wrongly; a failed commit changes nothing; the corpora regenerate byte for byte."""

from __future__ import annotations

import filecmp
import importlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from museum import settings
from museum.intake import ingest
from museum.store import db
from museum.errors import DatabaseError

DATA = Path(__file__).resolve().parents[1] / "data"
HOSTILE = DATA / "intake" / "hostile"

# what each file must do: ("refused", the first error's key) or ("accepted", {(metric, year, month): value})
EXPECTED = {
    "billion_laughs.xlsx": ("refused", "intake.error.xml_entities"),
    "cr_only_line_ends.csv": ("accepted", {("posts", 2021, None): 4870.0, ("livestreams", 2021, 3): 2.0}),
    "daily_rows_200k.csv": ("refused", "intake.error.conflict"),
    "dimension_bomb.xlsx": ("accepted", {("posts", 2021, None): 4870.0}),
    "far_cell.xlsx": ("refused", "intake.error.too_many_columns"),
    "hidden_first_sheet.xlsx": ("accepted", {("posts", 2021, None): 3980.0}),
    "huge_integer.csv": ("refused", "intake.error.imprecise"),
    "hundred_thousand_errors.csv": ("refused", "intake.error.unknown_metric_plain"),
    "implausible_assets.csv": ("refused", "intake.error.implausible"),
    "implausible_posts.csv": ("refused", "intake.error.implausible"),
    "million_columns.csv": ("refused", "intake.error.too_many_columns"),
    "mixed_utf8_gbk.csv": ("refused", "intake.error.mixed_encoding"),
    "repeated_cells_bomb.ods": ("refused", "intake.error.too_many_columns"),
    "single_line_1mb.csv": ("refused", "intake.error.field_too_long"),
    "too_many_parts.xlsx": ("refused", "safety.xlsx_too_many_entries"),
    "unclosed_quote.csv": ("refused", "intake.error.quote_spans_lines"),
    "zip_bomb_300mb.xlsx": ("refused", "safety.xlsx_too_big_unpacked"),
}
FILES = sorted(p.name for p in HOSTILE.iterdir() if p.suffix != ".py")


def outcome(name: str, result) -> str:
    verdict, expected = EXPECTED[name]
    if result.status == "rejected":
        return "refused cleanly" if verdict == "refused" and result.errors[0].key == expected else "refused wrongly"
    got = {(r.metric_id, int(r.year), None if pd.isna(r.month) else int(r.month)): r.value for r in result.observations.itertuples()}
    return "accepted correctly" if verdict == "accepted" and got == expected else "accepted wrongly"


def test_every_hostile_file_has_an_expectation():
    assert FILES == sorted(EXPECTED)
    assert len(FILES) >= 17


def test_the_whole_corpus_is_refused_cleanly_or_accepted_correctly(con, capsys):
    tally = {"refused cleanly": 0, "accepted correctly": 0, "accepted wrongly": 0, "crashed": 0, "refused wrongly": 0}
    before = con.execute("select count(*) from batch").fetchall()
    for name in FILES:
        try:
            result = ingest.ingest(con, 1, (HOSTILE / name).read_bytes(), name, actor="test", dry_run=True)
        except Exception:  # noqa: BLE001 - counting crashes is the point of this test
            tally["crashed"] += 1
            continue
        tally[outcome(name, result)] += 1
    with capsys.disabled():
        print("\nhostile uploads: " + ", ".join(f"{k} {v}" for k, v in tally.items()))
    assert tally == {"refused cleanly": 14, "accepted correctly": 3, "accepted wrongly": 0, "crashed": 0, "refused wrongly": 0}
    assert con.execute("select count(*) from batch").fetchall() == before


def test_unclosed_quote_names_the_row_where_it_opened():
    result = ingest.analyse((HOSTILE / "unclosed_quote.csv").read_bytes(), "x.csv")
    assert [p.message("zh") for p in result.errors] == [
        "第 2 行（文件第 2 行）有一个引号（\"）开始的单元格跨越了 5,280+ 行：很可能少了一个闭合引号，后面的行会被并入这一格。请检查该行的引号后重新保存。"]
    # a note over two lines is a cell (issue 20 item 7); a quote that closes only 150 lines later is not
    short = "年份,指标,数值,备注\r\n2021,科普图文,1,\"两行\r\n的备注\"\r\n2021,直播活动,2,\r\n".encode()
    assert ingest.analyse(short, "s.csv").observations["note"].tolist()[0] == "两行\r\n的备注"
    late = "年份,指标,数值,备注\r\n2021,科普图文,1,\"备注\r\n" + "第几行\r\n" * 149 + "结束\"\r\n"
    assert [p.message("en") for p in ingest.analyse(late.encode(), "s.csv").errors] == [
        "Row 2 (line 2 of the file) has a cell that opens a quote (\") and runs over 151 lines: probably a closing quote is missing, "
        "and the rows after it would be swallowed into one cell. Check the quotes on that row and save again."]


def test_a_hidden_first_sheet_is_listed_and_not_read():
    result = ingest.analyse((HOSTILE / "hidden_first_sheet.xlsx").read_bytes(), "x.xlsx")
    assert (result.hidden_sheets, result.sheet) == (["隐藏"], "可见")
    assert [n.message("en") for n in result.notices] == ["Hidden sheets were not read: “隐藏”"]


def test_implausible_values_need_an_explicit_override():
    content = (HOSTILE / "implausible_posts.csv").read_bytes()
    refused = ingest.analyse(content, "x.csv")
    assert refused.errors[0].as_json("zh") == {
        "row": 2, "column": "数值", "value": "5000000",
        "message": "数值超过该指标的合理上限（200,000篇），很可能填错（如多了几位数或单位不对）。如确认无误，请勾选“允许超出合理范围的数值”（命令行：--allow-implausible）后重新导入。"}
    allowed = ingest.analyse(content, "x.csv", allow_implausible=True)
    assert allowed.status == "valid" and allowed.observations["value"].tolist() == [5_000_000.0, 400.0]
    assert allowed.notices[0].message("zh") == "1 个数值超过指标的合理上限，已按您的确认导入（第 2 行）。"


def test_cli_allow_implausible(db_path, capsys):
    from museum.cli import main

    file = str(HOSTILE / "implausible_assets.csv")
    assert main(["ingest", file, "--db", str(db_path)]) == 1
    assert main(["ingest", file, "--db", str(db_path), "--allow-implausible", "--json"]) == 0
    assert '"status": "committed"' in capsys.readouterr().out


def test_integers_beyond_two_to_the_53_are_refused_as_imprecise():
    result = ingest.analyse((HOSTILE / "huge_integer.csv").read_bytes(), "x.csv")
    assert result.errors[0].as_json("en") == {
        "row": 2, "column": "数值", "value": "9999999999999999999",
        "message": "The value is beyond 2^53 (about 9.007e15) and cannot be stored exactly; refused. Check for extra digits."}


def test_problems_stop_at_a_thousand_and_say_how_many_more():
    result = ingest.analyse((HOSTILE / "hundred_thousand_errors.csv").read_bytes(), "x.csv")
    assert (len(result.errors), result.problem_count) == (1001, 200_000)
    assert [p.row for p in result.errors[:4]] == [2, 2, 3, 3]
    assert result.errors[-1].message("zh") == "还有 199,000 个问题未列出（只列出前 1,000 个）。请先改正上面的问题后重新上传。"


def test_every_problem_is_counted_though_only_a_thousand_are_listed():
    result = ingest.analyse((HOSTILE / "daily_rows_200k.csv").read_bytes(), "x.csv")
    # 192,857 days that are not months and 7,143 first-of-month rows that contradict each other
    assert (len(result.errors), result.problem_count) == (1001, 200_000)
    assert [(p.row, p.key) for p in result.errors[:2]] == [(2, "intake.error.conflict"), (3, "intake.error.bad_month")]


def test_mixed_encodings_name_the_byte_offset():
    result = ingest.analyse((HOSTILE / "mixed_utf8_gbk.csv").read_bytes(), "x.csv")
    assert result.errors[0].message("zh") == (
        "文件的编码前后不一致：开头是 UTF-8，到第 119 个字节（约第 4 行）起不再是 UTF-8（可能粘贴了 GBK 文本）。"
        "请在 Excel 或记事本中用同一种编码（如 UTF-8）重新保存后上传。")


def test_caps_name_the_limit():
    far = ingest.analyse((HOSTILE / "far_cell.xlsx").read_bytes(), "x.xlsx")
    assert far.errors[0].message("en") == "The sheet “Sheet1” has 16,384 columns, over the limit of 500; refused. Keep only the columns to upload."
    line = ingest.analyse((HOSTILE / "single_line_1mb.csv").read_bytes(), "x.csv")
    assert line.errors[0].message("en").startswith("Row 1 has a cell of > 131,072 characters, beyond Excel's cell limit of 32,767")


class FailingCommit:
    """A connection whose COMMIT fails as a full disk makes it fail (everything else is real)."""

    def __init__(self, con):
        self._con = con

    def __getattr__(self, name):
        return getattr(self._con, name)

    def execute(self, sql, *args):
        if sql == "commit" and db.engine_of(self._con) == "postgresql":
            import psycopg

            raise psycopg.errors.DiskFull("could not extend file \"base/16384/2619\": No space left on device")
        if sql == "commit":
            raise duckdb.IOException("Could not write file \"museum.duckdb.wal\": No space left on device")
        return self._con.execute(sql, *args)


def test_a_commit_that_fails_on_disk_changes_nothing_and_says_so(con):
    tables = ("batch", "observation", "stored_file", "audit", "platform_item")
    before = [db.scalar(con, "backup_table_rows", table_name=t) for t in tables]
    analysis = ingest.analyse((DATA / "sources" / "douyin_works_20210415.xlsx").read_bytes(), "d.xlsx")
    with pytest.raises(DatabaseError) as failed:
        ingest.commit(FailingCommit(con), 1, analysis, actor="test")
    # a visitor reads that nothing was saved; the CLI and the log get what failed where
    assert failed.value.message("zh") == "服务器暂时无法保存数据（磁盘空间或权限问题）。本次操作没有保存，已有数据不受影响。请联系管理员。"
    assert "磁盘已满" in failed.value.detail("zh")
    assert [db.scalar(con, "backup_table_rows", table_name=t) for t in tables] == before


@pytest.mark.parametrize("module, folder", [
    ("make_corpus", DATA / "intake"), ("make_sources", DATA / "sources"), ("make_hostile", HOSTILE)])
def test_the_generators_reproduce_every_committed_file_byte_for_byte(tmp_path, module, folder):
    sys.path[:0] = [str(DATA / "intake"), str(DATA / "sources"), str(HOSTILE)]
    try:
        generator = importlib.import_module(module)
        generator.OUT[0] = tmp_path
        try:
            made = generator.build()
        finally:
            generator.OUT[0] = folder
    finally:
        del sys.path[:3]
    committed = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix != ".py")
    assert sorted(made) == committed
    _, mismatch, errors = filecmp.cmpfiles(folder, tmp_path, committed, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_peak_memory_on_the_bomb_files_is_printed(capsys):
    code = (
        "import resource\nfrom pathlib import Path\nfrom museum.intake import ingest\n"
        f"for p in sorted(Path({str(HOSTILE)!r}).glob('*')):\n"
        "    if p.suffix != '.py':\n        ingest.analyse(p.read_bytes(), p.name)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=settings.ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    with capsys.disabled():
        print(f"\nhostile corpus, peak memory of one process reading every file: {out.stdout.strip()} MB")
    assert int(out.stdout.strip()) > 0
