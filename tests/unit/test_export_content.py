"""What the pack says: the sections' KPI tables, sentences from stored numbers, escaping, demo marks
(no rendering)."""

import io

import pytest
from docx import Document

from museum import demo
from museum.store import db
from museum.errors import InputRejected
from museum.export.content import build_report, kpi_table
from museum.export.pdf import build_html
from museum.export.word import build_docx
from museum.sections import Chart, KpiCards, Sentences
from tests.export_data import SENTENCE, small_database


@pytest.fixture
def small(tmp_path):
    return small_database(tmp_path / "small.duckdb")


def report_of(path, year=2024, lang="zh"):
    with db.session(path) as con:
        return build_report(con, year, lang)


def section(report, key):
    return next(s for s in report.sections if s.key == key)


def blocks_of(report, key, kind):
    return [b for b in section(report, key).blocks if isinstance(b, kind)]


def without_charts(report):
    """The report's text and tables only (the marks in the text, without rendering images)."""
    for part in report.sections:
        part.blocks = [b for b in part.blocks if not isinstance(b, Chart)]
    return report


def test_kpi_tables_and_sentences_zh(small):
    report = report_of(small)
    assert report.institution == "测试科技馆"
    assert [s.key for s in report.sections] == ["overview", "online_media", "volunteers"]
    headline = kpi_table(blocks_of(report, "overview", KpiCards)[0], 2024, "zh")
    assert headline.columns.tolist() == ["指标", "2024年", "2023年", "同比", "说明"]
    assert headline.values.tolist() == [
        ["科普图文", "1123篇", "1000篇", "+12.3%", ""],
        ["科普短视频", "356条", "300条", "+18.7%", ""],
    ]
    volunteers = kpi_table(blocks_of(report, "volunteers", KpiCards)[0], 2024, "zh")
    assert volunteers.values.tolist() == [["志愿者后备人选", "约3000人", "—", "—", "无上年数据"]]
    assert blocks_of(report, "online_media", Sentences)[0].lines == [
        "2024年科普图文1123篇，同比增长12.3%。", "2024年科普短视频356条，同比增长18.7%。"]
    assert blocks_of(report, "volunteers", Sentences)[0].lines == ["2024年志愿者后备人选约3000人；库中没有2023年数据，不作同比。"]
    assert [c.name for c in report.charts] == ["posts_years_2024", "short_videos_years_2024", "online_media_change_2024"]
    assert report.demo is False


def test_sentences_en(small):
    report = report_of(small, lang="en")
    assert blocks_of(report, "online_media", Sentences)[0].lines[0] == "Science posts in 2024: 1,123 posts, up 12.3% on 2023."
    headline = kpi_table(blocks_of(report, "overview", KpiCards)[0], 2024, "en")
    assert headline.columns.tolist() == ["Metric", "2024", "2023", "Change", "Note"]


def test_a_decrease_and_an_approximate_change(tmp_path):
    from tests.export_data import observation, write_values

    path = tmp_path / "down.duckdb"
    write_values(path, [observation("posts", 2023, 1000), observation("posts", 2024, 900),
                        observation("online_visits", 2023, 4_000_000, "at_least"),
                        observation("online_visits", 2024, 5_000_000, "at_least")])
    sentences = blocks_of(report_of(path), "online_media", Sentences)[0].lines
    assert sentences == ["2024年科普图文900篇，同比下降10.0%。", "2024年总访问量超500万次，同比增长约25.0%。"]


def test_year_without_data_is_rejected(small):
    with pytest.raises(InputRejected) as caught:
        report_of(small, year=2019)
    assert caught.value.message("zh") == "2019年没有任何数据，无法生成报告素材包。有数据的年份：2024、2023"


def test_text_from_the_database_is_escaped_in_the_html(small):
    report = report_of(small)
    page = build_html(report, {c.name: b"<svg xmlns='http://www.w3.org/2000/svg'/>" for c in report.charts})
    assert "<script>" not in page
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:;' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;志愿者约3000人" in page
    assert SENTENCE in report.sources.iloc[:, 1].tolist()


def test_data_sheets_hold_every_value_with_chinese_headers(small):
    report = report_of(small)
    assert list(report.data_sheets) == ["线上传播", "志愿者"]
    sheet = report.data_sheets["线上传播"]
    assert sheet.columns.tolist() == ["指标编号", "指标", "单位", "年份", "月份", "数值", "限定", "备注", "原文", "批次", "示例数据"]
    assert sheet[["指标编号", "年份", "数值"]].values.tolist() == [
        ["posts", 2023, 1000], ["posts", 2024, 1123], ["short_videos", 2023, 300], ["short_videos", 2024, 356]]
    assert set(sheet["限定"]) == {"精确值"} and set(sheet["示例数据"]) == {"否"}


def test_demo_data_is_marked_in_charts_and_documents(db_path):
    with db.session(db_path) as con:
        demo.load(con, 1, actor="test")
        report = build_report(con, 2024, "zh")
    assert report.demo is True
    banner = "示例数据，非真实统计"
    assert report.charts
    assert all(any(a.text == banner for a in item.figure.layout.annotations) for item in report.charts)
    without_charts(report)
    assert banner in build_html(report, {})
    document = Document(io.BytesIO(build_docx(report, {})))
    assert document.sections[0].header.paragraphs[0].text == banner
    assert "注意：本文件包含示例数据（虚构），非真实统计，不得对外使用。" in [p.text for p in document.paragraphs]


def test_control_characters_from_the_database_do_not_break_the_word_file(tmp_path):
    from tests.export_data import observation, write_values

    path = tmp_path / "control.duckdb"
    write_values(path, [observation("posts", 2024, 10, sentence="原文\x07带响铃")])
    report = without_charts(report_of(path))
    document = Document(io.BytesIO(build_docx(report, {})))
    assert "原文带响铃" in [cell.text for table in document.tables for row in table.rows for cell in row.cells]
