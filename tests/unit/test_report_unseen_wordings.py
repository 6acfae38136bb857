"""Wordings a tester wrote from other museums' reports (none of them in the corpus): every figure read as
the report means it, or kept for review with its words — never a wrong number in silence."""

from __future__ import annotations

import pytest

from museum import numbers, seed
from museum.report import parser as report_parser

TEXT = (seed.SEED_DIR / "annual-report-2024" / "report.txt").read_text(encoding="utf-8")


def read(*replacements: tuple[str, str]) -> report_parser.ParsedReport:
    text = TEXT
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return report_parser.parse_text(text, file_name="报告.txt")


def placed(parsed, metric_id):
    figure = parsed.metric(metric_id)
    return None if figure is None else (figure.value, figure.qualifier)


def unplaced(parsed) -> list[str]:
    return [u["text"] for u in parsed.unplaced]


@pytest.mark.parametrize("written, value", [
    ("一百二十", 120), ("一百零五", 105), ("一千二百", 1200), ("一万二千", 12000), ("十二万", 120000),
    ("一亿二千万", 120_000_000), ("两千万", 20_000_000), ("二十七", 27), ("两", 2),
])
def test_chinese_numerals_keep_their_leading_one_and_their_wan(written, value):
    assert numbers.chinese_numeral(written) == value
    assert numbers.parse_quantity(written + "条") == numbers.Quantity(value, "exact", "条")


def test_yu_before_a_multiplier_is_read_after_it():
    assert numbers.parse_quantity("十余万") == numbers.Quantity(100000, "at_least", "")
    assert numbers.parse_quantity("15余万人") == numbers.Quantity(150000, "at_least", "人")


def test_a_numeral_starting_with_one_is_read_whole_in_prose():
    parsed = read(("科普短视频356条", "科普短视频一百二十条"), ("粉丝增长2万余人", "粉丝增长一万二千人"))
    assert placed(parsed, "short_videos") == (120, "exact")
    assert placed(parsed, "follower_growth") == (12000, "exact")
    assert parsed.metric("short_videos").text == "一百二十条"


def test_full_width_digits_a_full_width_point_and_a_full_width_year():
    text = TEXT.replace("2024", "２０２４").replace("科普图文5528篇", "科普图文５，５２８篇").replace("总访问量超500万次", "总访问量超５００．５万次")
    parsed = report_parser.parse_text(text, file_name="全角.txt")
    assert parsed.year == 2024
    assert placed(parsed, "posts") == (5528, "exact")
    assert placed(parsed, "online_visits") == (5_005_000, "at_least")
    assert parsed.metric("online_visits").text == "超５００．５万次"  # quoted as written


def test_a_bare_number_under_a_label_in_yuan_is_converted_to_wan_yuan():
    parsed = read(("年初数(万元) | 年末数(万元) | |\n63.1万元 | 59.27万元 | |", "年初数(元) | 年末数(元) | |\n631,000.50 | 592,700 | |"))
    assert placed(parsed, "assets_year_start") == (63.10005, "exact")
    assert placed(parsed, "assets_year_end") == (59.27, "exact")
    assert parsed.metric("assets_year_start").text == "631,000.50"
    unchanged = read(("63.1万元 | 59.27万元 | |", "63.1 | 59.27 | |"))  # under 年初数(万元): 万元 as before
    assert placed(unchanged, "assets_year_start") == (63.1, "exact")


@pytest.mark.parametrize("written", ["3至5万人次", "3到5万人次", "3-5万人次", "三至五万人次"])
def test_a_range_is_kept_for_review_whole_never_placed_as_its_upper_end(written):
    parsed = read(("粉丝增长2万余人", f"粉丝增长2万余人，接待观众{written}"))
    assert placed(parsed, "onsite_visitors") is None
    assert written in unplaced(parsed)


def test_a_range_of_events_is_not_lost():
    parsed = read(("各类直播活动7场次", "各类直播活动7-9场次"))
    assert placed(parsed, "livestreams") is None and "7-9场次" in unplaced(parsed)


