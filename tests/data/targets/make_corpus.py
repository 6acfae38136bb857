"""Build the 绩效目标表 test corpus: target sheets as finance offices save them, good and bad.

Run `python tests/data/targets/make_corpus.py` to regenerate; the generated files are committed
and tests/unit/test_targets_corpus.py states what each one must produce (and that regenerating
changes no byte). The sheets are the 2024 targets, so linked indicators meet the embedded
report's figures.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import openpyxl
import xlwt

HERE = Path(__file__).resolve().parent
CRLF = "\r\n"
TITLE = "2024年度部门整体绩效目标表"
UNIT_LINE = "单位名称：西安市科学技术馆        金额单位：万元"
HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "分值", "备注"]
# (一级, 二级, 三级, 指标值, 分值): the merged groups are (产出指标: 数量指标 ×3, 质量指标, 成本指标),
# (效益指标: 社会效益指标 ×2), (满意度指标 ×1)
INDICATORS = [
    ("产出指标", "数量指标", "“科普西安”融媒体矩阵发布科普图文", "≥6000篇", 15),
    ("产出指标", "数量指标", "全国科普日专题活动", "10场", 10),
    ("产出指标", "数量指标", "新媒体总访问量", "450万次", 10),
    ("产出指标", "质量指标", "免费开放天数", "=300天", 10),
    ("产出指标", "成本指标", "项目支出预算", "≤1100万元", 10),
    ("效益指标", "社会效益指标", "“三探五进”公益行科普活动", "不少于50场", 10),
    ("效益指标", "社会效益指标", "科普服务社会影响", "达到预期", 5),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥99%", 10),
]


def write(name: str, content: bytes) -> None:
    (HERE / name).write_bytes(content)


def fixed_times(archive_bytes: bytes) -> bytes:
    """The same zip with every entry dated 2024-01-01, so that regenerating changes no byte."""
    source = zipfile.ZipFile(io.BytesIO(archive_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                content = re.sub(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", content)
            target.writestr(entry, content)
    return out.getvalue()


def office_rows(indicators, *, blank_merged: bool = True) -> list[list]:
    """The table as an office lays it out: 一级/二级 text only in the first row of its group."""
    rows, last = [], (None, None)
    for level1, level2, name, target, weight in indicators:
        shown1 = level1 if not blank_merged or level1 != last[0] else None
        shown2 = level2 if not blank_merged or (level1, level2) != last else None
        rows.append([shown1, shown2, name, target, weight, None])
        last = (level1, level2)
    return rows


def _merge_spans(indicators) -> list[tuple[int, int, int]]:
    """(first row, last row, column) of each run of equal 一级 (column 0) and 二级 (column 1) cells."""
    spans = []
    for column, key in ((0, lambda r: r[0]), (1, lambda r: (r[0], r[1]))):
        start = 0
        for index in range(1, len(indicators) + 1):
            if index == len(indicators) or key(indicators[index]) != key(indicators[start]):
                if index - start > 1:
                    spans.append((start, index - 1, column))
                start = index
    return spans


def xlsx_targets(indicators, *, budget=(1040, 1100, 1050)) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "绩效目标"
    sheet.append([TITLE])
    sheet.merge_cells("A1:F1")
    sheet.append([UNIT_LINE])
    sheet.merge_cells("A2:F2")
    sheet.append(["年初预算数", budget[0], "全年预算数", budget[1], "全年执行数", budget[2]])
    sheet.append(HEADER)
    first = 5
    for row in office_rows(indicators):
        sheet.append(row)
    for start, end, column in _merge_spans(indicators):
        letter = "AB"[column]
        sheet.merge_cells(f"{letter}{first + start}:{letter}{first + end}")
    sheet.append(["合计", None, None, None, sum(r[4] for r in indicators), None])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed as text ('=300天), as Excel keeps it
    workbook.properties.created = workbook.properties.modified = __import__("datetime").datetime(2024, 1, 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return fixed_times(buffer.getvalue())


def xls_targets(indicators) -> bytes:
    """An old BIFF .xls (Excel 97–2003) with the 一级/二级 cells merged, as xlwt writes it."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("绩效目标")
    sheet.write_merge(0, 0, 0, 5, TITLE)
    sheet.write_merge(1, 1, 0, 5, UNIT_LINE)
    for column, text in enumerate(HEADER):
        sheet.write(2, column, text)
    first = 3
    spans = _merge_spans(indicators)
    covered = {(first + r, c) for s, e, c in spans for r in range(s, e + 1)}
    for start, end, column in spans:
        sheet.write_merge(first + start, first + end, column, column, indicators[start][column])
    for offset, (level1, level2, name, target, weight) in enumerate(indicators):
        row = first + offset
        for column, value in ((0, level1), (1, level2)):
            if (row, column) not in covered:
                sheet.write(row, column, value)
        sheet.write(row, 2, name)
        sheet.write(row, 3, target)
        sheet.write(row, 4, weight)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def excel_csv(rows: list[list]) -> str:
    """Rows as Excel's "CSV (逗号分隔)" writes them: CRLF, quotes only where needed."""
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            text = "" if cell is None else str(cell)
            if any(ch in text for ch in (",", '"', "\n", "\r")):
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        lines.append(",".join(cells))
    return CRLF.join(lines) + CRLF


def csv_targets(indicators, *, header=HEADER, extra=None, encoding="gbk") -> bytes:
    rows = [[TITLE], [UNIT_LINE], header]
    body = office_rows(indicators)
    if extra is not None:
        body = [row[:5] + [extra[index]] for index, row in enumerate(body)]
    rows += body
    return excel_csv(rows).encode(encoding)


def replaced(index: int, **changes) -> list[tuple]:
    rows = [list(r) for r in INDICATORS]
    fields = {"level1": 0, "level2": 1, "name": 2, "target": 3, "weight": 4}
    for key, value in changes.items():
        rows[index][fields[key]] = value
    return [tuple(r) for r in rows]


def build() -> list[str]:
    files = {
        "good_merged.xlsx": xlsx_targets(INDICATORS),
        "good_legacy.xls": xls_targets(INDICATORS),
        "good_gbk.csv": csv_targets(INDICATORS),
        # 指标值 "较上年提高" (row 10 of the sheet: title, unit line, budget, header, then the 6th indicator)
        "bad_relative.xlsx": xlsx_targets(replaced(5, target="较上年提高")),
        # 分值 adding up to 75: accepted, with a warning that shows the sum
        "bad_weight_total.csv": csv_targets(replaced(1, weight=5)),
        # the same indicator twice (rows 4 and 9 of the csv)
        "bad_duplicate.csv": csv_targets(replaced(5, name="“科普西安”融媒体矩阵发布科普图文")),
        # a link to a metric with an incompatible unit: 全国科普日专题活动 (场) → posts (篇)
        "bad_unit_link.csv": csv_targets(INDICATORS, header=HEADER[:5] + ["关联指标"],
                                         extra=[None, "posts", None, None, None, None, None, None], encoding="utf-8"),
        "bad_no_header.csv": excel_csv([[TITLE], ["指标", "目标"], ["科普图文", "6000"]]).encode("utf-8"),
    }
    for name, content in files.items():
        write(name, content)
    return sorted(files)


if __name__ == "__main__":
    for made in build():
        print(made, file=sys.stdout)
