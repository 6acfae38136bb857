"""The annual-report parser on what is not a report: empty, unrelated or binary files, a broken
.docx, a report without its year, and a report cut off anywhere (read or refused, never a crash)."""

from __future__ import annotations

from pathlib import Path

import pytest

from museum.report import parser as report_parser
from museum.errors import InputRejected

DATA = Path(__file__).resolve().parent.parent / "data" / "report"


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"", "empty.txt", "文件 empty.txt 是空的，没有可读取的报告内容。"),
        ((DATA / "not_a_report.txt").read_bytes(), "not_a_report.txt",
         "not_a_report.txt 不像事业单位法人年度报告：只找到 0 个登记事项（至少需要 3 个，如 单位名称、住所、法定代表人、开办资金）。"),
        ("单位名称 | 某馆 |\n住所 | 某地 |\n法定代表人 | 某人 |\n".encode(), "no_year.txt",
         "no_year.txt 中找不到报告年度（如“( 2023 年度)”“2023年度”，或业务活动情况中的“2023年”）。请在文本开头补上“2023年度”后重试。"),
        (b"PK\x03\x04not really a zip", "broken.docx",
         "这不是有效的 .docx 文件（无法打开其压缩结构）。请用 Office/WPS 重新另存为 .docx 后再上传。"),
    ],
)
def test_not_a_report_is_refused_with_a_reason(content, name, message):
    with pytest.raises(InputRejected) as caught:
        report_parser.parse_bytes(content, name)
    assert caught.value.message("zh") == message


@pytest.mark.parametrize("head, name", [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "年报.doc"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "年报.wps"),
                                        (b"%PDF-1.7\n", "年报.pdf"), (b"{\\rtf1\\ansi", "年报.rtf"), (b"\x89PNG\r\n\x1a\n", "年报.png")])
def test_an_old_word_file_a_pdf_or_a_picture_is_told_how_to_save_the_report(head, name):
    with pytest.raises(InputRejected) as caught:
        report_parser.parse_bytes(head + bytes(range(256)) * 8, name)
    assert caught.value.key == "report.not_text_file"
    assert name in caught.value.message("zh") and "另存为 .docx 或 .txt" in caught.value.message("zh")
    assert "save it as .docx or .txt" in caught.value.message("en")


def test_binary_junk_is_refused():
    junk = bytes(range(256)) * 20
    with pytest.raises(InputRejected) as caught:
        report_parser.parse_bytes(junk, "junk.bin")
    assert caught.value.key in ("report.not_a_report", "report.undecodable")


@pytest.mark.parametrize("name", ["pipe_multi.txt", "cell_per_line.txt", "label_value.txt"])
def test_text_cut_anywhere_is_read_or_refused_never_crashes(name):
    text = (DATA / name).read_text(encoding="utf-8")
    for cut in range(0, len(text), 7):
        try:
            parsed = report_parser.parse_text(text[:cut], file_name=name)
        except InputRejected as refused:
            assert refused.key in ("report.empty", "report.not_a_report", "report.no_year")
            continue
        for figure in parsed.metrics:
            assert figure.sentence in text[:cut]
        for item in parsed.unplaced:
            assert item["sentence"] in text[:cut]
