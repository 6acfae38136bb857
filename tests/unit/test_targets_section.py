"""The 目标 section, its bullet chart, event spans on monthly charts, and the KPI-card progress text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from museum.sections import Chart, Heading, Notice, Sentences, Table
from museum.sections.scope import Scope
from museum.sections.targets import targets_section
from museum.targets import add_event_spans, importer, timeline, view
from museum.targets import charts

CORPUS = Path(__file__).resolve().parents[1] / "data" / "targets"


def _scope(con, year=2024, lang="zh"):
    return Scope.from_connection(con, 1, "西安市科学技术馆", year, lang)


def test_section_blocks_for_a_year_with_targets_and_events(con):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    timeline.add_event(con, 1, date(2024, 9, 14), date(2024, 9, 20), "全国科普日", "campaign", actor="t")
    section = targets_section(_scope(con), today=date(2025, 2, 1))
    assert (section.key, section.title) == ("targets", "2024年绩效目标与重点任务")
    assert [type(b).__name__ for b in section.blocks] == [
        "Heading", "Sentences", "Table", "Notice", "Chart", "Heading", "Table", "Table", "Heading", "Table"]
    assert [b.name for b in section.blocks if isinstance(b, (Chart, Table))] == [
        "targets_score_2024", "targets_bullets_2024", "targets_budget_2024", "targets_indicators_2024", "targets_events_2024"]
    sentences = next(b for b in section.blocks if isinstance(b, Sentences)).lines
    # the score on what is assessed: the 45 open points are neither zero nor graded (issue 18 item 1)
    assert sentences == ["2024年绩效自评：已评 65 分，得 62.91 分（得分率 96.8%）；待评 35 分，未评部分不计为零",
                         "尚有部分未评，全部评定后给出等级。",
                         "另有 4 项指标尚无实际值（分值 35 分），未计入得分。"]
    assert not any("差" in line or "等级：" in line for line in sentences)
    score = section.tables[0].frame
    assert score.values.tolist() == [["预算执行率", "20", "19.09", ""], ["年度绩效目标", "80", "43.82", "4 项待评"],
                                     ["合计", "100", "62.91", "已评 65 分，得分率 96.8%；待评 35 分；暂不评等级"]]
    indicators = section.tables[2].frame
    assert list(indicators.columns) == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]
    # the cost indicator takes the budget's 全年执行数 (1050 of ≤1100万元) while nothing is entered (issue 18 item 14)
    assert indicators.iloc[4].tolist()[2:7] == ["项目支出预算", "≤1100万元", "1050万元", "10", "10"]
    assert indicators.iloc[5].tolist() == ["效益指标", "社会效益指标", "“三探五进”公益行科普活动", "不少于50场", "50+场", "10", "10", ""]
    assert section.tables[3].frame.values.tolist() == [["2024-09-14", "2024-09-20", "全国科普日", "活动", ""]]
    chart = section.charts[0]
    assert list(chart.data.columns) == ["三级指标", "完成率", "实际完成值", "年度指标值"]
    assert chart.data["完成率"].tolist() == ["92.1%", "待评", "至少111%", "待评", "100%", "至少100%", "待评"]
    bars = {y: round(x, 1) for trace in chart.figure.data for x, y in zip(trace.x, trace.y)}
    assert [bars[view_name] for view_name in [charts.wrapped(n, "zh") for n in chart.data["三级指标"]]] == [
        92.1, 0, 111.1, 0, 95.5, 100.0, 0]
    assert not any(isinstance(b, Notice) and b.level == "warning" for b in section.blocks)


def test_next_year_shows_the_key_tasks_only(con):
    section = targets_section(_scope(con, 2025, "en"), today=date(2025, 2, 1))
    assert [type(b) for b in section.blocks] == [Heading, Table]
    frame = section.tables[0].frame
    assert list(frame.columns) == ["No.", "Task", "Status", "Note", "Date"]
    assert frame.iloc[0].tolist() == ["1", "（一）拓展边界,做大做强品牌活动 统筹布局“科普西安”融媒体矩阵内容创作与宣传推广工作,做到“质”与“量”的同步提升。",
                                      "not started", "", ""]


def test_empty_year_gives_an_empty_section(con):
    assert not targets_section(_scope(con, 2023), today=date(2025, 2, 1))


def test_kpi_card_progress_text(con):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    scope = _scope(con)
    assert view.metric_progress(scope, "posts", today=date(2024, 10, 1)) == "完成 92.1%，序时进度 75%，领先 17 个百分点"
    assert view.metric_progress(scope, "posts", today=date(2025, 2, 1)) == "目标 ≥6000篇，完成 92.1%"
    assert view.metric_progress(scope, "open_days", today=date(2024, 10, 1)) == "目标 =300天，尚无实际值"
    assert view.metric_progress(scope, "headcount") is None
    english = _scope(con, lang="en")
    assert view.metric_progress(english, "online_visits", today=date(2024, 12, 31)) == (
        "target 450万次, at least 111% done")


def test_gap_words():
    progress = view.Progress(75.0, "today", as_of=date(2025, 10, 1))
    assert view.gap_text(62.0, "exact", progress, "zh") == "完成 62%，序时进度 75%，落后 13 个百分点"
    assert view.gap_text(62.0, "exact", progress, "en") == "62% done, 75% of the year elapsed, 13 pp behind"
    assert view.gap_text(62.0, "at_least", progress, "zh") == "完成 至少62%，序时进度 75%，至多落后 13 个百分点"
    assert view.gap_text(75.2, "approx", progress, "zh") == "完成 约75.2%，与序时进度 75% 持平"


def test_event_spans_on_a_monthly_chart():
    fig = go.Figure(go.Scatter(x=list(range(1, 13)), y=[1] * 12))
    events = pd.DataFrame([
        {"event_id": 1, "start_date": date(2024, 9, 14), "end_date": date(2024, 9, 20), "label": "全国科普日", "kind": "campaign", "note": None, "batch_id": 1},
        {"event_id": 2, "start_date": date(2023, 12, 20), "end_date": date(2024, 1, 31), "label": "闭馆改造", "kind": "closure", "note": None, "batch_id": 1},
        {"event_id": 3, "start_date": date(2025, 5, 18), "end_date": date(2025, 5, 24), "label": "科技活动周", "kind": "campaign", "note": None, "batch_id": 1},
    ])
    add_event_spans(fig, events, 2024, "zh")
    spans = [(round(s.x0, 4), round(s.x1, 4), s.fillcolor) for s in fig.layout.shapes]
    # September has 30 days: the 14th starts 13/30 into the month, the 20th ends 20/30 into it
    assert spans == [(8.5 + round(13 / 30, 4), round(8.5 + 20 / 30, 4), "rgba(214,137,16,0.16)"),
                     (0.5, 1.5, "rgba(127,140,141,0.22)")]
    assert [a.text for a in fig.layout.annotations] == ["全国科普日", "闭馆改造"]


def test_progress_texts_for_all_linked_metrics(con):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    assert view.metric_progress_texts(_scope(con), today=date(2024, 10, 1)) == {
        "posts": "完成 92.1%，序时进度 75%，领先 17 个百分点",
        "online_visits": "完成 至少111%，序时进度 75%，领先 36 个百分点",
        "open_days": "目标 =300天，尚无实际值",
        "outreach_events": "完成 至少100%，序时进度 75%，领先 25 个百分点",
        "visitor_satisfaction": "目标 ≥99%，尚无实际值",
    }
    assert view.metric_progress_texts(_scope(con, 2023)) == {}


def test_a_year_to_date_actual_names_its_months_as_the_cards_do():
    """Months 1, 2 and 5 are '1–2、5月', not '1–5月' (the same words as the KPI cards and charts)."""
    from museum import catalog
    from museum.targets import view

    row = {"actual": 30.0, "actual_qualifier": "exact", "metric_id": "posts", "actual_months": (1, 2, 5)}
    assert view.actual_text(row, catalog.load(), "zh") == "30篇（1–2、5月）"
    assert view.actual_text(row, catalog.load(), "en") == "30 posts (Jan–Feb, May)"


def test_the_completion_chart_labels_its_lines_and_colours_by_schedule(con):
    """序时进度 is a labelled line, bars are blue ahead / orange behind (never 红涨绿跌's green), values stand clear of the lines."""
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    section = targets_section(_scope(con), today=date(2024, 10, 1))   # 75% of 2024 elapsed
    figure = section.charts[0].figure
    labels = [a.text for a in figure.layout.annotations]
    assert "序时进度 75%" in labels and "目标" in labels
    by_trace = {trace.name: [y.replace("<br>", "") for y in trace.y] for trace in figure.data}
    assert by_trace["领先或持平序时进度"] == ["“科普西安”融媒体矩阵发布科普图文", "新媒体总访问量", "“三探五进”公益行科普活动"]
    assert by_trace["待评"] and "落后于序时进度" not in by_trace
    colours = {trace.marker.color for trace in figure.data}
    assert colours <= set(charts.STATUS_COLORS.values()) and "#1E8449" not in colours
    assert all(not trace.text for trace in figure.data)   # no value drawn on a bar, where a line could strike it
    values = [a for a in figure.layout.annotations if a.x == charts.MAX_SHOWN_PCT + 3]
    assert [a.text for a in values][:3] == ["92.1%", "待评", "至少111%"]
    dashed = [shape for shape in figure.layout.shapes if shape.line.dash == "dash"]
    assert [round(shape.x0) for shape in dashed] == [75]
