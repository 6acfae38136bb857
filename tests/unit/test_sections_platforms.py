"""museum.sections.platforms: the per-platform blocks of 线上传播, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from museum.intake import ingest
from museum.sections import Chart, Notice, Scope, Table
from museum.sections.platforms import platform_blocks, platform_section

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"


@pytest.fixture
def loaded(con):
    for name in ("douyin_works_20210415.xlsx", "toutiao_videos_20210430.xlsx", "user_analysis.xls"):
        assert ingest.ingest(con, 1, (SOURCES / name).read_bytes(), name, actor="test").status == "committed"
    return con


def test_blocks_charts_table_and_top_items(loaded):
    blocks = platform_blocks(Scope.from_connection(loaded, 1, "馆", 2021, "zh"))
    charts = [b for b in blocks if isinstance(b, Chart)]
    assert [c.name for c in charts] == [
        "platforms_posts_monthly_2021", "platforms_short_videos_monthly_2021", "platforms_follower_growth_monthly_2021",
        "platforms_followers_total_monthly_2021", "platforms_video_plays_monthly_2021"]
    videos = next(c for c in charts if c.name == "platforms_short_videos_monthly_2021")
    assert [trace.name for trace in videos.figure.data] == ["抖音", "头条号"]
    assert videos.figure.layout.barmode == "stack"
    assert videos.data.values.tolist() == [["3月", "抖音", 8.0], ["4月", "抖音", 1.0], ["4月", "头条号", 6.0]]
    table = next(b for b in blocks if isinstance(b, Table) and b.name == "platforms_table_2021")
    assert list(table.frame.columns) == ["平台", "科普图文", "科普短视频", "粉丝增长", "粉丝总量(期末)", "视频播放量"]
    assert table.frame.values.tolist()[1][:3] == ["抖音", "3篇", "9条"]
    assert table.frame.values.tolist()[0][0] == "微信公众号"
    assert any(isinstance(b, Notice) for b in blocks)  # reads and plays are not added across platforms
    top = next(b for b in blocks if isinstance(b, Table) and b.name == "platforms_top_items_2021")
    assert len(top.frame) == 10 and list(top.frame.columns) == ["标题", "平台", "类型", "发布日期", "阅读/播放"]
    assert top.frame.values.tolist()[:2] == [["第10期：会飞的种子", "抖音", "视频", "2021-03-29", "7.69万"],
                                             ["第7期：会飞的种子", "抖音", "视频", "2021-03-21", "6.97万"]]


def test_english_legends_and_no_blocks_without_data(loaded):
    blocks = platform_blocks(Scope.from_connection(loaded, 1, "museum", 2021, "en"))
    chart = next(b for b in blocks if isinstance(b, Chart) and b.name == "platforms_short_videos_monthly_2021")
    assert [trace.name for trace in chart.figure.data] == ["Douyin", "Toutiao"]
    assert chart.title == "Short videos: monthly by platform (2021)"
    assert platform_blocks(Scope.from_connection(loaded, 1, "museum", 2020, "en")) == []
    empty = platform_section(Scope.from_connection(loaded, 1, "museum", 2020, "en"))
    assert [b.text for b in empty.blocks] == ["There are no per-platform figures for 2020 yet. Upload a platform export to see them here."]


def test_a_metric_with_a_single_value_is_a_table_row_not_a_chart(con):
    content = "年份,月份,科普图文\r\n2021,3,5\r\n".encode()
    assert ingest.ingest(con, 1, content, "o.csv", actor="test").status == "committed"
    assert platform_blocks(Scope.from_connection(con, 1, "馆", 2021, "zh")) == []  # a total is not a breakdown
    assert ingest.ingest(con, 1, (SOURCES / "channels_videos_15_columns.csv").read_bytes(), "c.csv", actor="test").status == "committed"
    blocks = platform_blocks(Scope.from_connection(con, 1, "馆", 2021, "zh"))  # every video of one month: one value each
    assert [type(b).__name__ for b in blocks] == ["Table", "Notice", "Table"]
    assert list(blocks[0].frame.columns) == ["平台", "科普短视频", "粉丝增长", "视频播放量"]
    assert blocks[0].frame.values.tolist() == [["微信视频号", "5条", "61人", "3.2万次"]]


def test_a_breakdown_shows_the_part_of_the_total_no_platform_covers(loaded):
    office = "年份,月份,科普短视频\r\n2021,3,20\r\n2021,4,5\r\n".encode()  # March: 8 on Douyin of 20; April: 7 of 5
    assert ingest.ingest(loaded, 1, office, "office.csv", actor="test").status == "committed"
    blocks = platform_blocks(Scope.from_connection(loaded, 1, "馆", 2021, "zh"))
    position = next(i for i, b in enumerate(blocks) if isinstance(b, Chart) and b.name == "platforms_short_videos_monthly_2021")
    chart, note = blocks[position], blocks[position + 1]
    assert [trace.name for trace in chart.figure.data] == ["抖音", "头条号", "其他/未拆分"]
    assert list(chart.figure.data[2].y)[2] == 12.0 and list(chart.figure.data[2].y)[3] is None
    assert ["3月", "其他/未拆分", 12.0] in chart.data.values.tolist()
    assert isinstance(note, Notice) and note.level == "warning"
    assert note.text.startswith("科普短视频：4月各平台之和大于全矩阵合计")
    table = next(b for b in blocks if isinstance(b, Table) and b.name == "platforms_table_2021")
    assert table.frame.values.tolist()[-1][0] == "全矩阵合计" and table.frame.values.tolist()[-1][2] == "25条"


def test_a_breakdown_without_a_total_says_it_covers_the_uploaded_platforms_only(loaded):
    blocks = platform_blocks(Scope.from_connection(loaded, 1, "馆", 2021, "zh"))
    notes = [b.text for b in blocks if isinstance(b, Notice)]
    assert "科普短视频：没有全矩阵合计，图中只是已上传平台的数字，不是全部。" in notes


def test_a_breakdown_of_a_year_known_as_a_whole_says_the_platforms_are_part_of_it(loaded):
    office = "年份,指标,数值\r\n2021,科普短视频,40\r\n".encode()  # the report's year figure, no months
    assert ingest.ingest(loaded, 1, office, "report_like.csv", actor="test").status == "committed"
    blocks = platform_blocks(Scope.from_connection(loaded, 1, "馆", 2021, "zh"))
    notes = [b.text for b in blocks if isinstance(b, Notice)]
    assert "科普短视频：全矩阵只有2021年全年合计（40条），没有月度合计；图中只是已上传平台的数字，不是全部。" in notes
    table = next(b for b in blocks if isinstance(b, Table) and b.name == "platforms_table_2021")
    assert table.frame.values.tolist()[-1][:3] == ["全矩阵2021年全年合计", "—", "40条"]
