"""Build the intake test corpus: files as Chinese offices really save them, good and bad.

Run `python tests/data/intake/make_corpus.py` to regenerate; the generated files are committed
and tests/unit/test_intake_corpus.py states what each one must produce. Years stay before the
embedded report's year so that the files never collide with the seed data.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import sys
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
CRLF = "\r\n"


def write(name: str, content: bytes) -> None:
    (HERE / name).write_bytes(content)


def excel_csv(rows: list[list], *, delimiter: str = ",") -> str:
    """Rows as Excel's "CSV (逗号分隔)" writes them: CRLF, quotes only where needed."""
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            text = "" if cell is None else str(cell)
            if any(ch in text for ch in (delimiter, '"', "\n", "\r")):
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        lines.append(delimiter.join(cells))
    return CRLF.join(lines) + CRLF


def gbk(rows, **kw) -> bytes:
    return excel_csv(rows, **kw).encode("gbk")


def utf8(rows, **kw) -> bytes:
    return excel_csv(rows, **kw).encode("utf-8")


def utf8_bom(rows, **kw) -> bytes:
    return b"\xef\xbb\xbf" + utf8(rows, **kw)


def unicode_text(rows) -> bytes:
    """Excel's "Unicode 文本 (*.txt)": UTF-16 LE with BOM, tab-separated, CRLF."""
    return excel_csv(rows, delimiter="\t").encode("utf-16")


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    fixed = dt.datetime(2023, 1, 1)
    workbook.properties.created = workbook.properties.modified = fixed
    buffer = io.BytesIO()
    workbook.save(buffer)
    return fixed_times(buffer.getvalue())


