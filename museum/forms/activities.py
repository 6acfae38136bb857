"""开展业务活动情况 written from the database: the year's parts by category, honours, 存在问题, 下一步打算.

Every sentence of 一、 is written from stored figures in the report's own words (超500万次, 2万余人)
in a wording `parse-report` reads back to the same metric, value and qualifier; records (awards,
honours, research) are written with the sentence they were read from, or composed in the same
phrasing when they were entered by hand. 存在问题 is never invented: it is a visible 【待填写】.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from museum import numbers, present
from museum.i18n import t
from museum.forms.fields import TO_WRITE, placeholder
from museum.kpis import Kpi

# The parts of 一、 in the reports' order: (category, title).
PARTS = (
    ("online_media", "线上传播"), ("outreach", "科普活动"), ("venue", "场馆服务"), ("exchange", "交流合作"),
    ("staff", "人才队伍"), ("volunteers", "志愿者"), ("funding", "科普经费"), ("research", "科研"),
)
# The verb a report puts before a metric ("共发布各类科普图文5528篇").
VERBS = {"posts": "共发布", "short_videos": "发布", "livestreams": "开展", "outreach_events": "累计开展",
         "education_sessions": "开展", "lectures": "举办", "short_term_exhibitions": "举办",
         "partnership_agreements": "", "onsite_visitors": "", "exhibits_updated": ""}
# How a sentence names a metric where its catalog name carries a note the prose does not.
NAMES = {"followers_total": "粉丝总量", "outreach_events": "“三探五进”公益行科普活动"}
# Units a report spells out in words ("展厅面积5200平方米").
PROSE_UNITS = {"m²": "平方米"}
# The registration form's own fields are fields, not sentences; a month's count of who served is
# no figure of a year.
FORM_FIELDS = {"headcount", "assets_year_start", "assets_year_end", "startup_capital", "volunteers_active"}
CHINESE_NUMBERS = "一二三四五六七八九十"
_HEADINGS = re.compile(r"^(?:[一二三四五六七八九十]+、取得社会效益)?(?:[（(][一二三四五六七八九十]+[)）])?")
GRADES = {"first": "一等奖", "second": "二等奖", "third": "三等奖", "excellence": "优秀奖"}
RESEARCH_WORDS = {
    ("project", "lead", "applied"): "以第一完成单位申报{d}{n}项", ("project", "participant", "applied"): "以参与单位申报{d}{n}项",
    ("project", "lead", "approved"): "获批主持{d}{n}项", ("project", "participant", "approved"): "获批参与{d}{n}项",
    ("project", None, "concluded"): "结题{d}{n}项", ("paper", None, "published"): "发表学术论文{n}篇",
}


@dataclass
class Figure:
    metric: str
    value: float
    qualifier: str
    sentence: str


def amount_words(kpi: Kpi) -> str:
    """The value as the report writes it; an exact value that 万 would round is written in full."""
    unit = kpi.metric.unit_zh
    if kpi.qualifier == "exact":
        plain = numbers.format_plain(kpi.value, "zh")
        if numbers.parse_quantity(plain).value != kpi.value:
            return f"{kpi.value:.10g}{PROSE_UNITS.get(unit, unit)}"
    words = present.value_words(kpi, "zh")
    return words[: -len(unit)] + PROSE_UNITS[unit] if unit in PROSE_UNITS and words.endswith(unit) else words


def change_words(kpi: Kpi) -> str | None:
    """"同比增长12.3%" against the whole prior year (a partial year says nothing it cannot back)."""
    if kpi.change_pct is None or kpi.comparison != "years":
        return None
    side = "flat" if round(kpi.change_pct, 1) == 0 else ("up" if kpi.change_pct > 0 else "down")
    return "同比" + t(f"doc.change.{kpi.bound}.{side}", "zh", m=f"{abs(kpi.change_pct):.1f}%")


def clause(kpi: Kpi) -> str:
    name = NAMES.get(kpi.metric.metric_id, kpi.metric.name_zh)
    text = f"{VERBS.get(kpi.metric.metric_id, '')}{name}{amount_words(kpi)}"
    change = change_words(kpi)
    return f"{text}，{change}" if change else text


def year_lead(year: int, months: tuple[int, ...] | None) -> str:
    """"2024年" or, for a year whose months are not all in, "2025年1–9月"."""
    if months and len(months) < 12:
        return f"{year}年{present.months_text(months, 'zh')}"
    return f"{year}年"


def part_sentences(kpis: list[Kpi], year: int, months) -> tuple[str, list[Figure]]:
    """One sentence of the category's figures, and each figure with that sentence."""
    sentence = f"{year_lead(year, months)}，" + "，".join(clause(k) for k in kpis) + "。"
    return sentence, [Figure(k.metric.metric_id, k.value, k.qualifier, sentence) for k in kpis]


