"""Build the platform-export test corpus: every format as the platforms download it, good and bad.

Run `python tests/data/intake/make_corpus.py` (which runs this too) to regenerate; the files are
committed and tests/unit/test_sources*.py state what each must produce. The figures are made up
(fixed seed), in 2021 so that they never meet the embedded report's year.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "intake"))

import make_corpus  # noqa: E402  (shared writers: xlsx, xls, fixed zip times)

OUT = [HERE]
SEED = 20210301

WECHAT_CHANNELS = ["全部", "搜一搜", "推荐", "公众号主页", "聊天会话", "公众号消息", "朋友圈", "其他"]
DOUYIN_HEADER = ["作品名称", "发布时间", "体裁", "审核状态", "播放量", "完播率", "5s完播率", "封面点击率", "2s跳出率",
                 "平均播放时长", "点赞量", "分享量", "评论量", "收藏量", "主页访问量", "粉丝增量"]
CHANNELS_HEADER = ["视频描述", "视频ID", "发布时间", "完播率", "平均播放时长", "播放量", "推荐", "喜欢", "评论量", "分享量",
                   "关注量", "转发聊天和朋友圈", "设为铃声", "设为状态", "设为朋友圈封面", "企微链接点击次数", "企微链接点击人数",
                   "添加到通讯录次数", "添加到通讯录人数"]
TOUTIAO_POST_HEADER = ["标题", "发布时间", "ID", "链接", "展现量", "粉丝展现量", "阅读量", "粉丝阅读量", "点击率", "平均阅读完成率",
                       "平均阅读时长", "点赞量", "评论量", "转发量", "分享量", "收藏量"]
TOUTIAO_VIDEO_HEADER = ["标题", "发布时间", "ID", "链接", "展现量", "粉丝展现量", "播放量", "粉丝播放量", "点击率", "平均播放完成率",
                        "平均播放时长", "点赞量", "评论量", "转发量", "分享量", "收藏量"]
XIAOHONGSHU_HEADER = ["笔记标题", "首次发布时间", "体裁", "曝光", "观看量", "封面点击率", "点赞", "评论", "收藏", "涨粉", "分享",
                      "人均观看时长", "弹幕"]
XIAOHONGSHU_NOTICE = "最多导出排序后前1000条笔记"
# planted in the volunteer files: a test greps the database, the output and the exports for them
PLANTED_ID = "61010219850314002X"
PLANTED_PHONE = "13912345678"


def write(name: str, content: bytes) -> None:
    (OUT[0] / name).write_bytes(content)


def days(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def tendency(first: dt.date, last: dt.date, rng: random.Random) -> list[list]:
    """内容分析 → 数据趋势: column 0 empty, three tables side by side, a title row over each."""
    span = f"({first:%Y.%m.%d}-{last:%Y.%m.%d})"
    rows = [[None, f"数据趋势概况{span}", None, None, None, None, None, None, None, None, None, f"数据来源概况{span}"],
            [None, "日期", "渠道", "阅读人数", None, "日期", "分享人数", "跳转阅读原文人数", "微信收藏人数", "发表篇数", None,
             "传播渠道", "发表日期", "内容标题", "阅读人数", "阅读人数占比"]]
    table_a, table_b, table_c = [], [], []
    for day in days(first, last):
        channel_reads = {c: rng.randint(20, 400) for c in WECHAT_CHANNELS[1:]}
        # 全部 is de-duplicated: less than the channels added up (a reader may come by two channels)
        total = int(sum(channel_reads.values()) * 0.8)
        for channel in WECHAT_CHANNELS:
            table_a.append([day.isoformat(), channel, total if channel == "全部" else channel_reads[channel]])
        posts = 1 if day.weekday() < 5 else 0
        table_b.append([day.isoformat(), rng.randint(5, 60), rng.randint(0, 9), rng.randint(1, 20), posts])
        if posts:
            title = f"科普日历｜{day.month}月{day.day}日的科学故事"
            readers = rng.randint(300, 3000)
            for channel, share in (("全部", 1.0), ("公众号消息", 0.6), ("朋友圈", 0.4)):
                table_c.append([channel, f"{day:%Y%m%d}", title, int(readers * share), f"{share * 100:.2f}%"])
    for k in range(max(len(table_a), len(table_c))):
        a = table_a[k] if k < len(table_a) else [None] * 3
        b = table_b[k] if k < len(table_b) else [None] * 5
        c = table_c[k] if k < len(table_c) else [None] * 5
        rows.append([None, *a, None, *b, None, *c])
    return rows


def legacy_tendency(first: dt.date, last: dt.date, rng: random.Random) -> list[list]:
    header = ["日期", "阅读次数", "阅读人数", "分享次数", "分享人数", "阅读原文次数", "阅读原文人数", "收藏次数", "收藏人数", "群发篇", "渠道"]
    rows = [header]
    for day in days(first, last):
        posts = 1 if day.weekday() < 5 else 0
        for channel in ("全部", "公众号消息", "朋友圈"):
            reads = rng.randint(100, 900)
            rows.append([day.strftime("%Y-%m-%d"), reads, int(reads * 0.8), rng.randint(1, 30), rng.randint(1, 25),
                         rng.randint(0, 5), rng.randint(0, 4), rng.randint(0, 8), rng.randint(0, 7), posts, channel])
    return rows


def user_growth_html(first: dt.date, last: dt.date, rng: random.Random) -> bytes:
    """用户分析 → 用户增长: a UTF-8 HTML table saved under an .xls name."""
    lines = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><table border="1">',
             '<tr><td colspan="5">用户增长</td></tr>',
             "<tr><th>时间</th><th>新关注人数</th><th>取消关注人数</th><th>净增关注人数</th><th>累积关注人数</th></tr>"]
    followers = 118_000
    for day in days(first, last):
        new, gone = rng.randint(40, 160), rng.randint(5, 40)
        followers += new - gone
        lines.append(f"<tr><td>{day:%Y-%m-%d}</td><td>{new}</td><td>{gone}</td><td>{new - gone}</td><td>{followers}</td></tr>")
    lines.append("</table></body></html>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def douyin_works(count: int, rng: random.Random, *, start: dt.datetime, growth: float = 1.0) -> list[list]:
    """投稿作品 → 导出数据: one row per work, every figure its running total at export time."""
    rows = [DOUYIN_HEADER]
    for k in range(count):
        published = start + dt.timedelta(days=3 * k, hours=k % 7, minutes=13 * k % 60)
        genre = "图文" if k % 4 == 3 else ("1-3min视频" if k % 3 else "<1min视频")
        plays = int(rng.randint(800, 90_000) * growth)
        caption = f"第{k + 1}期：会飞的种子\n#科普 #西安科技馆 一起来看看种子怎样乘风远行"
        missing = genre == "图文"
        rows.append([
            caption, published.strftime("%Y-%m-%d %H:%M:%S"), genre, "已发布", plays,
            "-" if missing else f"{rng.uniform(5, 40):.2f}%", "-" if missing else f"{rng.uniform(20, 70):.2f}%",
            f"{rng.uniform(2, 12):.2f}%", "-" if missing else f"{rng.uniform(10, 50):.2f}%",
            "-" if missing else f"{rng.uniform(5, 60):.1f}秒", int(plays * 0.05), int(plays * 0.004), int(plays * 0.002),
            int(plays * 0.003), int(plays * 0.01), int(plays * 0.001 * growth),
        ])
    return rows


def channels_csv(count: int, rng: random.Random, *, columns: int = 19) -> bytes:
    rows = [CHANNELS_HEADER[:columns]]
    for k in range(count):
        plays = rng.randint(300, 20_000)
        row = [f"科学小实验{k + 1}：静电的秘密", f"export/{14000000000000000 + k * 7919}", f"2021/{3 + k // 10:02d}/{1 + k % 28:02d}",
               f"{rng.uniform(3, 30):.2f}%", f"{rng.uniform(5, 40):.2f}秒", plays, int(plays * 0.2), int(plays * 0.03),
               int(plays * 0.004), int(plays * 0.006), int(plays * 0.002), int(plays * 0.005), 0, 0, 0, 0, 0, 0, 0]
        rows.append(row[:columns])
    return make_corpus.utf8_bom(rows)


def channels_multiline(count: int, rng: random.Random) -> bytes:
    """视频号 as it downloads: CRLF records, LF line breaks inside quoted 视频描述 cells, no final line end."""
    rows = [CHANNELS_HEADER]
    for k in range(count):
        plays = rng.randint(300, 20_000)
        description = f"科学小实验{k + 1}：会跳舞的盐\n#科学实验 #科普\n一起动手试试吧" if k % 2 == 0 else f"科学小实验{k + 1}：纸桥承重"
        rows.append([description, f"export/{15000000000000000 + k * 7919}", f"2021/05/{1 + k:02d}", f"{rng.uniform(3, 30):.2f}%",
                     f"{rng.uniform(5, 40):.2f}秒", plays, int(plays * 0.2), int(plays * 0.03), int(plays * 0.004),
                     int(plays * 0.006), int(plays * 0.002), int(plays * 0.005), 0, 0, 0, 0, 0, 0, 0])
    return b"\xef\xbb\xbf" + make_corpus.excel_csv(rows).removesuffix("\r\n").encode("utf-8")


def xiaohongshu_notes(count: int, rng: random.Random, *, growth: float = 1.0, notice: bool = True) -> list[list]:
    """创作者中心 → 笔记数据 → 导出 (笔记列表明细表.xlsx): a notice repeated over the columns, then one
    row per note with its figures at export time; 封面点击率 a fraction."""
    rows = [[XIAOHONGSHU_NOTICE] * len(XIAOHONGSHU_HEADER)] if notice else []
    rows.append(XIAOHONGSHU_HEADER)
    for k in range(count):
        published = dt.datetime(2021, 5, 3, 19, 30, 52) + dt.timedelta(days=4 * k, minutes=7 * k)
        video = k % 3 != 2
        views = int(rng.randint(200, 9_000) * growth)
        rows.append([f"科技馆周末去哪儿｜第{k + 1}站", published.strftime("%Y年%m月%d日%H时%M分%S秒"), "视频" if video else "图文",
                     views * 6, views, round(rng.uniform(0.02, 0.15), 4), int(views * 0.06), int(views * 0.01), int(views * 0.02),
                     int(views * 0.004 * growth), int(views * 0.005), rng.randint(8, 60) if video else 0, rng.randint(0, 9) if video else 0])
    return rows


def resident_id(k: int) -> str:
    """A made-up 18-character ID number of the right shape (region 610102, born 1990–1999)."""
    body = f"610102199{k % 10}{1 + k % 12:02d}{1 + k % 28:02d}{100 + k:03d}"
    return body + "0123456789X"[k % 11]


def volunteer_service(rng: random.Random) -> list[list]:
    """志愿汇-style service-hour export: a title row, then one row per service (sign-in), a 合计 row."""
    teams = ["科普讲解队", "青少年科学营", "银发志愿队"]
    people = [(f"志愿者{k + 1}", "女" if k % 2 else "男", PLANTED_ID if k == 0 else resident_id(k),
               PLANTED_PHONE if k == 0 else f"139{29000000 + k * 7:08d}", teams[k % 3]) for k in range(8)]
    rows = [["西安市科学技术馆志愿服务时长明细（2021年3月—4月）"],
            ["序号", "姓名", "性别", "证件号码", "手机号", "所属队伍", "活动名称", "服务日期", "服务时长（小时）"]]
    services = []
    for k in range(24):
        person = people[(k * 5) % 8]
        day = dt.date(2021, 3, 6) + dt.timedelta(days=7 * (k // 4))
        services.append([*person, "周末展厅讲解" if k % 3 else "科普进校园", day.isoformat(), rng.choice(["2", "2.5", "3", "4"])])
    services.append(list(services[0][:-1]) + ["1.5"])   # the same person, day and activity again: one 人次, more hours
    services.append(list(services[1][:-2]) + ["2021/04/17", "90分钟"])
    for n, (name, gender, id_number, phone, team, activity, day, hours) in enumerate(services, start=1):
        rows.append([n, name, gender, id_number, phone, team, activity, day, hours])
    rows.append(["合计", None, None, None, None, None, None, None, None])
    return rows


def volunteer_roster() -> list[list]:
    """全国志愿服务信息系统-style roster: 注册时间 per person, 所属团体."""
    rows = [["志愿者编号", "姓名", "身份证号", "手机号码", "性别", "所属团体", "注册时间"]]
    for k in range(10):
        registered = dt.date(2020, 11, 3) + dt.timedelta(days=23 * k)
        rows.append([f"V{2020000 + k}", f"志愿者{k + 1}", PLANTED_ID if k == 0 else resident_id(k),
                     PLANTED_PHONE if k == 0 else f"139{29000000 + k * 7:08d}", "女" if k % 2 else "男",
                     ["科普讲解队", "青少年科学营", "银发志愿队", "周末亲子队"][min(k // 3, 3)], registered.strftime("%Y-%m-%d %H:%M:%S")])
    return rows


def toutiao_rows(header: list[str], count: int, rng: random.Random, *, video: bool) -> list[list]:
    rows = [header]
    formats = ["%Y-%m-%d %H:%M", "%Y年%m月%d日", "{y}/{m}/{d}"]
    for k in range(count):
        day = dt.datetime(2021, 4, 1, 9, 30) + dt.timedelta(days=2 * k)
        shape = formats[k % 3]
        published = shape.format(y=day.year, m=day.month, d=day.day) if "{" in shape else day.strftime(shape)
        reads = rng.randint(200, 30_000)
        rows.append([
            ("小视频：" if video else "") + f"春分立蛋的科学{k + 1}", published, f"{7000000000 + k * 17}",
            f"https://www.toutiao.com/item/{7000000000 + k * 17}/", reads * 8, reads * 2, reads, int(reads * 0.3),
            round(rng.uniform(0.01, 0.2), 4), f"{rng.uniform(10, 60):.2f}", rng.randint(20, 120) if not video else f"{rng.uniform(5, 50):.2f}",
            int(reads * 0.02), -1 if k % 5 == 0 else int(reads * 0.003), int(reads * 0.001), int(reads * 0.004), int(reads * 0.002),
        ])
    return rows


def broken_stylesheet(content: bytes) -> bytes:
    """头条号's xlsx: a fill openpyxl cannot build (it stops with a TypeError); the cells are fine."""
    import io
    import zipfile

    styles = zipfile.ZipFile(io.BytesIO(content)).read("xl/styles.xml")
    broken = styles.replace(b"<fill><patternFill/></fill>", b'<fill><bgFill rgb="FFFFFFFF"/></fill>', 1)
    assert broken != styles
    return make_corpus.fixed_times(content, {"xl/styles.xml": broken})


