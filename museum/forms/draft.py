"""The year's 事业单位法人年度报告 drafted from the database: fields in the portal's order, figures, what is missing.

Fill rules as the filing guides state them: assets are 净资产 in 万元 with two decimals and 年初数
equals last year's 年末数 (a mismatch is said, not corrected); 从业人数 is the year-end headcount;
网上名称 is the registered ".公益" name or 无; fields the data does not hold come from the latest
imported report. Whatever the data lacks is a visible 【待填：…】 listed under `missing`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from museum import kpis as kpis_module
from museum.forms import activities, edits, fields
from museum.forms.fields import placeholder

DRAFT_JSON_KEYS = ("year", "fields", "figures", "missing", "files")


@dataclass
class Draft:
    year: int
    institution: str
    fields: dict[str, str]                     # field key -> text, in the portal's order
    figures: list[activities.Figure]
    missing: list[str]
    edited: dict[str, int] = field(default_factory=dict)   # field key -> batch of the editor's text

    def labelled(self) -> dict[str, str]:
        return {fields.LABELS[key]: text for key, text in self.fields.items()}

    def to_json(self, files: list[str]) -> dict:
        record = {
            "year": self.year,
            "fields": self.labelled(),
            "figures": [{"metric": f.metric, "value": _plain(f.value), "qualifier": f.qualifier, "sentence": f.sentence}
                        for f in self.figures],
            "missing": list(self.missing),
            "files": list(files),
        }
        assert tuple(record) == DRAFT_JSON_KEYS
        return record


def _plain(value: float):
    return int(value) if float(value).is_integer() else value


def _year_value(values, metric: str, year: int):
    rows = values[(values["metric_id"] == metric) & (values["year"] == year)]
    return None if rows.empty else kpis_module.year_value(rows, "stock")


def _wan(value: float) -> str:
    return f"{value:.2f}万元"


def _assets(values, year: int, missing: list) -> tuple[str, str]:
    """年初数 and 年末数 (净资产, 万元, two decimals); 年初数 is last year's 年末数 when not stored."""
    start = _year_value(values, "assets_year_start", year)
    end = _year_value(values, "assets_year_end", year)
    prior_end = _year_value(values, "assets_year_end", year - 1)
    if start is None and prior_end is not None:
        start = prior_end
    if start is not None and prior_end is not None and round(start.value, 2) != round(prior_end.value, 2):
        missing.append((None, f"资产年初数{_wan(start.value)}与{year - 1}年年末数{_wan(prior_end.value)}不一致，请核对"))
    texts = []
    for found, key, what in ((start, "assets_year_start", "年初数(净资产，万元)"), (end, "assets_year_end", "年末数(净资产，万元)")):
        if found is None:
            texts.append(placeholder(what))
            missing.append((key, what))
        else:
            texts.append(_wan(found.value))
    return texts[0], texts[1]


def _number_field(values, metric: str, year: int, unit: str, what: str, missing: list, latest: bool = False) -> str:
    found = _year_value(values, metric, year)
    if found is None and latest:
        earlier = values[(values["metric_id"] == metric) & (values["year"] <= year)]
        found = _year_value(earlier, metric, int(earlier["year"].max())) if not earlier.empty else None
    if found is None:
        missing.append((metric, what))
        return placeholder(what)
    return f"{found.value:g}{unit}"


def _from_report(report: dict, key: str, year: int, missing: list) -> str:
    text = report.get(key)
    if text is None or not text.strip():
        missing.append((key, fields.LABELS[key]))
        return placeholder(fields.LABELS[key])
    return fields.for_year(text, year) if key == "compliance_statement" else text


def _parts(scope) -> tuple[list[tuple[str, list[str]]], list[activities.Figure], tuple[int, ...]]:
    year_kpis = [k for k in scope.kpis if k.metric.kind != "event" and k.metric.metric_id not in activities.FORM_FIELDS]
    months = scope.months_with_data
    parts, figures = [], []
    for category, title in activities.PARTS:
        chosen = [k for k in year_kpis if k.metric.category == category]
        sentences = []
        if chosen:
            sentence, found = activities.part_sentences(chosen, scope.year, months)
            sentences.append(sentence)
            figures += found
        if category == "research":
            sentences += activities.research_sentences(_of_year(scope.records("research"), scope.year))
        if sentences:
            parts.append((title, sentences))
    return parts, figures, months


def _of_year(frame, year: int):
    return frame[frame["year"] == year].reset_index(drop=True)


def build(scope) -> Draft:
    """The draft of the scope's (whole) year, with the editor's texts where a field has one."""
    if not scope.period.is_year:
        raise ValueError("a report draft covers a whole year")
    year, values, missing = scope.year, scope.values, []
    report = fields.latest_report(scope.frame("profile"), year)
    name = report.get("name") or scope.institution
    start, end = _assets(values, year, missing)
    parts, figures, months = _parts(scope)
    if months and len(months) < 12:
        missing.append((None, f"{year}年全年数据（库中只有{activities.year_lead(year, months)[len(str(year)) + 1:]}）"))
    benefits = activities.benefit_sentences(_of_year(scope.records("awards"), year), _of_year(scope.records("honors"), year))
    tasks = _of_year(scope.frame("key_tasks"), year + 1)
    texts = {
        "startup_capital": _number_field(values, "startup_capital", year, "万元", "开办资金", missing, latest=True),
        "assets_year_start": start, "assets_year_end": end,
        "website": fields.website(report.get("website")),
        "headcount": _number_field(values, "headcount", year, "", "从业人数(年末)", missing),
        "activities": activities.activities_text(name, year, parts, benefits, activities.plan_text(tasks)),
    }
    for key in fields.FROM_REPORT:
        texts[key] = _from_report(report, key, year, missing)
    texts["name"] = name
    missing.append(("activities", "存在问题"))
    if tasks.empty:
        missing.append(("activities", "下一步打算（下一年度重点任务）"))
    if not parts:
        missing.append(("activities", f"{year}年业务活动情况"))
    ordered = {key: texts[key] for key, _label in fields.FIELDS}
    draft = Draft(year, name, ordered, figures, [])
    for key, (text, batch_id) in edits.of_year(scope.frame("draft_fields"), year).items():
        if key in draft.fields:
            draft.fields[key], draft.edited[key] = text, batch_id
    draft.missing = _still_missing(missing, draft)
    return draft


def _still_missing(missing: list[tuple[str | None, str]], draft: Draft) -> list[str]:
    """What is still to fill in: an item of a field the editor rewrote without any 【待填…】 is done;
    an item of no field (a mismatch to check, a year not complete) stays."""
    still = []
    for key, text in missing:   # a metric's field has the metric's name (startup_capital, headcount)
        if key in draft.edited and not fields.has_placeholder(draft.fields[key]):
            continue
        still.append(text)
    return still

