"""The annual pack built once from the embedded 2024 report (plus one uploaded value with a
formula-like note), then every file opened and checked against the database."""

import io
import re
import subprocess
import unicodedata
import zipfile

import openpyxl
import pytest
from docx import Document
from PIL import Image
from pypdf import PdfReader

from museum import kpis, seed
from museum.store import db
from museum.export.pack import build_pack
from tests.export_data import NOTE, observation, write_values

MAX_PAGES = 14  # the 2024 report's pack is 11 A4 pages; a layout change that balloons it fails here
DOCX, PDF, XLSX, CSV, ZIP = "年度总结-2024.docx", "年度总结-2024.pdf", "数据-2024.xlsx", "数据-2024.csv", "年度报告素材包-2024.zip"


@pytest.fixture(scope="module")
def pack_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("pack")
    path = root / "museum.duckdb"
    with db.session(path) as con:
        seed.init(con)
    institution = "西安市科学技术馆"
    write_values(path, [observation("onsite_visitors", 2024, 123456, note=NOTE)], institution, migrate=False)
    with db.session(path) as con:
        pack = build_pack(con, 2024, "zh")
        values = kpis.load_values(con, 1)
    out = root / "out"
    pack.write(out)
    return out, pack, values


def test_exactly_the_pack_files(pack_dir):
    out, pack, _ = pack_dir
    charts = sorted(p.name for p in (out / "charts").iterdir())
    assert sorted(p.name for p in out.iterdir()) == sorted(["charts", DOCX, PDF, XLSX, CSV, ZIP])
    assert charts == sorted(f"{c.name}.{ext}" for c in pack.report.charts for ext in ("png", "svg"))
    # one year of data: the charts of records and assets, no chart of a single bar
    assert [c.name for c in pack.report.charts] == ["awards_matrix_2024", "research_projects_2024", "assets_bridge_2024"]
    names = zipfile.ZipFile(out / ZIP).namelist()
    assert sorted(names) == sorted([DOCX, PDF, XLSX, CSV] + [f"charts/{c}" for c in charts])


