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
OUT = [HERE]  # where build() writes; tests point it at a temporary folder to check reproducibility


def write(name: str, content: bytes) -> None:
    (OUT[0] / name).write_bytes(content)


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


def xlsx(sheets: dict[str, list[list]], *, hidden: tuple[str, ...] = (), merged: dict[str, list[str]] | None = None,
         formats: dict[str, dict[str, str]] | None = None) -> bytes:
    """A workbook with fixed timestamps; `hidden` sheets, `merged` ranges and cell number `formats` per sheet."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if title in hidden:
            sheet.sheet_state = "hidden"
        for cells in (merged or {}).get(title, []):
            sheet.merge_cells(cells)
        for cell, number_format in (formats or {}).get(title, {}).items():
            sheet[cell].number_format = number_format
    fixed = dt.datetime(2023, 1, 1)
    workbook.properties.created = workbook.properties.modified = fixed
    buffer = io.BytesIO()
    workbook.save(buffer)
    return fixed_times(buffer.getvalue())


def fixed_times(archive_bytes: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The same zip with every entry dated 2023-01-01, so that regenerating changes no byte
    (`replace`: parts whose content is swapped, e.g. a broken stylesheet)."""
    source = zipfile.ZipFile(io.BytesIO(archive_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2023, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            content = (replace or {}).get(info.filename, source.read(info.filename))
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


def zip_parts(parts: list[tuple[str, bytes]], *, stored_first: bool = False) -> bytes:
    """A zip of the given parts with fixed dates (ODS wants its mimetype first and stored)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for index, (name, content) in enumerate(parts):
            entry = zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_STORED if (stored_first and index == 0) else zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def ods(sheets: dict[str, list[list]], *, extra_cells: str = "") -> bytes:
    """An OpenDocument spreadsheet as LibreOffice saves one (trailing empty cells repeated);
    `extra_cells` is raw XML added to the first row (for hostile files)."""
    from xml.sax.saxutils import escape

    def cell(value):
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, str) and value.endswith("%") and value[:-1].replace(".", "").isdigit():
            fraction = round(float(value[:-1]) / 100, 10)
            return f'<table:table-cell office:value-type="percentage" office:value="{fraction}"><text:p>{value}</text:p></table:table-cell>'
        if isinstance(value, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'

    tables = []
    for title, rows in sheets.items():
        body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + (extra_cells if k == 0 else "")
                       + '<table:table-cell table:number-columns-repeated="1000"/></table:table-row>'
                       for k, row in enumerate(rows))
        tables.append(f'<table:table table:name="{escape(title)}">{body}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body></office:document-content>'
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    return zip_parts([("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
                      ("META-INF/manifest.xml", manifest.encode()), ("content.xml", content.encode())], stored_first=True)


def xls(sheets: dict[str, list[list]]) -> bytes:
    """A real BIFF8 .xls (Excel 97-2003), as older platform downloads are."""
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    for title, rows in sheets.items():
        sheet = workbook.add_sheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


MONTH_ROWS_HEADER = ["月份", "科普图文（篇）", "科普短视频(条)", "访问量[万次]", "新增粉丝（人）", "图文发布量"]


def month_rows_sheet(year_title: str | None, months=range(1, 7), *, month_text=lambda m: f"{m}月") -> list[list]:
    """The office's monthly sheet: a merged title, the header on row 2, one row per month, 合计, notes."""
    rows = [[year_title] + [None] * 5] if year_title else []
    rows.append(MONTH_ROWS_HEADER)
    total = [0, 0, 0, 0, 0]
    for m in months:
        figures = [400 + m * 3, 25 + m, round(30 + m * 1.5, 1), 1200 + m * 50, 10 + m]
        total = [a + b for a, b in zip(total, figures)]
        rows.append([month_text(m)] + figures)
    rows.append(["合计"] + [round(v, 1) if isinstance(v, float) else v for v in total])
    rows.append([None] * 6)
    rows.append(["填表人：办公室 王某"] + [None] * 5)
    rows.append(["注：访问量为各平台合计"] + [None] * 5)
    return rows


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

    # --- office sheets as offices keep them (issue 10) ------------------------------------------
    add("good_month_rows_title.xlsx", xlsx({"运营数据": month_rows_sheet("2023年1-6月新媒体运营数据统计表")},
                                           merged={"运营数据": ["A1:F1"]}))
    add("good_month_rows_year_column.csv", utf8_bom(
        [["年份", "月份", "科普图文", "科普短视频", "总访问量"]] + [[2022, m, 300 + m, 20 + m, f"{10 + m}万"] for m in range(1, 13)]))
    add("good_month_rows_sheets.xlsx", xlsx(
        {"说明": [["本表按年分工作表填写"]], "2021年": month_rows_sheet(None, range(1, 4)), "2022年": month_rows_sheet(None, range(1, 3)),
         "草稿": [["月份", "科普图文"], ["1月", 999999]]}, hidden=("草稿",)))
    add("good_month_rows_cells.csv", gbk(
        [["2023年新媒体数据"], ["金额单位：万元"], ["统计月份", "科普图文（篇）", "科普经费使用额"]]
        + [[text, 100 + i, 2.5] for i, text in enumerate(["2023年1月", "2023-02", "2023/3", "4"])]))
    add("good_month_rows.ods", ods({"2021年": month_rows_sheet(None, range(1, 4))}))
    add("good_month_rows.xls", xls({"Sheet1": month_rows_sheet("2021年1-3月统计表", range(1, 4))}))
    add("good_percent_cells.xlsx", xlsx({"Sheet1": [["指标", "2021年"], ["预算执行率", 0.975], ["服务对象满意度", 0.96]]},
                                        formats={"Sheet1": {"B2": "0.0%", "B3": "0%"}}))
    add("good_percent_cells.ods", ods({"Sheet1": [["指标", "2021年"], ["预算执行率", "97.5%"], ["服务对象满意度", "96%"]]}))
    add("good_hidden_first_sheet.xlsx", xlsx({"旧数据": [LONG, [2021, None, "科普图文", 1, None]],
                                              "数据": [LONG, [2021, None, "科普图文", 3980, None]]}, hidden=("旧数据",)))
    add("bad_header_unit.csv", utf8([["月份", "科普图文（万元）", "科普短视频（条）"], ["2021年1月", 3, 4]]))
    add("bad_month_rows_no_year.csv", utf8([["月份", "科普图文"], ["1月", 3], ["2月", 4]]))
    # --- cells over line ends (issue 20 item 7): a note typed with Alt+Enter is one quoted cell --------
    add("good_multiline_note.csv", utf8([LONG, [2021, None, "科普图文", 4870, "全年\n含转载"],
                                          [2021, 3, "直播活动", 2, "线上\n线下各一场\n（含彩排）"]]))
    # a stray quote that closes at the next stray quote: three rows merged into one of 7 cells
    add("bad_quote_merges_rows.csv", ("\r\n".join([",".join(LONG), '2021,,科普图文,4870,"全年', "2021,3,直播活动,2,",
                                                     '2021,4,"直播活动,3,线下', "2021,5,直播活动,1,"]) + "\r\n").encode("utf-8"))
    add("warn_month_rows_total.csv", utf8([["月份", "科普图文"], ["2021年1月", 3], ["2021年2月", 4], ["合计", 9]]))
    return made


if __name__ == "__main__":
    names = build()
    print(f"{len(names)} files written to {HERE}", file=sys.stderr)
    sys.path.insert(0, str(HERE.parent / "sources"))
    sys.path.insert(0, str(HERE / "hostile"))
    import make_hostile
    import make_sources

    print(f"{len(make_sources.build())} platform exports written", file=sys.stderr)
    print(f"{len(make_hostile.build())} hostile files written", file=sys.stderr)
