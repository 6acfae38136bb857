"""The annual-report parser on the prose of 开展业务活动情况: catalog metrics in their usual
phrasings, awards, honours and research items read from sentences, and label words inside prose."""

from __future__ import annotations

import pytest

from museum.report import parser as report_parser


def test_label_words_inside_prose_are_not_labels():
    text = "2021年度\n单位名称：甲馆\n住所：乙路1号\n法定代表人：丙\n开展业务活动情况：按照宗旨和业务范围开展活动，\n住所内举办展览3个。\n"
    parsed = report_parser.parse_text(text)
    assert parsed.fields["activities"].value == "按照宗旨和业务范围开展活动，住所内举办展览3个。"
    assert "purpose" not in parsed.fields
    assert [(m.metric, m.value) for m in parsed.metrics] == []
    assert parsed.unplaced == [{"text": "3个", "sentence": "按照宗旨和业务范围开展活动，\n住所内举办展览3个。"}]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("全年接待观众12,000人次。", [("onsite_visitors", 12000, "exact")]),
        ("服务对象满意度达98%。", [("visitor_satisfaction", 98, "exact")]),
        ("开放天数达３０６天，举办科普讲座二十场。", [("open_days", 306, "exact"), ("lectures", 20, "exact")]),
        ("组建志愿服务队3支，志愿者服务时长近2000小时。", [("volunteer_teams", 3, "exact"), ("volunteer_hours", 2000, "approx")]),
        ("全年新增粉丝1.5万余人，抖音热榜上榜3次。", [("follower_growth", 15000, "at_least"), ("douyin_hot_list", 3, "exact")]),
        ("参加省级竞赛3项。", [("competitions_entered", 3, "exact")]),
    ],
)
def test_prose_phrasings_of_catalog_metrics(sentence, expected):
    text = f"2022年度\n单位名称 | 甲馆 |\n住所 | 乙路1号 |\n开展业务活动情况 | {sentence} |\n"
    parsed = report_parser.parse_text(text)
    assert [(m.metric, m.value, m.qualifier) for m in parsed.metrics] == expected
    assert parsed.unplaced == []
    assert all(m.sentence == sentence for m in parsed.metrics)


def parse_activities(sentence: str) -> report_parser.ParsedReport:
    return report_parser.parse_text(f"2023年度\n单位名称 | 丁县科技馆 |\n住所 | 丁县丁路1号 |\n开展业务活动情况 | {sentence} |\n")


def test_award_without_a_level_is_unplaced_not_guessed():
    parsed = parse_activities("职工获区科普讲解大赛一等奖1项，获全市科普讲解大赛二等奖2项。")
    assert [(a["competition"], a["level"], a["grade"], a["count"]) for a in parsed.awards] == [("全市科普讲解大赛", "municipal", "second", 2)]
    assert [u["text"] for u in parsed.unplaced] == ["职工获区科普讲解大赛一等奖1项"]


def test_honours_quoted_titles_and_unknown_levels():
    parsed = parse_activities("本馆被评为“2023年度全国科普工作先进集体”，“科学之夜”活动获评优秀活动。")
    assert [(h["title"], h["subject"], h["awarded_by"], h["level"]) for h in parsed.honors] == [
        ("先进集体", None, "2023年度全国科普工作", "national"),
        ("优秀活动", "“科学之夜”活动", None, None),
    ]


def test_research_stages_roles_and_inherited_items():
    parsed = parse_activities("申报省科协课题2项，获批立项1项；参与编制地方标准1项，发表论文2篇、出版科普图书1部。")
    assert [(r["item_type"], r["role"], r["stage"], r["description"], r["count"]) for r in parsed.research] == [
        ("project", None, "applied", "省科协课题", 2),
        ("project", None, "approved", "省科协课题", 1),
        ("local_standard", "participant", "approved", "编制地方标准", 1),
        ("paper", None, "published", "论文", 2),
    ]
    assert parsed.unplaced == [{"text": "1部", "sentence": "申报省科协课题2项，获批立项1项；参与编制地方标准1项，发表论文2篇、出版科普图书1部。"}]