def fixed_times(archive_bytes: bytes) -> bytes:
    """The same zip with every entry dated 2023-01-01, so that regenerating changes no byte."""
    source = zipfile.ZipFile(io.BytesIO(archive_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2023, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2023-01-01T00:00:00Z", content)
            target.writestr(entry, content)
    return out.getvalue()


LONG = ["年份", "月份", "指标", "数值", "备注"]
GOOD_LONG = [
    LONG,
    [2023, None, "科普图文", "4,870", "全年"],
    [2023, None, "科普短视频", 312, None],
    [2023, None, "总访问量", "超400万", None],
    [2023, 1, "直播活动", 1, None],
    [2023, 2, "直播活动", 2, None],
]


def build() -> list[str]:
    made = []

    def add(name, content):
        write(name, content)
        made.append(name)

    # --- good: every encoding and delimiter ----------------------------------------------
    add("good_long_utf8.csv", utf8(GOOD_LONG))
    add("good_long_utf8_bom.csv", utf8_bom(GOOD_LONG))
    add("good_long_gbk.csv", gbk(GOOD_LONG))
    add("good_long_gb18030.csv", excel_csv(GOOD_LONG[:2] + [[2023, None, "科普短视频", 312, "𠀀字库外"]]).encode("gb18030"))
    add("good_long_utf16.txt", unicode_text(GOOD_LONG))
    add("good_long_semicolon.csv", utf8(GOOD_LONG, delimiter=";"))
    add("good_long_tab.tsv", utf8(GOOD_LONG, delimiter="\t"))
    add(
        "good_long_english.csv",
        utf8([["Year", "Month", "Metric", "Value", "Note"], [2023, "", "posts", 4870, ""], [2023, 3, "livestreams", 2, "spring"]]),
    )
    add(
        "good_long_header_spaces.csv",
        gbk([[" 年度 ", "月份 ", " 指标名称", "数量 "], [2023, "", " 科普图文 ", "4870"], [2023, "", "图文数量", ""]]),
    )
    add(
        "good_wide_gbk.csv",
        gbk([["指标", "2021年", "2022年", "2023年"], ["科普图文", "3,980", "4,410", "4,870"], ["短视频", 201, 288, 312]]),
    )
    add(
        "good_wide_months.csv",
        utf8_bom([["指标", "2023-01", "2023年2月", "2023/3", "备注"], ["直播活动", 1, 2, 3, "按月"], ["粉丝增长", "1,200", "900", "1.1万", ""]]),
    )
    add("good_long.xlsx", xlsx({"Sheet1": GOOD_LONG}))
    add("good_wide.xlsx", xlsx({"数据": [["指标", 2021, 2022, 2023], ["posts", 3980, 4410, 4870], ["从业人数", 29, 30, 31]]}))
    add(
        "good_multi_sheet.xlsx",
        xlsx({"说明": [["填表说明：请在“数据”表中填写"]], "数据": [LONG, [2023, None, "科普图文", 4870, None]]}),
    )
    add(
        "good_value_formats.csv",
        gbk(
            [
                LONG,
                [2021, None, "科普图文", "5,528", "千分位"],
                [2021, None, "科普短视频", "３５６", "全角"],
                [2021, None, "发表学术论文", "4篇", "单位"],
                [2021, None, "总访问量", "500万", None],
                [2021, None, "粉丝总量", "1.2亿", None],
                [2021, None, "预算执行率", "97.5%", None],
                [2022, None, "总访问量", "超500万", None],
                [2022, 1, "总访问量", "40万+", None],
                [2022, 2, "总访问量", "40万以上", None],
                [2022, None, "粉丝增长", "2万余", None],
                [2022, 1, "粉丝增长", "2千多", None],
                [2022, None, "志愿者后备人选", "约3000", None],
                [2021, None, "志愿者后备人选", "近3000", None],
                [2020, None, "志愿者后备人选", "3000左右", None],
            ]
        ),
    )
    add(
        "good_missing_marks.csv",
        utf8([LONG, [2023, None, "科普图文", "", None], [2023, None, "科普短视频", "-", None], [2023, None, "直播活动", "—", None], [2023, None, "总访问量", "/", None], [2023, None, "从业人数", 31, None]]),
    )
    add(
        "good_total_rows.csv",
        gbk([LONG, [2023, 1, "直播活动", 1, None], [2023, 2, "直播活动", 2, None], [2023, None, "合计", 3, None], [2023, None, "总计", 3, None], [2023, None, " 小 计 ", 3, None]]),
    )
    add(
        "good_title_row.xlsx",
        xlsx({"Sheet1": [["2023年科普数据统计表"], [None], ["指标", "2022年", "2023年"], ["科普图文", 4410, 4870], [None], ["直播活动", 5, 7]]}),
    )
    add(
        "good_formula_note.csv",
        utf8([LONG, [2023, None, "科普图文", 4870, '=HYPERLINK("http://example.invalid/x","点我")']]),
    )
    add(
        "good_script_note.csv",
        gbk([LONG, [2023, None, "科普图文", 4870, "<script>alert('x')</script>"]]),
    )
    add(
        "good_month_text.csv",
        utf8([LONG, [2023, "3月", "直播活动", 1, None], [2023, "四月", "直播活动", 2, None], [2023, "05", "直播活动", 3, None], [2023, "十二月份", "直播活动", 4, None]]),
    )
    add(
        "good_blank_lines.csv",
        ("年份,指标,数值" + CRLF + CRLF + "2023,科普图文,4870" + CRLF + CRLF + "2023,短视频,312" + CRLF).encode("gbk"),
    )
    add(
        "good_identical_duplicate.csv",
        utf8([LONG, [2023, None, "科普图文", 4870, None], [2023, None, "posts", "4,870", None]]),
    )
    add(
        "good_excel_dates.xlsx",
        xlsx({"Sheet1": [["指标", dt.datetime(2023, 1, 1), dt.datetime(2023, 2, 1)], ["直播活动", 1, 2]]}),
    )
    add("warn_jump.csv", utf8([LONG, [2022, None, "科普图文", 480, None], [2023, None, "科普图文", 4870, None], [2023, None, "直播活动", 7, None]]))
    add(
        "warn_month_sum.csv",
        utf8([LONG, [2023, None, "直播活动", 10, None]] + [[2023, m, "直播活动", 1, None] for m in range(1, 13)]),
    )

    # --- bad: one per rule, and then some ---------------------------------------------------
    add("bad_unknown_metric.csv", gbk([LONG, [2023, None, "科普图问", 4870, None], [2023, None, "完全不存在的东西", 1, None]]))
    add("bad_not_a_number.csv", gbk([LONG, [2023, None, "科普图文", "很多", None], [2023, None, "直播活动", "7", None]]))
    add("bad_negative.csv", utf8([LONG, [2023, None, "科普图文", -5, None]]))
    add("bad_year_range.csv", utf8([LONG, [1999, None, "科普图文", 5, None], [2999, None, "科普图文", 5, None], ["去年", None, "科普图文", 5, None]]))
    add("bad_month_range.csv", utf8([LONG, [2023, 13, "直播活动", 1, None], [2023, 0, "直播活动", 1, None], [2023, "春季", "直播活动", 1, None]]))
    add("bad_conflict.csv", gbk([LONG, [2023, None, "科普图文", 4870, None], [2023, None, "科普短视频", 312, None], [2023, None, "posts", 4871, None]]))
    add("bad_empty.csv", b"")
    add("bad_header_only.csv", gbk([LONG]))
    add("bad_missing_value_column.csv", gbk([["年份", "指标", "备注"], [2023, "科普图文", "x"]]))
    add("bad_missing_year_column.csv", gbk([["指标", "数值"], ["科普图文", 4870]]))
    add("bad_binary_junk.csv", random.Random(7).randbytes(4096))
    good = xlsx({"Sheet1": GOOD_LONG})
    add("bad_truncated.xlsx", good[: len(good) // 2])
    add("bad_legacy.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (32 << 20))
    add("bad_zip_bomb.xlsx", fixed_times(bomb.getvalue()))
    add(
        "bad_many_errors.csv",
        gbk(
            [
                LONG,
                [2023, None, "科普图文", 4870, None],
                [2023, None, "科普图问", 1, None],
                [2023, None, "直播活动", "很多", None],
                [2023, 14, "直播活动", 3, None],
                [1990, None, "科普短视频", 3, None],
                [2023, None, "从业人数", -1, None],
            ]
        ),
    )
    add("bad_wide_header.csv", utf8([["指标", "2023年", "2023年13月", "1999年"], ["科普图文", 4870, 5, 6]]))
    add("bad_unit_mismatch.csv", utf8([LONG, [2023, None, "科普图文", "4870条", None], [2023, None, "直播活动", "7场", None]]))
    formula = xlsx({"Sheet1": [LONG, [2023, None, "科普图文", "=SUM(1,2)", None]]})
    add("bad_formula_value.xlsx", formula)
    add("bad_no_header.csv", "这是一份工作总结\r\n今年做了很多事情\r\n".encode("gbk"))
    add("bad_no_metric.csv", utf8([LONG, [2023, None, "", 5, None], [2023, None, "科普图文", 4870, None]]))
    add("bad_utf16_errors.txt", unicode_text([LONG, [2023, None, "科普图文", "abc", None], [2023, None, "短视频", 3, None]]))
    add("bad_xlsx_errors.xlsx", xlsx({"Sheet1": [LONG, [2023, None, "科普图文", 4870, None], [2023, None, "不存在", 1, None], [2023, 15, "直播活动", 1, None]]}))
    return made


if __name__ == "__main__":
    names = build()
    print(f"{len(names)} files written to {HERE}", file=sys.stderr)
