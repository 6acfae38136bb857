"""What people read of a KPI: card texts, 同比 with its bound, sources, the pack's sentences, JSON (the headline row and
the no-prior-year notice are museum.headlines)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from museum import clock, numbers
from museum.i18n import has, t
from museum.kpis import Kpi, Source
from museum.period import Period

# The exact keys of `python -m museum kpis --json` (a contract others test against).
KPI_JSON_KEYS = (
    "metric", "name_zh", "name_en", "unit", "kind", "year", "value", "qualifier",
    "prior_year", "prior_value", "change", "change_pct", "source", "basis_months", "of_prior_year_pct",
    "period", "previous_period", "previous_value", "previous_change_pct", "previous_reason",
)
# The order platforms are named in ("仅含 微信公众号、抖音"); a code not listed here follows them.
PLATFORM_ORDER = ("wechat", "douyin", "channels", "toutiao", "xiaohongshu")


# ---------------------------------------------------------------------------------------------
# Sources


def readable_sentence(sentence: str) -> str:
    """A report text as a reader takes it in: a table row pasted from the portal ('63.1万元 | 59.27万元 | |')
    is its non-empty cells ('63.1万元；59.27万元'), without the pipes that separated them."""
    if "|" not in sentence:
        return sentence
    return "；".join(cell.strip() for cell in sentence.split("|") if cell.strip())


def batch_text(source: Source, lang: str = "zh") -> str:
    """'批次 #3（上传，文件 x.csv，张三，2024-05-01 20:00（北京时间））': who wrote the value, not what it says."""
    return t(
        "source.batch",
        lang,
        batch_id=source.batch_id,
        kind=t(f"batch.kind.{source.batch_kind}", lang),
        file=source.file_name or "—",
        user=source.user or "—",
        time=clock.format_time(source.time, lang),
    )


def describe_source(source: Source, lang: str = "zh") -> str:
    """"From the sentence … — batch #3" or "batch #3, upload of x.csv by 张三 at …"."""
    batch = batch_text(source, lang)
    if source.sentence:
        return t("source.sentence", lang, sentence=readable_sentence(source.sentence), batch=batch)
    return batch


def source_text(kpi: Kpi, lang: str = "zh") -> str:
    """The sentence the value came from or, for uploaded values, the batch(es) that wrote it."""
    sources = kpi.current.sources
    sentences = list(dict.fromkeys(readable_sentence(s.sentence) for s in sources if s.sentence))
    if sentences:
        return " ".join(sentences)
    return "; ".join(dict.fromkeys(describe_source(s, lang) for s in sources))


# ---------------------------------------------------------------------------------------------
# Short texts (a KPI card, a table cell, a chart label)


def months_text(months, lang: str = "zh") -> str:
    """(1..6) -> '1–6月' / 'Jan–Jun'; (1, 2, 3, 5) -> '1–3、5月' / 'Jan–Mar, May'."""
    months = sorted(set(int(m) for m in months))
    runs: list[list[int]] = []
    for month in months:
        if runs and month == runs[-1][-1] + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    name = lambda m: t(f"kpi.month.{m}", lang)  # noqa: E731
    parts = [name(r[0]) if len(r) == 1 else f"{name(r[0])}–{name(r[-1])}" for r in runs]
    return t("kpi.months", lang, months=t("kpi.months.separator", lang).join(parts))


def _until(months, lang: str) -> str:
    """'截至9月' when the months run from January, else the months themselves ('3–5月')."""
    months = sorted(months)
    if months == list(range(1, months[-1] + 1)):
        return t("kpi.basis.as_of", lang, month=t(f"kpi.month.{months[-1]}", lang))
    return months_text(months, lang)


def value_text(kpi: Kpi, lang: str = "zh", with_unit: bool = True) -> str:
    """This year's value as a card shows it: '500万+次', '5.0M+ visits', 'CNY 631k', '≈3,000 people'."""
    return numbers.format_value(kpi.value, kpi.qualifier, lang, kpi.metric.unit(lang) if with_unit else "", compact=True)


def coverage_text(kpi: Kpi, lang: str = "zh") -> str | None:
    """Which months the value covers: '1–9月累计' (a flow so far), '截至9月' (a stock read mid-year),
    '4月' (a flow of one month); always said for a period shorter than a year."""
    months = kpi.current.months
    in_period = kpi.period is not None and not kpi.period.is_year
    if kpi.current.basis != "months" and not (in_period and months):
        return None
    if kpi.metric.kind == "flow":
        if len(months) == 1:
            return months_text(months, lang)
        return t("kpi.basis.ytd", lang, months=months_text(months, lang))
    return t("kpi.basis.as_of", lang, month=t(f"kpi.month.{max(months)}", lang))


