"""数据上传 (issue 18): stale previews refused, several files at once, files that are no sheet
named, the 年份 choice honoured, the preview's counts in one line (AppTest, zh and en)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from museum.intake import ingest
from museum.store import db
from tests.app.conftest import open_page as open_app, signed_in, texts, unescaped

CORPUS = Path(__file__).resolve().parents[1] / "data" / "intake"
SOURCES = CORPUS.parent / "sources"
UPLOAD = "app_pages/upload.py"


def open_page(lang: str = "zh"):
    return open_app(UPLOAD, lang, session=signed_in("editor"))


def run(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def batches(path) -> list[tuple]:
    with db.session(path) as con:
        return con.execute("select batch_id, kind, file_name from batch order by batch_id").fetchall()


def posts_2023(path):
    with db.session(path) as con:
        return con.execute("select value from observation where metric_id = 'posts' and year = 2023 and month is null "
                           "and retired_by_batch is null").fetchall()


def docx_bytes() -> bytes:
    """A minimal Word document (fixed dates, so the bytes are the same every run)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in (("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def test_a_preview_made_before_another_commit_is_refused_with_a_message(app_db):
    at = open_page("zh")
    at.file_uploader(key="intake_file").upload("good_long_utf8.csv", (CORPUS / "good_long_utf8.csv").read_bytes(), "text/csv")
    run(at)
    # another tab commits the same year's 科普图文 while this preview is open
    with db.session(app_db) as con:
        ingest.ingest(con, 1, "年份,指标,数值\r\n2023,posts,5000\r\n".encode(), "other-tab.csv", actor="test")
    before = batches(app_db)
    at.button(key="intake_commit").click()
    run(at)
    errors = [unescaped(e.value) for e in at.error]
    assert any(e.startswith("“good_long_utf8.csv”的预览已过期") for e in errors), errors
    assert batches(app_db) == before and posts_2023(app_db) == [(5000.0,)]
    # the refreshed preview says 5000 -> 4870; confirmed again, it goes in
    every = next(d.value for d in at.dataframe if "原值" in d.value.columns)
    assert every[["变化", "原值", "新值"]].values.tolist()[0] == ["修改", "5000篇", "4870篇"]
    at.button(key="intake_commit").click()
    run(at)
    assert posts_2023(app_db) == [(4870.0,)]
    assert batches(app_db)[-1][2] == "good_long_utf8.csv"


def test_several_files_one_preview_each_one_confirmation_en(app_db):
    at = open_page("en")
    douyin = SOURCES / "douyin_works_20210415.xlsx"
    at.file_uploader(key="intake_file").set_value([
        ("good_long_gbk.csv", (CORPUS / "good_long_gbk.csv").read_bytes(), "text/csv"),
        (douyin.name, douyin.read_bytes(), "application/octet-stream"),
    ])
    run(at)
    shown = texts(at)
    assert "**good_long_gbk.csv**" in shown and f"**{douyin.name}**" in shown
    assert shown.count("The file is valid.") == 2
    button = at.button(key="intake_commit")
    assert button.label == "Import (2 files)"
    button.click()
    run(at)
    assert [b[1:] for b in batches(app_db)[1:]] == [("upload", "good_long_gbk.csv"), ("upload", douyin.name)]
    done = [unescaped(s.value) for s in at.success]  # the message is escaped (issue 20 §4)
    assert sum(s.startswith("Imported as batch #") for s in done) == 2, done
    assert [b.key for b in at.button if b.key == "intake_commit"] == []


def test_a_word_file_and_a_photo_say_what_they_are_and_where_they_go(app_db):
    at = open_page("zh")
    at.file_uploader(key="intake_file").set_value([
        ("2024年度报告.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("IMG_0001.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "image/jpeg"),
    ])
    run(at)
    errors = [unescaped(e.value) for e in at.error]
    assert errors[0].startswith("“2024年度报告.docx”是一份 Word 文档（DOCX），不是数据表格。年度报告请到“导入年度报告”页面导入")
    assert errors[1].startswith("“IMG_0001.jpg”是一张图片（JPEG），看板无法识别其中的数字。")
    assert [b.key for b in at.button if b.key == "intake_commit"] == []
    assert len(batches(app_db)) == 1


def test_the_chosen_year_wins_over_the_title_and_is_fixed_when_the_rows_name_it(app_db):
    at = open_page("zh")
    name = "good_month_rows_title.xlsx"
    uploader = at.file_uploader(key="intake_file")
    uploader.upload(name, (CORPUS / name).read_bytes(), "application/octet-stream")
    run(at)
    year = next(s for s in at.selectbox if s.label == "年份")
    assert not year.disabled
    year.select(2024)
    run(at)
    source = dict(zip(at.dataframe[0].value.iloc[:, 0], at.dataframe[0].value.iloc[:, 1]))
    assert source["年份来自"] == "指定的年份"
    months = next(d.value for d in at.dataframe if "2024年1月" in d.value.columns)
    assert "2023年1月" not in months.columns
    at.button(key="intake_commit").click()
    run(at)
    with db.session(app_db) as con:
        assert con.execute("select distinct year from observation where batch_id = 2").fetchall() == [(2024,)]


def test_the_year_box_is_fixed_and_says_why_when_the_rows_name_the_year(app_db):
    at = open_page("zh")
    at.file_uploader(key="intake_file").upload("good_long_utf8.csv", (CORPUS / "good_long_utf8.csv").read_bytes(), "text/csv")
    run(at)
    assert next(s for s in at.selectbox if s.label == "年份").disabled
    assert "年份取自文件的年份列，逐行写明，不能在这里更改；如有错误请修改文件。" in texts(at)


def test_the_month_table_lists_the_changed_months_first_column_pinned(app_db):
    with db.session(app_db) as con:
        rows = "".join(f"2023,{m},科普图文,{100 + m}\r\n" for m in range(1, 13))
        ingest.ingest(con, 1, ("年份,月份,指标,数值\r\n" + rows).encode(), "year.csv", actor="test")
    changed = "".join(f"2023,{m},科普图文,{100 + m + (5 if m == 12 else 0)}\r\n" for m in range(1, 13))
    at = open_page("zh")
    at.file_uploader(key="intake_file").upload("dec.csv", ("年份,月份,指标,数值\r\n" + changed).encode(), "text/csv")
    run(at)
    months = next(d for d in at.dataframe if "指标" in d.value.columns and "平台" in d.value.columns)
    assert list(months.value.columns) == ["指标", "平台", "2023年12月"]
    assert months.value.iloc[0].tolist() == ["科普图文", "全矩阵合计", "112篇 → 117篇"]
    assert "另有 11 个期间的数值与现有数据相同，未列出（见“逐项变化”）。" in texts(at)


def test_history_shows_the_years_completeness(app_db):
    with db.session(app_db) as con:
        rows = "".join(f"2024,{m},科普图文,{100 + m}\r\n" for m in range(1, 13))
        ingest.ingest(con, 1, ("年份,月份,指标,数值\r\n" + rows).encode(), "office-2024.csv", actor="test")
    at = open_app("app_pages/history.py", "zh", session={**signed_in("editor"), "year": 2024})
    grid = next(d.value for d in at.dataframe if "来源" in d.value.columns)
    rows = {row.iloc[0]: row.iloc[1:].tolist() for _, row in grid.iterrows()}
    assert rows["办公室表格"] == ["✓ 1"] * 12 and rows["抖音"] == ["缺"] * 12
    assert "2024年数据完整性（按月 × 来源）" in [e.label for e in at.expander]
    assert any(m.value.startswith("尚缺：微信公众号 12 个月") for m in at.markdown)