@pytest.mark.parametrize("written, kept", [("不足3万人次", "不足3万人次"), ("不到3万人次", "不到3万人次"),
                                           ("3万人次以下", "3万人次以下")])
def test_an_upper_bound_is_kept_for_review_never_stored_as_exact(written, kept):
    parsed = read(("粉丝增长2万余人", f"粉丝增长2万余人，接待观众{written}"))
    assert placed(parsed, "onsite_visitors") is None
    assert kept in unplaced(parsed)


def test_a_plus_after_a_figure_is_at_least():
    parsed = read(("粉丝增长2万余人", "粉丝增长2.3万+"))
    assert placed(parsed, "follower_growth") == (23000, "at_least")


def test_awards_won_in_competitions_are_not_competitions_entered():
    parsed = read(("2024年先后参加了西安市科普讲解大赛", "2024年职工在各类竞赛中共获奖12项。2024年先后参加了西安市科普讲解大赛"))
    assert placed(parsed, "competitions_entered") == (5, "exact")  # the list of competitions, as before
    assert "12项" in unplaced(parsed)


def test_a_title_year_other_than_the_activities_year_is_said(con):
    from museum.report import importer

    parsed = report_parser.parse_text("事业单位法人年度报告书（2023年度）\n" + TEXT, file_name="报告.txt")
    assert (parsed.year, parsed.activities_year) == (2023, 2024)
    from museum.report.parser import review

    dataset, errors = review.to_dataset(parsed)
    assert errors == []
    said = importer.warnings_for(con, parsed, dataset, importer.preview(con, dataset))
    assert "报告标明2023年度，而业务活动情况从“2024年”写起：数据按2023年导入，如年度不对请改正报告后重新导入。" in said
    assert report_parser.parse_text(TEXT).activities_year is None  # the seed: one year throughout


def test_both_asset_figures_on_one_line_after_the_heading():
    parsed = read(("资产损益情况 | ||\n年初数(万元) | 年末数(万元) | |\n63.1万元 | 59.27万元 | |",
                   "资产损益情况 | ||\n净资产合计（所有者权益合计）：年初数63.1万元，年末数59.27万元 | |"))
    assert placed(parsed, "assets_year_start") == (63.1, "exact")
    assert placed(parsed, "assets_year_end") == (59.27, "exact")


def test_an_asset_table_copied_with_tabs():
    text = TEXT.replace("年初数(万元) | 年末数(万元) | |\n63.1万元 | 59.27万元 | |", "年初数(万元)\t年末数(万元)\n63.1\t59.27")
    text = "\n".join(line.replace(" | ", "：", 1).replace(" |", "").replace("|", "") for line in text.splitlines())  # no pipes
    parsed = report_parser.parse_text(text, file_name="制表符.txt")
    assert parsed.layout != "pipe_table"
    assert placed(parsed, "assets_year_start") == (63.1, "exact")
    assert placed(parsed, "assets_year_end") == (59.27, "exact")


def test_a_figure_in_the_purpose_statement_is_kept_for_review_never_lost():
    parsed = read(("开展科普展览,普及科技知识。", "开展科普展览,普及科技知识。二、取得社会效益：观众满意度98.6%，预算执行率99.2%。"))
    assert {"98.6%", "99.2%"} <= set(unplaced(parsed))
    assert read().unplaced == report_parser.parse_text(TEXT).unplaced  # the seed: nothing more to review


def test_year_start_and_end_counts_in_prose_are_no_asset_labels():
    parsed = read(("本年度“科普西安”融媒体矩阵共发布各类科普图文5528篇,", "本年度馆藏展品年初数120件，年末数135件；共发布各类科普图文5528篇,"))
    assert placed(parsed, "posts") == (5528, "exact") and placed(parsed, "short_videos") == (356, "exact")
    assert placed(parsed, "assets_year_end") == (59.27, "exact")  # the form's own figure, untouched