def period_text(kpi: Kpi, lang: str = "zh") -> str:
    """The KPI's period in words: '2025年4月', '2025年' (a KPI without one is its whole year)."""
    return (kpi.period or Period.of_year(kpi.year)).label(lang)



def comparison_label(kpi: Kpi, lang: str = "zh") -> str:
    """'同比', '1–6月同比', '较上年末' / 'YoY', 'Jan–Jun YoY', 'vs end of 2023'."""
    if kpi.comparison == "months":
        return t("kpi.compare.months", lang, months=months_text(kpi.basis_months, lang))
    if kpi.comparison == "prior_year_end":
        return t("kpi.compare.prior_year_end", lang, prior_year=kpi.prior_year)
    return t("kpi.compare.years", lang)


def share_text(kpi: Kpi, lang: str = "zh") -> str | None:
    """'已达上年全年的 66%（截至9月）' when this year so far is compared with last year's total."""
    if kpi.of_prior_year_pct is None:
        return None
    return t(f"kpi.share.{kpi.bound}", lang, pct=numbers.format_share(kpi.of_prior_year_pct), prior_year=kpi.prior_year,
             until=_until(kpi.current.months, lang))


def change_text(kpi: Kpi, lang: str = "zh") -> str:
    """The change alone: '+12.3%', '约 +12.3%', '增长超29.6%' / 'at least +29.6%', '+2.0个百分点',
    '+7场次' (against 0), the share of last year, or '—' (see reason_text)."""
    if kpi.metric.kind == "ratio" and kpi.change is not None:
        return numbers.format_points(kpi.change, kpi.bound, lang)
    if kpi.change_pct is not None:
        return numbers.format_change_pct(kpi.change_pct, kpi.bound, lang)
    if kpi.change is not None:
        return numbers.format_change(kpi.change, kpi.bound, lang, kpi.metric.unit(lang))
    return share_text(kpi, lang) or "—"


def delta_text(kpi: Kpi, lang: str = "zh") -> str:
    """The card's 同比 line: '1–6月同比 +12.3%', '同比 增长超29.6%', '已达上年全年的 66%（截至9月）', '同比 —'."""
    if kpi.of_prior_year_pct is not None:
        return share_text(kpi, lang)
    return f"{comparison_label(kpi, lang)} {change_text(kpi, lang)}"


def reason_text(kpi: Kpi, lang: str = "zh") -> str | None:
    """Why there is no change, short enough for a card: '无上年数据', '上年无同期月份'."""
    if kpi.reason in (None, "ratio"):
        return None
    return t(f"kpi.reason.{kpi.reason}", lang, prior_year=kpi.prior_year)


def previous_change_text(kpi: Kpi, lang: str = "zh") -> str:
    """The 环比 change alone, with its bound: '+8.1%', '约 +8.1%', '+2.0个百分点', or '—'."""
    if kpi.previous_change is None:
        return "—"
    if kpi.metric.kind == "ratio":
        return numbers.format_points(kpi.previous_change, kpi.previous_bound, lang)
    if kpi.previous_change_pct is not None:
        return numbers.format_change_pct(kpi.previous_change_pct, kpi.previous_bound, lang)
    return numbers.format_change(kpi.previous_change, kpi.previous_bound, lang, kpi.metric.unit(lang))


def previous_line(kpi: Kpi, lang: str = "zh") -> str | None:
    """The card's 环比 line ('环比 +8.1%', '环比 —'); None where a period has no 环比 (a year, months 1–N)."""
    if kpi.previous_period is None:
        return None
    return t("kpi.previous.line", lang, change=previous_change_text(kpi, lang), previous=kpi.previous_period.label(lang))


def previous_reason_text(kpi: Kpi, lang: str = "zh") -> str | None:
    """Why the 环比 line says '—' ('上期无数据'); None when there is a change or no 环比 at all."""
    if kpi.previous_period is None or kpi.previous_reason in (None, "ratio"):
        return None
    return t(f"kpi.previous_reason.{kpi.previous_reason}", lang)


def previous_text(kpi: Kpi, lang: str = "zh") -> str | None:
    """What the 环比 compares against: '上期（2025年3月）280条'."""
    if kpi.previous is None or kpi.previous_period is None:
        return None
    value = numbers.format_value(kpi.previous.value, kpi.previous.qualifier, lang, kpi.metric.unit(lang), compact=True)
    return t("kpi.previous.value", lang, previous=kpi.previous_period.label(lang), value=value)


