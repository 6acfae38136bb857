"""Real downloads that nobody here wrote (issue 19 platform findings, issue 20 item 7): each
reproduced by a generated file in tests/data, read right or refused with the right reason."""

from __future__ import annotations

from pathlib import Path

from museum import ingest

DATA = Path(__file__).resolve().parents[1] / "data"
SOURCES = DATA / "sources"
INTAKE = DATA / "intake"


def analyse(folder: Path, name: str):
    return ingest.analyse((folder / name).read_bytes(), name)


def test_channels_descriptions_over_lines_are_read_with_their_line_breaks():
    result = analyse(SOURCES, "channels_videos_multiline.csv")
    assert (result.status, result.errors, result.platform) == ("valid", [], "channels")
    items = result.export.items
    assert len(items) == 6
    assert items["title"].tolist()[:2] == ["科学小实验1：会跳舞的盐", "科学小实验2：纸桥承重"]
    assert '"title": "科学小实验1：会跳舞的盐\\n#科学实验 #科普\\n一起动手试试吧"' in items["figures"].iloc[0]


def test_an_alt_enter_note_is_one_cell_and_a_stray_quote_merging_rows_is_refused():
    good = analyse(INTAKE, "good_multiline_note.csv")
    assert (good.status, good.observations["note"].tolist()) == ("valid", ["全年\n含转载", "线上\n线下各一场\n（含彩排）"])
    bad = analyse(INTAKE, "bad_quote_merges_rows.csv")
    assert [p.message("zh") for p in bad.errors] == [
        "第 2 行（文件第 2 行）有一个引号（\"）开始的单元格跨越了 3 行，合并后的这一行有 7 格，而表头有 5 格："
        "很可能少了一个闭合引号，几行被并成了一行。请检查该行的引号后重新保存。"]