def test_docx_kpi_table_has_the_stored_numbers(pack_dir):
    out, _, _ = pack_dir
    document = Document(out / DOCX)
    headline = document.tables[0]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in headline.rows}
    assert [c.text for c in headline.rows[0].cells] == ["指标", "2024年", "2023年", "同比", "说明"]
    # 接待观众人次 leads when the year has it (issue 18 item 8); the row stays at eight
    assert list(rows)[1:] == ["接待观众人次", "科普图文", "科普短视频", "总访问量", "粉丝增长", "“三探五进”公益行科普活动",
                              "获奖总数", "资产年末数"]
    assert rows["科普图文"] == ["科普图文", "5528篇", "—", "—", "无上年数据"]
    assert rows["总访问量"][1] == "超500万次"  # the report's words in a document, not the card's 500万+
    every_kpi = {row.cells[0].text: row.cells[1].text for table in document.tables[2:-1] for row in table.rows}
    assert every_kpi["志愿者后备人选"] == "近3000人" and every_kpi["接待观众人次"] == "12.35万人次"
    text = [p.text for p in document.paragraphs]
    assert text[6:8] == ["西安市科学技术馆", "2024年度工作总结素材"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["重点指标", "机构概况", "线上传播", "科普活动", "交流合作", "人员", "志愿者", "获奖与荣誉", "科研", "资产",
                        "场馆运行", "附录：数据来源"]
    assert "2024年科普图文5528篇；库中没有2023年数据，不作同比。" in text
    assert "2024年资产：年初 63.1 万元，年末 59.27 万元，变化 −3.83 万元（−6.1%）。" in text
    assert len(document.inline_shapes) == len(pack_dir[1].report.charts)
    headers = [t.rows[0].cells[0].text for t in document.tables]
    # headline, registration, then each section's KPIs and its record tables, sources last
    assert headers == ["指标", "字段", "指标", "指标", "指标", "指标", "指标", "指标", "级别", "竞赛", "荣誉", "指标", "类型",
                       "指标", "年份", "指标", "指标"]


def test_pdf_pages_numbers_and_cjk_fonts(pack_dir):
    out, _, _ = pack_dir
    reader = PdfReader(out / PDF)
    pages = len(reader.pages)
    assert 8 <= pages <= MAX_PAGES
    for number, page in enumerate(reader.pages, start=1):
        # 页 may come back as the look-alike radical ⻚: Chromium's ToUnicode picks the first code
        # point of the shared glyph (copy-paste shows the same); the page number itself is what counts
        assert re.search(rf"第 {number} \S / 共 {pages} \S", page.extract_text()), number
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    fonts = subprocess.run(["pdffonts", str(out / PDF)], capture_output=True, text=True, check=True).stdout
    descriptor_names = {
        str(font.get_object()["/FontDescriptor"].get_object()["/FontName"])
        for page in reader.pages for font in page["/Resources"]["/Font"].values()
        if "/FontDescriptor" in font.get_object()
    }
    assert any("NotoSansCJKsc" in name for name in descriptor_names), descriptor_names
    assert "yes" in fonts  # embedded
    assert "科普图文" in unicodedata.normalize("NFKC", reader.pages[1].extract_text())  # ⽂ -> 文


def test_pngs_are_2x(pack_dir):
    out, pack, _ = pack_dir
    for item in pack.report.charts:
        size = Image.open(out / "charts" / f"{item.name}.png").size
        assert size == (1920, item.figure.layout.height * 2), item.name


def test_xlsx_reads_back_equal_to_the_database(pack_dir):
    out, _, values = pack_dir
    book = openpyxl.load_workbook(out / XLSX)
    assert book.sheetnames[:2] == ["线上传播", "科普活动"]
    rows = list(book["线上传播"].values)
    header, body = rows[0], rows[1:]
    assert header[:7] == ("指标编号", "指标", "单位", "年份", "月份", "数值", "限定")
    stored = values[values["metric_id"].isin(["posts", "short_videos", "livestreams", "online_visits",
                                              "follower_growth", "douyin_hot_list"])]
    assert sorted((r[0], r[3], r[5]) for r in body) == sorted(zip(stored["metric_id"], stored["year"], stored["value"]))
    assert ("posts", 2024, 5528) in [(r[0], r[3], r[5]) for r in body]
    venue = list(book["场馆运行"].values)
    assert venue[1][0] == "onsite_visitors" and venue[1][5] == 123456 and venue[1][7] == "'=1+1"
    assert venue[1][6] == "精确值" and venue[1][10] == "否"  # qualifiers and yes/no in words


def test_csv_has_a_bom_and_the_note_neutralised(pack_dir):
    out, _, _ = pack_dir
    content = (out / CSV).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert text.splitlines()[0] == "类别,指标编号,指标,单位,年份,月份,数值,限定,备注,原文,批次,示例数据"
    assert ",'=1+1," in text and ",=1+1," not in text
    assert "线上传播,posts,科普图文,篇,2024,,5528,精确值," in text  # a count is an integer
    assert ",59.27,精确值," in text and "59.2700000" not in text


def test_zip_holds_the_same_bytes(pack_dir):
    out, _, _ = pack_dir
    archive = zipfile.ZipFile(out / ZIP)
    assert archive.read(DOCX) == (out / DOCX).read_bytes()
    assert archive.read("charts/awards_matrix_2024.png") == (out / "charts/awards_matrix_2024.png").read_bytes()
    Document(io.BytesIO(archive.read(DOCX)))


def test_chart_text_in_the_pdf_is_searchable_as_written(pack_dir):
    """Issue 18 §25: a chart's words extract as the characters written (目标, 增长, 各月), never as the
    Kangxi radicals that share their glyphs (⽬, ⻓, ⽉), and its numbers keep every digit."""
    out, pack, _ = pack_dir
    text = subprocess.run(["pdftotext", str(out / PDF), "-"], capture_output=True, text=True, check=True).stdout
    radicals = [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    assert radicals == []
    assert pack.report.charts and "%" in text
