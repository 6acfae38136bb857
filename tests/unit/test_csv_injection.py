"""Spreadsheet-safe exports: formula cells neutralised, CSV in UTF-8 with BOM (museum.safe_csv)."""

import io

import openpyxl
import pandas as pd
import pytest

from museum import safe_csv


@pytest.mark.parametrize(
    "cell, safe",
    [
        ("=1+2", "'=1+2"),
        ('=HYPERLINK("http://evil.example","点我")', '\'=HYPERLINK("http://evil.example","点我")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+2", "'\t=1+2"),
        ("\r=1+2", "'\r=1+2"),
        ("＝1+2", "'＝1+2"),
        ("＋1", "'＋1"),
        ("－1+1", "'－1+1"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ("-12", "-12"),
        ("+3.5%", "+3.5%"),
        ("-1,234.5", "-1,234.5"),
        ("科普图文", "科普图文"),
        ("a=b", "a=b"),
        ("", ""),
        (12, 12),
        (-3.5, -3.5),
        (None, None),
    ],
)
def test_neutralise(cell, safe):
    assert safe_csv.neutralise(cell) == safe


def test_csv_bytes_have_a_bom_and_neutralised_cells_and_headers():
    frame = pd.DataFrame({"指标": ["=1+2", "科普图文"], "=evil": ["@x", "ok"], "数值": [-5, 10]})
    content = safe_csv.to_csv_bytes(frame)
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig") == "指标,'=evil,数值\r\n'=1+2,'@x,-5\r\n科普图文,ok,10\r\n"
    assert list(frame.columns) == ["指标", "=evil", "数值"]  # the caller's frame is not changed


def test_neutralised_frame_written_by_openpyxl_has_no_formula_cells():
    frame = safe_csv.neutralise_frame(pd.DataFrame({"note": ["=SUM(1,2)", "+1+1", "plain"], "value": [1.5, -2.0, 3.0]}))
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [c.data_type for c in cells if c.data_type == "f"] == []
    assert [c.value for c in cells] == ["note", "value", "'=SUM(1,2)", 1.5, "'+1+1", -2, "plain", 3]