def prior_text(kpi: Kpi, lang: str = "zh") -> str | None:
    """What the change compares against: '上年 356条', '上年1–6月 300条', '上年全年 5528篇', '上年末 30人'."""
    if kpi.prior is None:
        return None
    value = numbers.format_value(kpi.prior.value, kpi.prior.qualifier, lang, kpi.metric.unit(lang), compact=True)
    if kpi.comparison == "months":
        return t("kpi.prior.months", lang, months=months_text(kpi.basis_months, lang), value=value, prior_year=kpi.prior_year)
    if kpi.comparison in ("share", "prior_year_end"):
        return t(f"kpi.prior.{kpi.comparison}", lang, value=value, prior_year=kpi.prior_year)
    return t("kpi.prior.years", lang, value=value, prior_year=kpi.prior_year)


def _platform_name(code: str, lang: str) -> str:
    key = f"kpi.platform.{code}"
    return t(key, lang) if has(key) else code


def ordered_platforms(codes) -> list[str]:
    """Platform codes in the matrix's order (公众号, 抖音, 视频号, 头条号), others after them by code."""
    codes = set(codes)
    return [p for p in PLATFORM_ORDER if p in codes] + sorted(codes - set(PLATFORM_ORDER))


def platform_text(kpi: Kpi, lang: str = "zh") -> str | None:
    """'仅含 微信公众号、抖音' / 'WeChat and Douyin only' when the value is only a sum of those platforms."""
    platforms = kpi.current.platforms
    if not platforms:
        return None
    names = [_platform_name(code, lang) for code in ordered_platforms(platforms)]
    joined = names[0] if len(names) == 1 else (
        t("kpi.platforms.separator", lang).join(names[:-1]) + t("kpi.platforms.last_separator", lang) + names[-1])
    return t("kpi.platforms.some_months" if kpi.current.platforms_partial else "kpi.platforms.only", lang, platforms=joined)


def bound_note(kpi: Kpi, lang: str = "zh") -> str | None:
    """Why the change is a bound or approximate (None when it is exact or there is none)."""
    if kpi.bound == "exact" or (kpi.change is None and kpi.of_prior_year_pct is None):
        return None
    return t(f"kpi.bound_note.{kpi.bound}", lang)


def direction(kpi: Kpi, change: float | None = None) -> int:
    """+1 good, -1 bad, 0 flat or unknown — the colour convention is applied by the UI. `change`:
    another change of the same metric (环比) instead of 同比."""
    change = kpi.change if change is None else change
    if not change:
        return 0
    up = change > 0
    return 1 if up == kpi.metric.higher_is_better else -1


def arrow(change: float | None) -> str:
    return "off" if not change else ("up" if change > 0 else "down")


@dataclass(frozen=True)
class Card:
    """Every text of one KPI card, in one language (the page lays them out; nothing is cut)."""

    label: str                  # the metric's name
    value: str                  # '500万+次' / '5.0M+ visits'
    coverage: str | None        # '1–9月累计' / 'Jan–Sep total'; None for a whole year
    delta: str                  # '1–6月同比 +12.3%', '已达上年全年的 66%（截至9月）', '同比 —'
    notes: tuple[str, ...]      # short lines: prior value, reason for '—', platforms
    direction: int              # +1 good news, -1 bad news, 0 none (colour by the UI's convention)
    arrow: str                  # up | down | off
    help: str                   # the source and, if any, why the change is a bound
    previous: str | None = None         # the 环比 line ('环比 +8.1%'); None where the period has none
    previous_direction: int = 0
    previous_arrow: str = "off"


def card(kpi: Kpi, lang: str = "zh", show_reason: bool = True) -> Card:
    """The texts of a KPI card. `show_reason=False` when one notice already says why (a fresh install)."""
    notes = [prior_text(kpi, lang), reason_text(kpi, lang) if show_reason else None, previous_reason_text(kpi, lang),
             platform_text(kpi, lang)]
    help_lines = [t("kpi.source", lang, source=source_text(kpi, lang))]
    help_lines += [line for line in (previous_text(kpi, lang), bound_note(kpi, lang)) if line]
    return Card(kpi.metric.name(lang), value_text(kpi, lang), coverage_text(kpi, lang), delta_text(kpi, lang),
                tuple(n for n in notes if n), direction(kpi), arrow(kpi.change), " ".join(help_lines),
                previous_line(kpi, lang), direction(kpi, kpi.previous_change), arrow(kpi.previous_change))


# ---------------------------------------------------------------------------------------------
# The pack's sentences: the report's own words (超500万次, 2万余人), the bound of a change in words


