"""Formula neutralisation and the CSV/XLSX encodings every download uses."""

import io

import openpyxl
import pandas as pd
import pytest

from museum import safe_csv


@pytest.mark.parametrize("text, expected", [
    ("=1+1", "'=1+1"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("＝1+1", "'＝1+1"),
    ("-12", "-12"),
    ("+3.5%", "+3.5%"),
    ("-1,234", "-1,234"),
    ("科普图文", "科普图文"),
    ("a=1", "a=1"),
])
def test_neutralise_text(text, expected):
    assert safe_csv.neutralise(text) == expected


def test_neutralise_leaves_non_text_alone():
    assert safe_csv.neutralise(5) == 5
    assert safe_csv.neutralise(None) is None


def test_csv_is_utf8_with_bom_and_neutralised():
    frame = pd.DataFrame({"指标": ["科普图文", "=1+1"], "数值": [5528, -3]})
    content = safe_csv.to_csv_bytes(frame)
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig") == "指标,数值\r\n科普图文,5528\r\n'=1+1,-3\r\n"


def test_xlsx_sheets_neutralised_and_named():
    content = safe_csv.to_xlsx_bytes({
        "线上传播": pd.DataFrame({"备注": ["=1+1", "好"], "数值": [1.5, 2.0]}),
        "a/b:c*d?[e]" + "x" * 40: pd.DataFrame({"x": [1]}),
    })
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["线上传播", "a_b_c_d__e_xxxxxxxxxxxxxxxxxxxx"]
    rows = list(book["线上传播"].values)
    assert rows == [("备注", "数值"), ("'=1+1", 1.5), ("好", 2)]
    assert book["线上传播"]["A2"].data_type == "s"  # text, not a formula


def test_xlsx_drops_characters_xml_cannot_hold():
    content = safe_csv.to_xlsx_bytes({"数据": pd.DataFrame({"备注": ["响铃\x07字符\x00", "换行\n保留"]})})
    rows = list(openpyxl.load_workbook(io.BytesIO(content))["数据"].values)
    assert rows == [("备注",), ("响铃字符",), ("换行\n保留",)]
