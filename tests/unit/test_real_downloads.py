"""Real downloads that nobody here wrote (issue 19 platform findings, issue 20 item 7): each
reproduced by a generated file in tests/data, read right or refused with the right reason."""

from __future__ import annotations

import json
from pathlib import Path

from museum.intake import ingest
from museum.i18n import t
from museum.sources import formats
from museum.sections import Chart, Scope, Table
from museum.sections.platforms import platform_blocks

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


def platform_values(con, platform):
    rows = con.execute("select metric_id, month, value from observation where retired_by_batch is null and platform = ? "
                       "and year = 2021 order by 1, 2, 3", [platform]).fetchall()
    return {(m, mo): v for m, mo, v in rows}


def test_xiaohongshu_notes_are_read_as_a_platform_not_refused_as_an_office_sheet():
    result = analyse(SOURCES, "xiaohongshu_notes_20210520.xlsx")
    assert (result.status, result.errors, result.layout) == ("valid", [], "platform")
    assert (result.source_format, result.platform, result.period) == (
        "xiaohongshu_notes", "xiaohongshu", {"from": "2021-05-03", "to": "2021-05-19"})
    items = result.export.items
    assert items["item_type"].tolist() == ["video", "video", "post", "video", "video"]
    assert str(items["published_at"].iloc[0]) == "2021-05-03 19:30:52"  # 2021年05月03日19时30分52秒
    assert 0 < json.loads(items["figures"].iloc[0])["cover_click_rate"] < 1


def test_xiaohongshu_rolls_up_per_month_and_the_newest_export_wins(con):
    first = ingest.ingest(con, 1, (SOURCES / "xiaohongshu_notes_20210520.xlsx").read_bytes(), "a.xlsx", actor="test")
    assert first.status == "committed"
    before = platform_values(con, "xiaohongshu")
    assert (before[("short_videos", 5)], before[("posts", 5)]) == (4.0, 1.0)
    second = ingest.ingest(con, 1, (SOURCES / "xiaohongshu_notes_20210601.xlsx").read_bytes(), "b.xlsx", actor="test")
    assert second.notices[0].message("zh") == "本次导出中有 5 条作品/日数据此前已导入，以本次（最新）数据为准，不重复计算。"
    after = platform_values(con, "xiaohongshu")
    assert (after[("short_videos", 5)], after[("posts", 5)]) == (5.0, 2.0)
    stored = dict(con.execute("select item_type, sum(views) from platform_item where retired_by_batch is null "
                              "and platform = 'xiaohongshu' group by 1").fetchall())
    assert (after[("video_plays", 5)], after[("platform_reads", 5)]) == (stored["video"], stored["post"])
    assert after[("follower_growth", 5)] == con.execute(
        "select sum(follows) from platform_item where retired_by_batch is null and platform = 'xiaohongshu'").fetchall()[0][0]


def test_xiaohongshu_is_a_row_of_the_platform_breakdown(con):
    ingest.ingest(con, 1, (SOURCES / "xiaohongshu_notes_20210601.xlsx").read_bytes(), "b.xlsx", actor="test")
    ingest.ingest(con, 1, (SOURCES / "douyin_works_20210501.xlsx").read_bytes(), "d.xlsx", actor="test")
    blocks = platform_blocks(Scope.from_connection(con, 1, "馆", 2021, "zh"))
    table = next(b for b in blocks if isinstance(b, Table) and b.name == "platforms_table_2021")
    assert table.frame["平台"].tolist() == ["抖音", "小红书"]
    english = platform_blocks(Scope.from_connection(con, 1, "museum", 2021, "en"))
    chart = next(b for b in english if isinstance(b, Chart) and b.name == "platforms_short_videos_monthly_2021")
    assert [trace.name for trace in chart.figure.data] == ["Douyin", "Xiaohongshu (RED)"]


def test_a_third_party_scrape_is_not_named_weibo_but_said_what_it_looks_like():
    result = analyse(SOURCES, "bad_douyin_scrape.csv")
    assert (result.status, result.platform, result.source_format) == ("rejected", None, None)
    assert [(p.row, p.key) for p in result.errors] == [(1, "sources.error.unfamiliar")]
    assert result.errors[0].message("en") == (
        "This file looks like a list of works (its header has “发布时间”, “点赞数”, “评论数”, “分享数”, “收藏数”, “转发数”) but is no "
        "platform export this product reads, and its platform cannot be told (perhaps a third-party data tool's export). The exports "
        "read are those of the creator centres of WeChat official account, Douyin, WeChat Channels, Toutiao, Xiaohongshu (RED). "
        "Export the file from the platform itself and upload that, or put the monthly figures you need into an office sheet (month rows).")
    # the real exports of platforms not read yet are still named, and a renamed real export still says what it lacks
    assert analyse(SOURCES, "bad_weibo_export.csv").errors[0].message("zh") == "这是微博的导出文件，目前还不能读取。请把需要的数字填入办公表格（按月表）上传。"
    assert analyse(SOURCES, "bad_douyin_renamed.xlsx").errors[0].key == "sources.error.missing_columns"


