"""Build the hostile upload corpus (issue 14): careless and malicious files, each with one outcome.

Every file here must be refused with a clear message or accepted with exactly the right values;
tests/unit/test_intake_hostile.py states which, runs the whole corpus and prints the counts
(refused cleanly / accepted correctly / accepted wrongly / crashed). Sizes are kept small where
the same code path is hit by a small file (a 1 MB line stands for the 49 MB one: both pass the
csv module's 128 KB field limit and Excel's 32,767-character cell limit).
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import make_corpus  # noqa: E402

OUT = [HERE]
LONG = make_corpus.LONG

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)


def handmade_xlsx(sheet_data: str, *, dimension: str = "A1:E2", shared: str | None = None, extra: list[tuple[str, bytes]] = ()) -> bytes:
    """A minimal workbook written by hand, so that its XML can be anything a hostile file holds."""
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>')
    strings = shared or '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>'
    parts = [("[Content_Types].xml", CONTENT_TYPES.encode()), ("_rels/.rels", ROOT_RELS.encode()),
             ("xl/workbook.xml", WORKBOOK.encode()), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.encode()),
             ("xl/worksheets/sheet1.xml", sheet.encode()), ("xl/sharedStrings.xml", strings.encode()), *extra]
    return make_corpus.zip_parts(parts)


def inline_row(number: int, values: list) -> str:
    cells = []
    for k, value in enumerate(values):
        ref = f"{chr(65 + k)}{number}"
        if isinstance(value, (int, float)):
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        elif value is not None:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def build() -> list[str]:
    made = []

    def add(name, content):
        (OUT[0] / name).write_bytes(content)
        made.append(name)

    # --- careless files that lost data silently (issue 14 item 3) -------------------------------
    rows = [",".join(LONG), '2021,,科普图文,4870,"备注没有闭合'] + [f"2021,{m % 12 + 1},直播活动,{m},第{m}行" for m in range(24_000)]
    add("unclosed_quote.csv", ("\r\n".join(rows) + "\r\n").encode("utf-8"))
    add("hidden_first_sheet.xlsx", make_corpus.xlsx({"隐藏": [LONG, [2021, None, "科普图文", 1, None]],
                                                     "可见": [LONG, [2021, None, "科普图文", 3980, None]]}, hidden=("隐藏",)))
    add("huge_integer.csv", make_corpus.utf8([LONG, [2021, 1, "科普图文", "9999999999999999999", None]]))
    add("implausible_posts.csv", make_corpus.utf8([LONG, [2021, 1, "科普图文", "5000000", None], [2021, 2, "科普图文", "400", None]]))
    add("implausible_assets.csv", make_corpus.utf8([LONG, [2021, None, "资产年末数", "10000000000", None]]))

    # --- denial of service (item 5) ------------------------------------------------------------------
    add("dimension_bomb.xlsx", handmade_xlsx(inline_row(1, LONG) + inline_row(2, [2021, None, "科普图文", 4870]),
                                             dimension="A1:XFD1048576"))
    add("far_cell.xlsx", handmade_xlsx(inline_row(1, LONG) + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))
    add("million_columns.csv", (",".join(["1"] * 1_000_000) + "\r\n").encode("ascii"))
    add("too_many_parts.xlsx", handmade_xlsx(inline_row(1, LONG), extra=[(f"xl/media/pad{k}.xml", b"<x/>") for k in range(2001)]))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in (("[Content_Types].xml", CONTENT_TYPES.encode()), ("xl/workbook.xml", WORKBOOK.encode())):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0)), content)
        entry = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2023, 1, 1, 0, 0, 0))
        entry.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(entry, b" " * (300 << 20))
    add("zip_bomb_300mb.xlsx", bomb.getvalue())
    rng = random.Random(14)
    many = [LONG] + [[2021, rng.randint(1, 12), f"不存在的指标{k}", "很多", None] for k in range(100_000)]
    add("hundred_thousand_errors.csv", make_corpus.utf8(many))
    # a daily sheet is not a month sheet: 200,000 rows of days, each a problem, refused in seconds
    add("daily_rows_200k.csv", make_corpus.utf8([["日期", "科普图文"]] + [[f"2025-03-{d % 28 + 1:02d}", d] for d in range(200_000)]))
    ods_cell = '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
    add("repeated_cells_bomb.ods", make_corpus.ods({"S": [["a"]] * 3}, extra_cells=ods_cell))

    # --- crashes that must become messages (item 6, and 14) ---------------------------------
    add("cr_only_line_ends.csv", ("\r".join([",".join(LONG), "2021,,科普图文,4870,", "2021,3,直播活动,2,春季"]) + "\r").encode("gbk"))
    add("single_line_1mb.csv", ("很长的一行没有换行" * 40_000).encode("utf-8"))
    entities = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
                '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol3;</t></si></sst>')
    add("billion_laughs.xlsx", handmade_xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared=entities))
    utf8_part = make_corpus.excel_csv([LONG, [2021, None, "科普图文", 4870, "全年数据"], [2021, None, "科普短视频", 312, "上半年"]]).encode("utf-8")
    gbk_part = make_corpus.excel_csv([[2021, None, "直播活动", 7, "下半年补录"]]).encode("gbk")
    add("mixed_utf8_gbk.csv", utf8_part + gbk_part)
    return made


if __name__ == "__main__":
    print(f"{len(build())} files written to {HERE}", file=sys.stderr)