def build() -> list[str]:
    made = []

    def add(name, content):
        write(name, content)
        made.append(name)

    rng = random.Random(SEED)
    add("wechat_tendency_20210301_20210430.xls", make_corpus.xls({"New Sheet1": tendency(dt.date(2021, 3, 1), dt.date(2021, 4, 30), rng)}))
    add("wechat_tendency_legacy_20210101_20210131.xls", make_corpus.xls({"Sheet1": legacy_tendency(dt.date(2021, 1, 1), dt.date(2021, 1, 31), rng)}))
    add("user_analysis.xls", user_growth_html(dt.date(2021, 3, 1), dt.date(2021, 4, 30), rng))
    first = douyin_works(12, rng, start=dt.datetime(2021, 3, 2, 18, 0))
    add("douyin_works_20210415.xlsx", make_corpus.xlsx({"Sheet1": first}))
    # a later export of the same works (figures grown) and two newer ones: the newest snapshot wins
    later = douyin_works(14, random.Random(SEED + 1), start=dt.datetime(2021, 3, 2, 18, 0), growth=1.5)
    add("douyin_works_20210501.xlsx", make_corpus.xlsx({"Sheet1": later}))
    # works that are not public (自见, 已删除, 私密) are kept but are not published works
    hidden = douyin_works(8, random.Random(SEED + 6), start=dt.datetime(2021, 6, 1, 18, 0))
    for row, state in zip(hidden[1:], ["已发布", "自见", "已发布", "已删除", "已发布", "自见", "私密", "已发布"]):
        row[3] = state
    add("douyin_works_not_public.xlsx", make_corpus.xlsx({"Sheet1": hidden}))
    add("channels_videos_20210430.csv", channels_csv(20, rng))
    add("channels_videos_15_columns.csv", channels_csv(5, random.Random(SEED + 2), columns=15))
    add("channels_videos_multiline.csv", channels_multiline(6, random.Random(SEED + 3)))
    add("xiaohongshu_notes_20210520.xlsx", make_corpus.xlsx({"Sheet1": xiaohongshu_notes(5, random.Random(SEED + 4))}))
    # a later export of the same notes (figures grown) and two newer ones, without the notice row
    add("xiaohongshu_notes_20210601.xlsx", make_corpus.xlsx({"Sheet1": xiaohongshu_notes(7, random.Random(SEED + 4), growth=1.4,
                                                                                       notice=False)}))
    post_book = make_corpus.xlsx({"Sheet1": toutiao_rows(TOUTIAO_POST_HEADER, 9, rng, video=False)})
    add("toutiao_posts_20210430.xlsx", broken_stylesheet(post_book))
    video_book = make_corpus.xlsx({"Sheet1": toutiao_rows(TOUTIAO_VIDEO_HEADER, 6, rng, video=True)})
    add("toutiao_videos_20210430.xlsx", broken_stylesheet(video_book))

    # --- bad: each is refused with a message naming what it resembles ---------------------------
    no_plays = [[c for k, c in enumerate(row) if k != 4] for row in douyin_works(3, random.Random(1), start=dt.datetime(2021, 3, 2))]
    add("bad_douyin_missing_column.xlsx", make_corpus.xlsx({"Sheet1": no_plays}))
    renamed = douyin_works(3, random.Random(2), start=dt.datetime(2021, 3, 2))
    renamed[0] = ["作品标题" if c == "作品名称" else ("观看量" if c == "播放量" else c) for c in renamed[0]]
    add("bad_douyin_renamed.xlsx", make_corpus.xlsx({"Sheet1": renamed}))
    channels_data = make_corpus.excel_csv([[c for c in r] for r in
                                           [CHANNELS_HEADER[:16]] + [[f"视频{k}", f"export/{k}", "2021/03/01", "3.2%", "9.1秒", 100, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0]
                                                                     for k in range(3)]])
    swapped = "\r\n".join([",".join(DOUYIN_HEADER)] + channels_data.split("\r\n")[1:])
    add("bad_header_over_other_data.csv", ("\ufeff" + swapped).encode("utf-8"))
    good_xls = make_corpus.xls({"Sheet1": legacy_tendency(dt.date(2021, 1, 1), dt.date(2021, 1, 10), random.Random(3))})
    add("bad_truncated.xls", good_xls[: len(good_xls) // 3])
    add("bad_html_not_a_table.xls", "<html><body><h1>导出失败</h1><p>请稍后重试</p></body></html>\n".encode("utf-8"))
    add("bad_weibo_export.csv", make_corpus.utf8_bom([["微博内容", "发布时间", "阅读数", "转发数", "评论数", "点赞数"],
                                                      ["春天来了", "2021-03-01 10:00", 1200, 3, 4, 50]]))
    add("bad_bilibili_export.xlsx", make_corpus.xlsx({"Sheet1": [["稿件标题", "BV号", "播放", "弹幕", "投币", "发布时间"],
                                                                 ["科学实验", "BV1xx411c7mD", 3400, 20, 11, "2021-03-02"]]}))
    # a third-party scrape of a 抖音 account: not an export of the platform; it was called 微博's
    scrape = [["达人UID", "抖音号", "达人昵称", "粉丝数", "视频ID", "视频描述", "发布时间", "视频时长", "点赞数", "评论数", "分享数",
               "收藏数", "转发数", "视频链接"]]
    for k in range(4):
        scrape.append([f"MS4wLjABAAAA{k:04d}", "xakjg_kepu", "西安科技馆科普", 123456 + k, f"{6950000000000000000 + k * 4099}",
                       f"会飞的种子{k + 1}", f"2021-03-{2 + 3 * k:02d} 18:00:00", "00:58", 320 + 11 * k, 12 + k, 5 + k, 9, 3,
                       f"https://www.douyin.com/video/{6950000000000000000 + k * 4099}"])
    add("bad_douyin_scrape.csv", make_corpus.utf8_bom(scrape))

    # --- volunteers: service hours and a roster; personal data must never be kept ------------------
    add("volunteer_service_2021.xlsx", make_corpus.xlsx({"服务时长": volunteer_service(random.Random(SEED + 7))}))
    add("volunteer_roster_2021.csv", make_corpus.gbk(volunteer_roster()))
    bad_rows = volunteer_service(random.Random(SEED + 8))[:6]
    bad_rows[3][8] = PLANTED_PHONE          # a phone number pasted into the hours column
    bad_rows[4][7] = "下周六"
    bad_rows[5][1] = bad_rows[5][3] = bad_rows[5][4] = None
    add("bad_volunteer_cells.csv", make_corpus.utf8_bom(bad_rows))
    add("bad_volunteer_undated.csv", make_corpus.utf8_bom([["姓名", "身份证号", "所属队伍"], ["志愿者1", PLANTED_ID, "科普讲解队"]]))
    return made


if __name__ == "__main__":
    print(f"{len(build())} files written to {HERE}", file=sys.stderr)