def test_an_office_sheet_with_figure_columns_but_no_publish_time_is_still_an_office_sheet():
    content = "月份,阅读量,点赞数,评论数\r\n2021年3月,1200,30,4\r\n".encode()
    result = ingest.analyse(content, "o.csv")
    assert (result.layout, result.source_format) == ("month_rows", "office_month_rows")


def test_works_that_are_not_public_are_kept_but_not_counted_as_published(con):
    result = ingest.ingest(con, 1, (SOURCES / "douyin_works_not_public.xlsx").read_bytes(), "d.xlsx", actor="test")
    assert [n.message("zh") for n in result.notices][0] == (
        "4 条作品不是公开状态（自见 2、已删除 1、私密 1），没有计入发布的图文/短视频条数；它们的播放、点赞等数字照常保留。")
    values = platform_values(con, "douyin")
    assert (values[("short_videos", 6)], values[("posts", 6)]) == (3.0, 1.0)  # of 6 videos and 2 posts
    assert con.execute("select count(*), count(*) filter (where not is_public) from platform_item "
                       "where retired_by_batch is null").fetchall() == [(8, 4)]


# every download of tests/data/sources: read as (format), or refused naming (platform) or naming none
DOWNLOADS = {
    "wechat_tendency_20210301_20210430.xls": ("read", "wechat_tendency"),
    "wechat_tendency_legacy_20210101_20210131.xls": ("read", "wechat_tendency_legacy"),
    "user_analysis.xls": ("read", "wechat_user_growth"),
    "douyin_works_20210415.xlsx": ("read", "douyin_works"),
    "douyin_works_20210501.xlsx": ("read", "douyin_works"),
    "douyin_works_not_public.xlsx": ("read", "douyin_works"),
    "channels_videos_20210430.csv": ("read", "channels_videos"),
    "channels_videos_15_columns.csv": ("read", "channels_videos"),
    "channels_videos_multiline.csv": ("read", "channels_videos"),
    "toutiao_posts_20210430.xlsx": ("read", "toutiao_works"),
    "toutiao_videos_20210430.xlsx": ("read", "toutiao_works"),
    "xiaohongshu_notes_20210520.xlsx": ("read", "xiaohongshu_notes"),
    "xiaohongshu_notes_20210601.xlsx": ("read", "xiaohongshu_notes"),
    "volunteer_service_2021.xlsx": ("read", "volunteer_records"),
    "volunteer_roster_2021.csv": ("read", "volunteer_records"),
    "bad_douyin_missing_column.xlsx": ("refused", "douyin"),
    "bad_douyin_renamed.xlsx": ("refused", "douyin"),
    "bad_header_over_other_data.csv": ("refused", "douyin"),
    "bad_truncated.xls": ("refused", None),
    "bad_html_not_a_table.xls": ("refused", None),
    "bad_weibo_export.csv": ("refused", "weibo"),
    "bad_bilibili_export.xlsx": ("refused", "bilibili"),
    "bad_douyin_scrape.csv": ("refused", None),
    "bad_volunteer_cells.csv": ("refused", None),
    "bad_volunteer_undated.csv": ("refused", None),
}
# a file read in its format but with figures known to be wrong before (works not public counted)
COUNTED_RIGHT = {"douyin_works_not_public.xlsx": lambda result: any(n.key == "sources.warning.not_public" for n in result.notices)}


def named_platform(result) -> str | None:
    """The platform a refusal names: in its message, else the format the rows were read as."""
    params = result.errors[0].params if result.errors else {}
    known = {f.platform for f in formats.formats().values()}
    said = next((code for code in known if params.get("platform_en") == t(f"platform.{code}", "en")), None)
    fmt = formats.formats().get(result.source_format or "")
    return said or (fmt.platform if fmt else None)


def outcome(name: str, result) -> str:
    """read right | read wrongly | refused rightly | refused wrongly | misnamed."""
    verdict, expected = DOWNLOADS[name]
    if verdict == "read":
        if result.status == "rejected":
            return "refused wrongly"
        if result.source_format != expected:
            return "misnamed"
        return "read right" if COUNTED_RIGHT.get(name, lambda _: True)(result) else "read wrongly"
    if result.status != "rejected":
        return "read wrongly"
    return "refused rightly" if named_platform(result) == expected else "misnamed"


def test_every_download_is_read_right_or_refused_rightly(capsys):
    assert sorted(DOWNLOADS) == sorted(p.name for p in SOURCES.iterdir() if p.suffix != ".py")
    tally = dict.fromkeys(("read right", "read wrongly", "refused rightly", "refused wrongly", "misnamed"), 0)
    for name in DOWNLOADS:
        tally[outcome(name, analyse(SOURCES, name))] += 1
    with capsys.disabled():
        print("\nreal-format downloads: " + ", ".join(f"{k} {v}" for k, v in tally.items()))
    assert tally == {"read right": 15, "read wrongly": 0, "refused rightly": 10, "refused wrongly": 0, "misnamed": 0}
