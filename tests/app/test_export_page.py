"""The 导出 page in both languages, and the per-chart download menu on every chart (AppTest)."""

import io
import re
import zipfile

import pytest

from tests.app.conftest import open_page
from tests.export_data import small_database

EXPORT_TIMEOUT = 240  # one real pack: kaleido start, three charts, a Chromium PDF print


@pytest.fixture
def small_db(tmp_path, monkeypatch):
    path = small_database(tmp_path / "small.duckdb")
    monkeypatch.setenv("MUSEUM_DB", str(path))
    return path


def download_labels(app) -> list[str]:
    return [element.proto.label for element in app.get("download_button")]


def test_export_page_zh_builds_the_pack(small_db):
    app = open_page("app_pages/export.py", "zh", timeout=EXPORT_TIMEOUT)
    assert app.title[0].value == "导出"
    assert app.markdown[0].value.startswith("为所选年度生成年度工作总结素材包")
    assert download_labels(app) == []
    app.button[0].click().run()
    assert not app.exception
    said = re.fullmatch(r"已生成 2024 年素材包：3 张图表，(\d+) 个文件，用时 \d+\.\d 秒。", app.success[0].value)
    zipped = zipfile.ZipFile(io.BytesIO(app.session_state["export_pack"][1]["年度报告素材包-2024.zip"])).namelist()
    assert said and int(said.group(1)) == len(zipped) == 10  # the files in the zip, not the zip as one more
    assert download_labels(app) == ["下载素材包（年度报告素材包-2024.zip）", "下载 Word 文档（年度总结-2024.docx）",
                                    "下载 PDF（年度总结-2024.pdf）"]


def test_export_page_en(small_db):
    app = open_page("app_pages/export.py", "en")
    assert app.title[0].value == "Export"
    assert app.button[0].label == "Build the pack"
    assert app.markdown[0].value.startswith("Build the material for the annual summary of the chosen year")


def test_every_chart_has_a_lazy_download_menu(small_db, monkeypatch):
    from museum import export

    calls = []
    monkeypatch.setattr(export, "chart_file", lambda *args: calls.append(args) or b"")
    app = open_page("app_pages/trends.py", "en")
    charts = len(app.get("plotly_chart"))
    assert charts == 1  # the first group of the category: posts by year (one group is shown at a time)
    assert download_labels(app) == ["PNG image (2x, for Word)", "SVG vector image", "PDF", "Data as CSV (opens in Excel)",
                                    "Data as Excel (XLSX)"] * charts
    assert calls == []  # nothing is rendered until a button is pressed
