"""年度指标值 strings, link suggestions and the plan items of 下一步打算."""

import pytest

from museum import catalog
from museum.i18n import t
from museum.report.parser.plans import plan_items
from museum.targets import links
from museum.targets.values import TargetTextError, parse_target, units_fit


@pytest.mark.parametrize("text, operator, value, unit, explicit", [
    ("≥6000篇", ">=", 6000, "篇", True),
    ("不少于400条", ">=", 400, "条", True),
    ("不低于 98%", ">=", 98, "%", True),
    ("6000篇以上", ">=", 6000, "篇", True),
    ("≤120万元", "<=", 120, "万元", True),
    ("不超过104万元", "<=", 104, "万元", True),
    ("控制在120万元以内", "<=", 120, "万元", True),
    ("1040000元", ">=", 104, "万元", False),
    ("100%", ">=", 100, "%", False),
    ("10场", ">=", 10, "场", False),
    ("=300天", "=", 300, "天", True),
    ("＝300天", "=", 300, "天", True),
    ("450万次", ">=", 4_500_000, "次", False),
    ("三十场", ">=", 30, "场", False),
    (12, ">=", 12, "", False),
])
def test_numeric_targets(text, operator, value, unit, explicit):
    parsed = parse_target(text)
    assert (parsed.operator, parsed.value, parsed.unit, parsed.explicit) == (operator, value, unit, explicit)


@pytest.mark.parametrize("text", ["达到预期", "良好", "有所提升", "按期完成"])
def test_text_without_a_figure_is_qualitative(text):
    parsed = parse_target(text)
    assert (parsed.operator, parsed.value, parsed.text) == ("qualitative", None, text)


@pytest.mark.parametrize("text, key", [
    ("较上年提高", "targets.value.relative"),
    ("比上年增长10%", "targets.value.relative"),
    ("约300天", "targets.value.approx"),
    ("1-2场", "targets.value.unreadable"),
    ("", "targets.value.empty"),
    (None, "targets.value.empty"),
])
def test_unreadable_targets_say_why(text, key):
    with pytest.raises(TargetTextError) as error:
        parse_target(text)
    assert error.value.key == key


def test_relative_target_message():
    assert t("targets.value.relative", "zh", value="较上年提高") == (
        "“较上年提高”是与上年相比的说法，无法计算完成率：请写出具体数值（如 ≥5600篇），定性指标写“达到预期”。")


def test_units_fit():
    assert units_fit("篇", "篇") and units_fit("", "篇") and units_fit("场", "场次")
    assert not units_fit("场", "篇") and not units_fit("次", "人次")


@pytest.mark.parametrize("indicator, unit, metric_id, matched", [
    ("“科普西安”融媒体矩阵发布科普图文", "篇", "posts", "科普图文"),
    ("科普短视频发布", "条", "short_videos", "科普短视频"),
    ("免费开放天数", "天", "open_days", "开放天数"),
    ("服务对象满意度", "%", "visitor_satisfaction", "服务对象满意度"),
    ("志愿者服务人次", "人次", "volunteer_person_times", "志愿者服务人次"),
    ("直播活动", "场", "livestreams", "直播活动"),
    # two catalog names: the head of the phrase (the last in Chinese) wins (issue 18 item 2)
    ("职工参加行业竞赛获奖总数", "项", "awards_total", "获奖总数"),
    ("参加行业竞赛项目", "项", "competitions_entered", "参加行业竞赛"),
    ("国家级获奖", "项", "awards_national", "国家级获奖"),
])
def test_link_suggested_when_a_name_appears_and_the_unit_fits(indicator, unit, metric_id, matched):
    assert links.suggest(indicator, unit, catalog.load()) == links.Suggestion(metric_id, matched)


@pytest.mark.parametrize("indicator, unit", [
    ("“科普西安”融媒体矩阵发布科普图文", "条"),   # the unit does not fit posts (篇)
    ("全国科普日专题活动", "场"),               # no catalog name in it
    ("科普服务社会影响", ""),
])
def test_no_link_on_a_guess(indicator, unit):
    assert links.suggest(indicator, unit, catalog.load()) is None


def test_plan_items_with_groups():
    text = ("三、存在问题(一)人手不足。四、下一步打算新的一年，我们将：(一)做强品牌1.办好科普日。2.建好志愿者队伍，"
            "实现2025年目标。(二)教研融合1.开展培训。")
    assert [(i.position, i.group_title, i.item_number, i.sentence) for i in plan_items(text)] == [
        (1, "（一）做强品牌", "1", "办好科普日。"),
        (2, "（一）做强品牌", "2", "建好志愿者队伍，实现2025年目标。"),
        (3, "（二）教研融合", "1", "开展培训。"),
    ]


def test_plan_items_without_groups_and_without_a_plan():
    assert [i.sentence for i in plan_items("五、明年工作计划 1.做好展览。2.办好活动。")] == ["做好展览。", "办好活动。"]
    assert plan_items("一、业务活动情况 1.开展活动。") == []
    assert plan_items("四、下一步打算 继续做好各项工作。") == []
