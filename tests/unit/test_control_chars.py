"""Control characters (NUL, ESC …) never reach the database (issue 20, item 9): removed from files
with a warning, refused in typed text."""

from __future__ import annotations

from pathlib import Path

import pytest

from museum.intake import corrections, ingest
from museum.report import parser as report_parser
from museum.errors import InputRejected
from museum.targets import edit, importer, store

DATA = Path(__file__).resolve().parents[1] / "data"
CONTROLS = "\x07\x1b\x7f"


def test_a_video_title_with_control_characters_is_stored_clean_and_said(con):
    text = (DATA / "sources" / "channels_videos_20210430.csv").read_bytes().decode("utf-8-sig")
    content = text.replace("科学小实验1", f"科学{CONTROLS}小实验1", 1).encode("utf-8")
    analysis = ingest.ingest(con, 1, content, "视频号.csv", actor="test")
    assert analysis.status == "committed"
    assert analysis.notices[0].key == "intake.warning.control_chars" and analysis.notices[0].params == {"count": 3}
    stored = " ".join(str(v) for row in con.execute("select * from platform_item").fetchall() for v in row)
    assert "科学小实验1" in stored and not any(ch in stored for ch in CONTROLS)


def test_a_note_in_a_sheet_is_stored_clean(con):
    # two in a small file: more would make it look binary, and be refused as not a text file
    content = "年份,指标,数值,备注\n2023,posts,100,来自\x1b[31m月报\x07\n".encode("utf-8")
    analysis = ingest.ingest(con, 1, content, "月报.csv", actor="test")
    assert analysis.status == "committed", [p.message("en") for p in analysis.errors]
    assert any(n.key == "intake.warning.control_chars" for n in analysis.notices)
    note = con.execute("select note from observation where metric_id = 'posts' and year = 2023 and batch_id = $b",
                       {"b": analysis.batch_id}).fetchone()[0]
    assert note == "来自[31m月报"


def test_an_institution_name_in_a_report_is_read_clean_with_a_warning():
    text = (DATA / "report" / "label_value.txt").read_text(encoding="utf-8")
    name = report_parser.parse_text(text).institution
    parsed = report_parser.parse_text(text.replace(name, name[:2] + "\x00\x1b" + name[2:], 1))
    assert parsed.institution == name and parsed.controls_removed == 2


def test_typed_text_with_control_characters_is_refused(con):
    with pytest.raises(InputRejected) as refused:
        corrections.correct_value(con, 1, "posts", 2023, None, "120", note="改\x00正", actor="test")
    assert refused.value.message("zh").startswith("“备注”中含有不可见的控制字符")
    importer.import_file(con, 1, (DATA / "targets" / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    target = store.year_targets(con, 1, 2024)[0]
    with pytest.raises(InputRejected):
        edit.set_deviation(con, 1, target["target_id"], "原因\x1b", actor="t")
