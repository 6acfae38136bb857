"""What the sections say to a reader: no raw None, no hyphen for minus, no conversion that is not one."""

from __future__ import annotations

from museum.sections import Scope, build
from museum.sections.blocks import Chart, Table


def _table(section, stem: str) -> Table:
    return next(b for b in section.blocks if isinstance(b, Table) and b.name.startswith(stem))


def test_assets_history_says_change_in_the_year_with_dashes_and_minus_signs(con):
    section = build("assets", Scope.from_connection(con, 1, "馆", 2024, "zh"))
    frame = _table(section, "assets_history").frame
    assert "年内变化率" in frame.columns and "同比" not in frame.columns
    row = frame.iloc[0].tolist()
    assert row == [2024, "63.1", "59.27", "−3.83", "−6.1%", "—", "—"]
    assert "None" not in frame.astype(str).to_string()
    english = _table(build("assets", Scope.from_connection(con, 1, "museum", 2024, "en")), "assets_history").frame
    assert "Change in the year" in english.columns


def test_research_projects_are_counted_by_stage_not_drawn_as_a_conversion(con):
    section = build("research", Scope.from_connection(con, 1, "馆", 2024, "zh"))
    projects = next(b for b in section.blocks if isinstance(b, Chart) and b.name == "research_projects_2024")
    assert {trace.type for trace in projects.figure.data} == {"bar"}  # a funnel would claim 申报 5 → 结题 1 is a conversion
    assert projects.title == "2024年课题：各阶段项目数"
    notes = [a.text for a in projects.figure.layout.annotations]
    assert "各阶段分别计数，结题项目多为往年申报，不是转化率" in notes


def test_profile_counts_carry_their_unit_and_assets_are_named(con):
    frame = _table(build("profile", Scope.from_connection(con, 1, "馆", 2024, "zh")), "profile").frame
    shown = dict(zip(frame["字段"], frame["数值"]))
    assert shown["从业人数"] == "31人"
    assert shown["资产年初数"] == "63.1万元" and shown["资产年末数"] == "59.27万元"
    assert "年初数" not in shown
    english = _table(build("profile", Scope.from_connection(con, 1, "museum", 2024, "en")), "profile").frame
    assert dict(zip(english["Field"], english["Value"]))["Headcount"] == "31 people"


def test_sources_name_the_batch_apart_from_the_sentence_and_show_no_pipes(con):
    from museum import present
    found = {k.metric.metric_id: k for k in Scope.from_connection(con, 1, "馆", 2024, "zh").kpis}
    assert present.source_text(found["assets_year_end"], "zh") == "63.1万元；59.27万元"
    source = found["posts"].current.sources[0]
    assert present.batch_text(source, "zh").startswith("批次 #1（内置数据，文件 report.txt")
    assert "共发布" not in present.batch_text(source, "zh")


def test_monthly_charts_label_months_level_with_bare_numbers(db_path):
    from museum import demo
    from museum.store import db
    with db.session(db_path) as con:
        demo.load(con, 1, actor="test")
        section = build("online_media", Scope.from_connection(con, 1, "馆", 2024, "zh"))
    monthly = next(c for c in section.charts if c.name == "posts_monthly_2024")
    axis = monthly.figure.layout.xaxis
    assert list(axis.ticktext) == [str(m) for m in range(1, 13)] and axis.tickangle == 0  # '1月'×12 turn sideways at 390 px
    assert "1月" in monthly.figure.data[0].hovertemplate.replace("%{x}", "1")


def test_how_a_file_was_read_is_said_in_words():
    from museum import file_words
    assert file_words.read_as_text("gbk", "zh") == "中文 Windows 文本（GBK）"
    assert file_words.read_as_text("xls/html", "zh") == "Excel 97–2003 工作簿（.xls），网页格式（HTML）"
    assert file_words.read_as_text("utf-8", "en") == "UTF-8 text"
    assert file_words.report_layout_text("cell_per_line", "zh") == "逐格复制的网页表格（每行一格）"