def _without_heading(sentence: str) -> str:
    """A stored sentence without the headings it stood under in its report ("二、取得社会效益(一)")."""
    return _HEADINGS.sub("", sentence.strip())


def _records_sentences(frame: pd.DataFrame, compose) -> list[str]:
    """The stored sentences of a year's records, in order; records entered by hand composed."""
    kept = [_without_heading(s) for s in frame["sentence"] if isinstance(s, str) and s.strip()]
    hand = frame[frame["sentence"].isna() | (frame["sentence"].astype(str).str.strip() == "")]
    written = list(dict.fromkeys(kept))
    if not hand.empty:
        written.append(compose(hand))
    return written


def _awards_sentence(frame: pd.DataFrame) -> str:
    items = [f"{r.competition}{GRADES.get(r.grade, '')}{int(r.count)}项" for r in frame.itertuples()]
    return "在参加行业竞赛方面，科技馆职工先后获得" + "；".join(items) + "。"


def _honors_sentence(frame: pd.DataFrame) -> str:
    items = [f"{r.awarded_by or ''}{r.title}" for r in frame.itertuples()]
    return "科技馆先后被评为" + "、".join(items) + "。"


def _research_sentence(frame: pd.DataFrame) -> str:
    items = []
    for r in frame.itertuples():
        role = None if pd.isna(r.role) else r.role
        words = RESEARCH_WORDS.get((r.item_type, role, r.stage), "{d}{n}项")
        items.append(words.format(d=r.description or "", n=int(r.count)))
    return "在科普研究方面，科技馆" + "，".join(items) + "。"


def research_sentences(research: pd.DataFrame) -> list[str]:
    return _records_sentences(research, _research_sentence) if not research.empty else []


def benefit_sentences(awards: pd.DataFrame, honors: pd.DataFrame) -> list[str]:
    """二、取得社会效益: the unit's honours, then the staff's awards by level and grade."""
    found = []
    if not honors.empty:
        found += _records_sentences(honors, _honors_sentence)
    if not awards.empty:
        found += _records_sentences(awards, _awards_sentence)
    return found


def plan_text(tasks: pd.DataFrame) -> str:
    """四、下一步打算 from next year's key tasks, under their headings as the report numbers them."""
    if tasks.empty:
        return placeholder("下一年度重点任务（在“目标管理”中添加）")
    out, heading = [], object()
    number = 0
    for row in tasks.sort_values("position").itertuples():
        title = row.group_title if isinstance(row.group_title, str) and row.group_title.strip() else None
        if title != heading:
            heading, number = title, 0
            if title:
                out.append(title)
        number += 1
        out.append(f"{number}.{row.sentence.rstrip('。')}。")
    return "".join(out)


def heading(index: int, title: str) -> str:
    return f"（{CHINESE_NUMBERS[index]}）{title}"


def activities_text(name: str, year: int, parts: list[tuple[str, list[str]]], benefits: list[str], plan: str) -> str:
    """The whole field: opening, 一、 parts, 二、 honours and awards, 三、 【待填写】, 四、 the plan."""
    text = [f"{year}年，{name}开展业务活动情况如下：一、{year}年业务活动情况"]
    if not parts:
        text.append(placeholder(f"{year}年业务活动情况（库中没有该年度数据）"))
    for index, (title, sentences) in enumerate(parts):
        text.append(heading(index, title) + "".join(sentences))
    text.append("二、取得社会效益")
    text.append("".join(benefits) if benefits else placeholder("获奖和荣誉（库中没有该年度记录）"))
    text.append(f"三、存在问题{TO_WRITE}")
    text.append(f"四、下一步打算{plan}")
    return "".join(text)
