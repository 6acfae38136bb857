"""Files that are no sheet are named and sent where they belong; the chosen year wins (issue 18)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from museum.intake import ingest, kinds

CORPUS = Path(__file__).resolve().parents[1] / "data" / "intake"


def zipped(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0)), "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize("content, name, expected", [
    (zipped("[Content_Types].xml", "word/document.xml"), "报告.docx", ("word", "DOCX")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "报告.doc", ("word", "DOC")),
    (b"{\\rtf1\\ansi 2024}", "报告.rtf", ("word", "RTF")),
    (b"%PDF-1.7\n", "报告.pdf", ("pdf", "PDF")),
    (b"\x89PNG\r\n\x1a\n" + bytes(20), "截图.png", ("image", "PNG")),
    (b"\xff\xd8\xff\xe1" + bytes(20), "IMG_1.jpg", ("image", "JPEG")),
    (b"\x00\x00\x00\x18ftypheic" + bytes(20), "IMG_2.HEIC", ("image", "HEIC")),
    (b"\x00\x00\x00\x18ftypisom" + bytes(20), "clip.mp4", ("media", "MP4")),
    (zipped("[Content_Types].xml", "ppt/presentation.xml"), "汇报.pptx", ("slides", "PPTX")),
    (zipped("a.csv", "b.csv"), "三月.zip", ("archive", "ZIP")),
])
def test_a_file_that_is_no_sheet_is_named(content, name, expected):
    assert kinds.kind(content, name) == expected
    analysis = ingest.analyse(content, name)
    assert analysis.status == "rejected"
    assert [p.key for p in analysis.errors] == [f"intake.error.kind_{expected[0]}"]
    assert name in analysis.errors[0].message("zh") and name in analysis.errors[0].message("en")


@pytest.mark.parametrize("name", ["good_long.xlsx", "good_month_rows.ods", "good_month_rows.xls", "good_long_utf8.csv"])
def test_sheets_are_not_taken_for_other_files(name):
    assert kinds.kind((CORPUS / name).read_bytes(), name) is None


def test_a_word_report_says_where_it_goes():
    problem = kinds.not_a_sheet(zipped("word/document.xml"), "2024年度报告.docx")
    assert "导入年度报告" in problem.message("zh") and "Import annual report" in problem.message("en")


def test_the_chosen_year_wins_over_the_title_year():
    content = (CORPUS / "good_month_rows_title.xlsx").read_bytes()
    assert ingest.analyse(content, "x.xlsx").year_from == "title"
    chosen = ingest.analyse(content, "x.xlsx", year=2024)
    assert (chosen.status, chosen.year_from) == ("valid", "option")
    assert set(chosen.observations["year"].astype(int)) == {2024}


def test_a_year_written_in_the_rows_stands_whatever_is_chosen():
    chosen = ingest.analyse((CORPUS / "good_long_utf8.csv").read_bytes(), "x.csv", year=2024)
    assert chosen.year_from == "column" and set(chosen.observations["year"].astype(int)) == {2023}
