"""Platform exports (issue 10): recognised by content, every row kept, monthly roll-up per platform,
newest snapshot wins, total vs breakdown, bad exports refused with what they resemble."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from museum import catalog, kpis
from museum.intake import ingest
from museum.errors import InputRejected
from museum.store import db
from museum.cli import main
from museum.intake import decode, present

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"


def read(name: str):
    return (SOURCES / name).read_bytes()


def platform_values(con, platform=None):
    rows = con.execute(
        "select metric_id, month, value from observation where retired_by_batch is null and platform is not distinct from ? "
        "and year = 2021 order by metric_id, month", [platform]).fetchall()
    return {(m, mo): v for m, mo, v in rows}


def snapshot(con):
    return [sorted(con.table(table).fetchall(), key=repr)
            for table in ("batch", "observation", "platform_item", "platform_daily", "stored_file")]


@pytest.mark.parametrize("name, kind", [
    ("wechat_tendency_20210301_20210430.xls", "xls"), ("user_analysis.xls", "html"), ("douyin_works_20210415.xlsx", "xlsx"),
    ("channels_videos_20210430.csv", "text"), ("toutiao_posts_20210430.xlsx", "xlsx"),
])
def test_bytes_are_sniffed_before_names(name, kind):
    assert decode.file_kind(read(name)) == kind


@pytest.mark.parametrize("name, source_format, platform, period, items, daily", [
    ("wechat_tendency_20210301_20210430.xls", "wechat_tendency", "wechat", ("2021-03-01", "2021-04-30"), 135, 732),
    ("wechat_tendency_legacy_20210101_20210131.xls", "wechat_tendency_legacy", "wechat", ("2021-01-01", "2021-01-31"), 0, 775),
    ("user_analysis.xls", "wechat_user_growth", "wechat", ("2021-03-01", "2021-04-30"), 0, 244),
    ("douyin_works_20210415.xlsx", "douyin_works", "douyin", ("2021-03-02", "2021-04-04"), 12, 0),
    ("channels_videos_20210430.csv", "channels_videos", "channels", ("2021-03-01", "2021-04-20"), 20, 0),
    ("channels_videos_15_columns.csv", "channels_videos", "channels", ("2021-03-01", "2021-03-05"), 5, 0),
    ("toutiao_posts_20210430.xlsx", "toutiao_works", "toutiao", ("2021-04-01", "2021-04-17"), 9, 0),
    ("toutiao_videos_20210430.xlsx", "toutiao_works", "toutiao", ("2021-04-01", "2021-04-11"), 6, 0),
])
def test_every_format_is_recognised_and_every_row_kept(name, source_format, platform, period, items, daily):
    result = ingest.analyse(read(name), name)
    assert (result.status, result.errors, result.layout) == ("valid", [], "platform")
    assert (result.source_format, result.platform) == (source_format, platform)
    assert result.period == {"from": period[0], "to": period[1]}
    assert (len(result.export.items), len(result.export.daily)) == (items, daily)
    assert result.year_from is None


def test_the_toutiao_stylesheet_breaks_openpyxl_but_not_the_intake():
    with pytest.raises(TypeError):
        openpyxl.load_workbook(io.BytesIO(read("toutiao_posts_20210430.xlsx")))
    items = ingest.analyse(read("toutiao_posts_20210430.xlsx"), "t.xlsx").export.items
    first = items.iloc[0]
    assert (first["item_key"], first["item_type"], first["title"], str(first["published_at"])) == (
        "7000000000", "post", "春分立蛋的科学1", "2021-04-01 09:30:00")
    # 头条号 writes -1 for "no data": missing, never a negative count
    assert pd.isna(first["comments"]) and json.loads(first["figures"])["comments"] is None
    assert [str(d.date()) for d in items["published_at"][:3]] == ["2021-04-01", "2021-04-03", "2021-04-05"]  # three date styles


def test_douyin_title_is_the_first_line_and_dash_is_missing():
    items = ingest.analyse(read("douyin_works_20210415.xlsx"), "d.xlsx").export.items
    post = items[items["item_type"] == "post"].iloc[0]
    assert post["title"] == "第4期：会飞的种子"
    figures = json.loads(post["figures"])
    assert figures["caption"].startswith("第4期：会飞的种子\n#科普") and figures["completion_rate"] is None
    assert list(items["item_type"]).count("video") == 9


def test_wechat_all_channel_is_kept_apart_never_summed(con):
    result = ingest.ingest(con, 1, read("wechat_tendency_20210301_20210430.xls"), "t.xls", actor="test")
    assert result.status == "committed"
    daily = con.execute("select channel, sum(value) from platform_daily where measure = 'reads_users' "
                        "and month(day) = 3 group by channel order by channel").fetchall()
    by_channel = dict(daily)
    channels = sum(v for c, v in by_channel.items() if c != "全部")
    assert by_channel["全部"] < channels  # de-duplicated
    assert platform_values(con, "wechat")[("platform_reads", 3)] == by_channel["全部"]
    assert platform_values(con, "wechat")[("posts", 3)] == 23.0  # 发表篇数: the weekdays of March 2021


def test_two_overlapping_exports_of_the_same_works_never_count_twice(con):
    first = ingest.ingest(con, 1, read("douyin_works_20210415.xlsx"), "a.xlsx", actor="test")
    assert (first.status, first.counts.inserted) == ("committed", 8)
    before = platform_values(con, "douyin")
    assert (before[("short_videos", 3)], before[("posts", 3)]) == (8.0, 2.0)
    second = ingest.ingest(con, 1, read("douyin_works_20210501.xlsx"), "b.xlsx", actor="test")
    assert second.notices[0].message("zh") == "本次导出中有 12 条作品/日数据此前已导入，以本次（最新）数据为准，不重复计算。"
    after = platform_values(con, "douyin")
    assert (after[("short_videos", 3)], after[("posts", 3)], after[("short_videos", 4)]) == (8.0, 2.0, 3.0)
    assert con.execute("select count(*) from platform_item where retired_by_batch is null").fetchall() == [(14,)]
    newest = con.execute("select sum(views) from platform_item where retired_by_batch is null "
                         "and month(published_at) = 3 and item_type = 'video'").fetchall()[0][0]
    assert after[("video_plays", 3)] == newest != before[("video_plays", 3)]
    # rolling the newer export back restores the older snapshot exactly
    ingest.rollback(con, second.batch_id, actor="test")
    assert platform_values(con, "douyin") == before
    assert con.execute("select count(*) from platform_item where retired_by_batch is null").fetchall() == [(12,)]


def test_total_where_one_exists_else_the_labelled_sum_of_platforms(con):
    ingest.ingest(con, 1, read("douyin_works_20210415.xlsx"), "d.xlsx", actor="test")
    ingest.ingest(con, 1, read("toutiao_videos_20210430.xlsx"), "t.xlsx", actor="test")
    values = kpis.load_values(con, 1)
    april = values[(values["metric_id"] == "short_videos") & (values["year"] == 2021) & (values["month"] == 4)]
    assert april[["value", "platforms"]].values.tolist() == [[7.0, "douyin,toutiao"]]
    # an office sheet's figure for the month is the matrix total: it wins, and says no platforms
    office = "年份,月份,指标,数值\r\n2021,4,科普短视频,6\r\n".encode()
    result = ingest.ingest(con, 1, office, "o.csv", actor="test")
    assert [n.message("en") for n in result.notices] == [
        "In 1 months the platforms add up to more than the whole-matrix total (from the office sheet or the annual "
        "report) (metric period: platforms / total): Short videos 2021-04: 7 / 6. Usual causes: the same item counted once per "
        "platform, platforms counting differently, or the total entered in another month. Check the total first; if it is right, "
        "confirm the import as usual: the dashboard's figures use the total, and platform figures feed only the by-platform charts."]
    values = kpis.load_values(con, 1)
    april = values[(values["metric_id"] == "short_videos") & (values["year"] == 2021) & (values["month"] == 4)]
    assert april["value"].tolist() == [6.0] and april["platforms"].isna().all()


def test_preview_shows_the_platform_months_old_to_new(con):
    ingest.ingest(con, 1, read("douyin_works_20210415.xlsx"), "a.xlsx", actor="test")
    result = ingest.preview(con, 1, ingest.analyse(read("douyin_works_20210501.xlsx"), "b.xlsx"))
    assert (result.counts.inserted, result.counts.updated, result.counts.unchanged) == (0, 5, 3)
    table = present.month_preview_table(result.compared, catalog.load(), "zh")
    assert list(table.columns) == ["指标", "平台", "2021年3月", "2021年4月"]
    assert table.values.tolist()[:2] == [["科普图文", "抖音", "2篇", "1篇"], ["科普短视频", "抖音", "8条", "1条 → 3条"]]


def test_monthly_rollup_of_user_growth_and_followers_at_month_end(con):
    ingest.ingest(con, 1, read("user_analysis.xls"), "user_analysis.xls", actor="test")
    got = platform_values(con, "wechat")
    last = con.execute("select value from platform_daily where measure = 'followers' and day = '2021-03-31'").fetchall()[0][0]
    net = con.execute("select sum(value) from platform_daily where measure = 'net_follows' and month(day) = 4").fetchall()[0][0]
    assert (got[("followers_total", 3)], got[("follower_growth", 4)]) == (last, net)


BAD = {
    "bad_douyin_missing_column.xlsx": "这个文件像是抖音 投稿作品数据导出，但缺少列：「播放量」（可能被改名或删除了）。请从平台重新导出原始文件后上传，不要修改表头。",
    "bad_douyin_renamed.xlsx": "这个文件像是抖音 投稿作品数据导出，但缺少列：「作品名称」、「播放量」（可能被改名或删除了）。请从平台重新导出原始文件后上传，不要修改表头。",
    "bad_truncated.xls": ".xls 工作簿已损坏或不完整（可能未下载完或被截断），无法读取。请重新下载，或在 Excel/WPS 中打开后另存，再上传。",
    "bad_html_not_a_table.xls": "这是一个网页（HTML）文件，但其中没有表格，无法读取数据。请从平台重新下载“导出数据”表格，或另存为 Excel/CSV 后上传。",
    "bad_weibo_export.csv": "这是微博的导出文件，目前还不能读取。请把需要的数字填入办公表格（按月表）上传。",
    "bad_bilibili_export.xlsx": "这是B站的导出文件，目前还不能读取。请把需要的数字填入办公表格（按月表）上传。",
    "bad_douyin_scrape.csv": "这个文件像是一份逐条作品的明细（表头有「发布时间」、「点赞数」、「评论数」、「分享数」、「收藏数」、「转发数」），"
                             "但不是本系统能读取的平台导出，也无法判断来自哪个平台（可能是第三方数据工具的导出）。能读取的是这些平台创作者后台的原始导出："
                             "微信公众号、抖音、微信视频号、头条号、小红书。请从平台后台重新导出后上传；或把需要的月度数字填入办公表格（按月表）上传。",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_exports_are_refused_naming_what_they_resemble_and_nothing_changes(con, name):
    before = snapshot(con)
    result = ingest.ingest(con, 1, read(name), name, actor="test")
    assert result.status == "rejected"
    assert [p.message("zh") for p in result.errors] == [BAD[name]]
    assert snapshot(con)[:-1] == before[:-1] and snapshot(con)[-1] == before[-1]


def test_a_header_over_another_platforms_data_lists_every_cell(con):
    before = snapshot(con)
    result = ingest.ingest(con, 1, read("bad_header_over_other_data.csv"), "x.csv", actor="test")
    assert (result.status, result.source_format) == ("rejected", "douyin_works")
    assert [(p.row, p.column, p.value) for p in result.errors] == [(2, "发布时间", "export/0"), (3, "发布时间", "export/1"), (4, "发布时间", "export/2")]
    assert result.errors[0].message("en") == "Not a date or time (like 2025-03-27 14:47:18, 2025/03/25, 2025年06月10日 or 20250301)."
    assert snapshot(con) == before


def test_every_bad_export_has_an_expectation():
    names = sorted(p.name for p in SOURCES.iterdir() if p.name.startswith("bad_"))
    # the volunteer files are refused with their rows in tests/unit/test_volunteers.py
    assert names == sorted([*BAD, "bad_header_over_other_data.csv", "bad_volunteer_cells.csv", "bad_volunteer_undated.csv"])


def test_cli_json_of_a_platform_export_and_values_per_platform(db_path, capsys):
    assert main(["ingest", str(SOURCES / "channels_videos_20210430.csv"), "--db", str(db_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out)[-4:] == ["source_format", "platform", "period", "year_from"]
    assert {k: out[k] for k in ("status", "inserted", "source_format", "platform", "period", "year_from", "layout")} == {
        "status": "committed", "inserted": 6, "source_format": "channels_videos", "platform": "channels",
        "period": {"from": "2021-03-01", "to": "2021-04-20"}, "year_from": None, "layout": "platform"}
    assert main(["values", "--db", str(db_path), "--platform", "channels", "--metric", "short_videos", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [list(r) for r in rows] == [["metric", "year", "month", "platform", "value", "qualifier", "batch_id", "source"]] * 2
    assert [(r["month"], r["value"], r["platform"], r["source"]) for r in rows] == [
        (3, 10.0, "channels", "channels_videos_20210430.csv"), (4, 10.0, "channels", "channels_videos_20210430.csv")]
    assert main(["values", "--db", str(db_path), "--platform", "total", "--year", "2021", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["values", "--db", str(db_path), "--platform", "weibo"]) == 2


def test_values_table_in_english(db_path, capsys):
    assert main(["values", "--db", str(db_path), "--metric", "posts", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Metric", "Period", "Platform", "Value", "Batch", "Source"]
    assert lines[2].startswith("Science posts  2024    whole matrix (total)  5,528 posts  #1")


def test_sentences_of_event_metrics_come_in_one_order(con):
    with db.transaction(con, institution=1):
        batch = con.execute("insert into batch (kind, institution_id) values ('report', 1) returning batch_id").fetchall()[0][0]
        for sentence in ("丙：三等奖", "甲：一等奖", "乙：二等奖"):
            con.execute("insert into award (institution_id, year, competition, level, grade, count, sentence, batch_id) "
                        "values (1, 2021, ?, 'national', 'first', 1, ?, ?)", [sentence, sentence, batch])
    values = kpis.load_values(con, 1)
    sentence = values[(values["metric_id"] == "awards_total") & (values["year"] == 2021)]["sentence"].iloc[0]
    assert sentence == "丙：三等奖 乙：二等奖 甲：一等奖"  # sorted, whatever the order they were stored in


def test_values_table_names_no_platform_for_assets_and_staff(db_path, capsys):
    assert main(["values", "--db", str(db_path), "--metric", "assets_year_end"]) == 0
    row = capsys.readouterr().out.splitlines()[2]
    assert "全矩阵合计" not in row and " — " in row  # a platform means nothing for assets


TOUTIAO_HEADER = "标题,发布时间,ID,链接,展现量,粉丝展现量,阅读量,粉丝阅读量,点击率,平均阅读完成率,平均阅读时长,点赞量,评论量,转发量,分享量,收藏量"


def toutiao_csv(ids: list[str]) -> bytes:
    rows = [f"科学{index},2025-04-{15 + index} 10:31:00,{key},https://www.toutiao.com/item/{index}/,10000,2000,{1000 + index},300,"
            f"12.5%,45.2%,60,20,3,1,4,2" for index, key in enumerate(ids)]
    return "\r\n".join([TOUTIAO_HEADER, *rows, ""]).encode("gbk")


@pytest.mark.parametrize("ids, message", [
    (["7.48912E+18"] * 3, "作品 ID 被表格当作数字保存（第 2、3、4 行），超过 15 位的部分已丢失，无法区分作品"),  # saved from Excel
    (["7490000000000000000"] * 2, "作品 ID 被表格当作数字保存（第 2、3 行）"),  # 19 digits kept as a number
    (["7000000001", "7000000002", "7000000001"], "同一作品 ID 出现在第 2、4 行"),
])
def test_work_ids_rounded_by_excel_or_given_twice_are_refused_never_merged(con, ids, message):
    result = ingest.analyse(toutiao_csv(ids), "头条号作品.csv")
    assert result.status == "rejected"
    assert message in result.errors[0].message("zh") and result.errors[0].column == "ID"
    assert "、" not in result.errors[0].message("en") and "rows" in result.errors[0].message("en")
    before = snapshot(con)
    with pytest.raises(InputRejected):
        ingest.commit(con, 1, result, actor="test")
    assert snapshot(con) == before


def test_distinct_work_ids_are_read_as_before():
    result = ingest.analyse(toutiao_csv(["7000000001", "7000000002"]), "头条号作品.csv")
    assert result.status != "rejected" and list(result.export.items["item_key"]) == ["7000000001", "7000000002"]


def douyin_with(plays: list) -> bytes:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_filelike(io.BytesIO(read("douyin_works_20210415.xlsx"))).get_sheet_by_index(0).to_python()
    book = openpyxl.Workbook()
    for index, row in enumerate(rows):
        if 1 <= index <= len(plays):
            row = [*row[:4], plays[index - 1], *row[5:]]
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("written", ["10w+", "10万+", "超10万"])
def test_a_works_plays_given_as_a_lower_bound_make_the_months_sum_one(con, written):
    bounded = ingest.commit(con, 1, ingest.analyse(douyin_with([written]), "d.xlsx"), actor="test")
    assert bounded.status == "committed"
    rows = con.execute("select month, value, qualifier from observation where metric_id = 'video_plays' and platform = 'douyin' "
                       "and year = 2021 and retired_by_batch is null order by month").fetchall()
    march = [r for r in rows if r[0] == 3]
    assert march and march[0][2] == "at_least" and march[0][1] >= 100000
    assert {r[2] for r in rows if r[0] != 3} <= {"exact"}  # months without such a work stay exact
    posts = con.execute("select distinct qualifier from observation where metric_id = 'short_videos' and platform = 'douyin' "
                        "and retired_by_batch is null").fetchall()
    assert posts == [("exact",)]  # a count of works is exact whatever their plays


def test_plays_written_exactly_keep_the_months_sum_exact(con):
    ingest.commit(con, 1, ingest.analyse(douyin_with([100000]), "d.xlsx"), actor="test")
    assert con.execute("select distinct qualifier from observation where metric_id = 'video_plays' and platform = 'douyin' "
                       "and retired_by_batch is null").fetchall() == [("exact",)]