def _report_word(kpi: Kpi) -> str | None:
    """The qualifier word the source sentence uses for this value ('超' in 超500万次, '余' in 2万余人)."""
    if kpi.qualifier == "exact":
        return None
    number = re.escape(numbers.format_plain(kpi.value, "zh"))
    words = "|".join(sorted(numbers.QUALIFIER_WORDS.get(kpi.qualifier, ()), key=len, reverse=True))
    unit = re.escape(kpi.metric.unit_zh)
    pattern = re.compile(rf"(?<![\d.])(?:({words}))?{number}(?![\d.])(?:{unit})?(?:({words}))?")
    for source in kpi.current.sources:
        for match in pattern.finditer(source.sentence or ""):
            if match.group(1) or match.group(2):
                return match.group(1) or match.group(2)
    return None


def value_words(kpi: Kpi, lang: str = "zh") -> str:
    """This year's value as prose writes it: '超500万次', '2万余人', 'more than 5.0M visits'."""
    return numbers.format_words(kpi.value, kpi.qualifier, lang, kpi.metric.unit(lang), word=_report_word(kpi))


def _side(number: float, decimals: int = 1) -> str:
    shown = round(number, decimals)
    return "flat" if shown == 0 else ("up" if shown > 0 else "down")


def sentence(kpi: Kpi, lang: str) -> str:
    """'2024年总访问量超500万次，同比增长超29.6%。' — from the KPI's stored numbers only."""
    coverage = coverage_text(kpi, lang)
    text = t("doc.sentence.value", lang, period=period_text(kpi, lang), metric=kpi.metric.name(lang), value=value_words(kpi, lang),
             coverage=t("doc.sentence.coverage", lang, basis=coverage) if coverage else "")
    label_params = {"prior_year": kpi.prior_year,
                    "months": months_text(kpi.basis_months, lang) if kpi.basis_months else ""}
    if kpi.of_prior_year_pct is not None:
        text = t(f"doc.sentence.share.{kpi.bound}", lang, text=text, pct=numbers.format_share(kpi.of_prior_year_pct),
                 prior_year=kpi.prior_year)
    elif kpi.change is not None and (kpi.change_pct is not None or kpi.metric.kind == "ratio"):
        if kpi.metric.kind == "ratio":
            amount, side = numbers.format_points(abs(kpi.change), "exact", lang).lstrip("+"), _side(kpi.change)
        else:
            amount, side = f"{abs(kpi.change_pct):.1f}%", _side(kpi.change_pct)
        change = t(f"doc.change.{kpi.bound}.{side}", lang, m=amount)
        label = t(f"doc.sentence.label.{kpi.comparison}", lang, **label_params)
        text = t("doc.sentence.change", lang, text=text, label=label, change=change)
    elif kpi.change is not None:
        text = t("doc.sentence.count_change", lang, text=text, change=change_text(kpi, lang), prior_year=kpi.prior_year)
    elif kpi.reason == "no_prior":
        text = t("doc.sentence.no_prior", lang, text=text, prior_year=kpi.prior_year)
    else:
        text = t("doc.sentence.no_pct", lang, text=text, reason=reason_text(kpi, lang) or "—")
    return text + ("。" if lang == "zh" else ".")


# ---------------------------------------------------------------------------------------------
# JSON


def kpi_json(kpi: Kpi, lang: str = "zh") -> dict:
    record = {
        "metric": kpi.metric.metric_id,
        "name_zh": kpi.metric.name_zh,
        "name_en": kpi.metric.name_en,
        "unit": kpi.metric.unit_zh,
        "kind": kpi.metric.kind,
        "year": kpi.year,
        "value": kpi.value,
        "qualifier": kpi.qualifier,
        "prior_year": kpi.prior_year,
        "prior_value": kpi.prior_value,
        "change": None if kpi.change is None else round(kpi.change, 6),
        "change_pct": None if kpi.change_pct is None else round(kpi.change_pct, 4),
        "source": source_text(kpi, lang),
        "basis_months": None if kpi.basis_months is None else list(kpi.basis_months),
        "of_prior_year_pct": None if kpi.of_prior_year_pct is None else round(kpi.of_prior_year_pct, 4),
        "period": (kpi.period or Period.of_year(kpi.year)).text,
        "previous_period": None if kpi.previous_period is None else kpi.previous_period.text,
        "previous_value": None if kpi.previous is None else kpi.previous.value,
        "previous_change_pct": None if kpi.previous_change_pct is None else round(kpi.previous_change_pct, 4),
        "previous_reason": kpi.previous_reason if kpi.previous_change_pct is None else None,
    }
    assert tuple(record) == KPI_JSON_KEYS
    return record
