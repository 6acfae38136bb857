"""Catalog metrics stated in prose: "共发布各类科普图文5528篇", "总访问量超500万次", "联系11所大中院校".

A figure is given to the metric whose name or alias stands nearest before it in the same clause
(else nearest after it), among metrics whose unit fits the figure's unit. Lists are counted in two
common phrasings ("参加了A、B、C等…竞赛", "与A、B签署…合作协议"). Anything else is unplaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from museum.catalog import Catalog
from museum.report.parser.sentences import Figure, Sentence, masked

# Words reports use for a metric beyond the catalog's names and aliases.
EXTRA_KEYWORDS = {
    "posts": ("科普文章", "推文", "图文"),
    "short_videos": ("短视频", "视频"),
    "livestreams": ("直播",),
    "online_visits": ("访问量", "点击量", "浏览量", "阅读量"),  # 播放量 is video_plays' own alias
    "follower_growth": ("粉丝增长", "新增粉丝", "增粉"),
    "outreach_events": ("公益行", "三探五进"),
    "education_sessions": ("教育活动", "研学活动", "科学课"),
    "lectures": ("讲座",),
    "lecture_attendance": ("听众",),
    "short_term_exhibitions": ("临时展览", "短期展览", "临展", "巡展"),
    "competitions_entered": ("竞赛", "比赛", "大赛"),
    "partnership_agreements": ("合作协议", "战略合作"),
    "policy_documents_drafted": ("征求意见稿", "管理办法", "制度"),
    "volunteer_reserve": ("志愿者后备",),
    "volunteer_teams": ("志愿者队伍", "志愿服务队"),
    "partner_colleges": ("院校", "高校"),
    "volunteer_person_times": ("志愿服务", "志愿者服务"),
    "onsite_visitors": ("接待观众", "接待游客", "参观人次", "观众", "游客", "参观", "服务公众", "服务群众", "团体及个人",
                        "接待量", "客流量", "参观量", "入馆"),
    "open_days": ("开放", "开馆"),
    # only an area fits exhibition_area, so 展厅 alone ("展厅总面积3000㎡") names it only before an area
    "exhibition_area": ("展厅面积", "展览面积", "展教面积", "展示面积", "展区面积", "布展面积", "展陈面积", "展厅", "展区"),
    # exhibits on show ("展出展品约200余件") are not exhibits updated: a verb of updating must be said
    "exhibits_updated": ("更新展品", "维护展品", "维修展品", "新增展品", "研发展品", "改造展品", "展品更新", "展品维护", "展品研发"),
    "popsci_funding_raised": ("筹集",),
    "popsci_funding_used": ("使用经费",),
}
# The form's own fields; prose mentioning them must not create a second value.
FORM_METRICS = {"headcount", "assets_year_start", "assets_year_end", "startup_capital"}
# Which metric units a figure's unit can stand for.
UNIT_FITS = {
    "场次": ("场次", "场", "次"), "场": ("场", "场次", "次"), "次": ("次", "场次", "场"), "份": ("项",), "个": ("个", "项"),
    "项": ("项",), "人次": ("人次",), "万元": ("万元",), "元": ("万元",), "名": ("人", "人次"), "人": ("人", "人次"),
    "期": ("场", "场次", "次"), "平方米": ("m²",),
}
# Words between a metric's keyword and the figure after it that make the figure a count of something else:
# "在各类竞赛中共获奖12项" counts awards won, not competitions entered (the award lines count those).
NOT_BETWEEN = {"competitions_entered": ("获奖", "奖项", "获得", "荣获", "获")}
# A number written without a unit ("播放量超30万") takes the unit of the metric named right before it.
UNITLESS_DISTANCE = 2
NOT_COUNTS = ("%", "万元", "m²")
DERIVED_CONFIDENCE = 0.6


@dataclass
class Placed:
    metric_id: str
    value: float
    qualifier: str
    unit: str
    text: str
    confidence: float


class MetricReader:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.keywords: list[tuple[str, str]] = []  # (keyword, metric_id), longest first
        for metric in catalog:
            if metric.kind == "event" or metric.metric_id in FORM_METRICS:
                continue
            words = {metric.name_zh, *metric.aliases, *EXTRA_KEYWORDS.get(metric.metric_id, ())}
            words |= {w.replace("“", "").replace("”", "") for w in words}
            self.keywords.extend((w, metric.metric_id) for w in words if len(w) >= 2)
        self.keywords.sort(key=lambda pair: len(pair[0]), reverse=True)

    def fits(self, metric_id: str, unit: str) -> bool:
        if unit == "":
            return self.catalog[metric_id].unit_zh not in NOT_COUNTS
        return self.catalog[metric_id].unit_zh in UNIT_FITS.get(unit, (unit,))

    def _nearest(self, text: str, unit: str, before: bool) -> tuple[str, int] | None:
        """The fitting metric whose keyword ends nearest the end (before) or starts nearest the start."""
        best = None
        for word, metric_id in self.keywords:
            if not self.fits(metric_id, unit):
                continue
            position = text.rfind(word) if before else text.find(word)
            if position < 0:
                continue
            distance = len(text) - (position + len(word)) if before else position
            if best is None or distance < best[1]:
                best = (metric_id, distance)
        return best

    def place(self, view: str, figure: Figure, before: str, after: str) -> Placed | None:
        value = figure.value / 10_000 if figure.unit == "元" else figure.value
        unit = "万元" if figure.unit == "元" else figure.unit
        for side, text in ((True, before), (False, after)):
            nearest = self._nearest(text, figure.unit, side)
            if nearest and figure.unit == "" and not (side and nearest[1] <= UNITLESS_DISTANCE):
                return None
            if nearest and side and any(word in text[len(text) - nearest[1]:] for word in NOT_BETWEEN.get(nearest[0], ())):
                return None  # kept for review with its words
            if nearest:
                metric_id, distance = nearest
                confidence = (0.95 if distance <= 2 else 0.8) if side else (0.85 if distance <= 4 else 0.7)
                return Placed(metric_id, value, figure.qualifier, unit, figure.text, confidence)
        return None

    def also_all(self, figure: Figure, after: str, placed: Placed) -> Placed | None:
        """"硕士学位职工27人全员均受聘…科学副校长": the same count is stated for a second metric."""
        match = re.match(r"^(全员|全部|均|都)", after)
        if not match:
            return None
        nearest = self._nearest(after, figure.unit, before=False)
        if nearest and nearest[0] != placed.metric_id:
            return Placed(nearest[0], placed.value, placed.qualifier, placed.unit, figure.text, DERIVED_CONFIDENCE)
        return None


_LIST_COUNTS = (
    # (metric, pattern with a `list` group)
    ("competitions_entered", re.compile(r"参加了?(?P<list>[^。；;：:]+?)等[^。；;，,]{0,12}?(?:竞赛|比赛|大赛|赛事)")),
    ("partnership_agreements", re.compile(r"与(?P<list>[^,，;；。：:]+?)签署了?[^,，;；。]{0,8}?合作协议")),
)


def list_counts(sentence: Sentence) -> list[tuple[str, int, str]]:
    """(metric, count, items as written) for enumerations without a number."""
    found = []
    scan = masked(sentence.view)
    for metric_id, pattern in _LIST_COUNTS:
        for match in pattern.finditer(scan):
            if match.start() >= sentence.plan_from:
                continue
            written = sentence.view[match.start("list"): match.end("list")]
            if re.search(r"\d", scan[match.start("list"): match.end("list")]):
                continue
            items = [p for p in re.split(r"[、,，]|以及|及|和|与", written) if p.strip()]
            if len(items) >= 1:
                found.append((metric_id, len(items), written))
    return found
