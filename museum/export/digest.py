"""The digest of a period's operations report: at most 20 lines of markdown (headline figures with 同比 and
环比, the 例外事项, the score so far), made from the same Monthly as the report's files."""

from __future__ import annotations

from museum import present
from museum.export.monthly import Monthly
from museum.i18n import t

MAX_LINES = 20


def _figure_line(kpi, lang: str) -> str:
    parts = [f"{kpi.metric.name(lang)} **{present.value_text(kpi, lang)}**"]
    if kpi.change_pct is not None or kpi.change is not None:
        parts.append(t("digest.yoy", lang, change=present.change_text(kpi, lang)))
    if kpi.previous_change_pct is not None:
        parts.append(t("digest.mom", lang, change=present.previous_change_text(kpi, lang)))
    return "- " + ("，" if lang == "zh" else ", ").join(parts)


def digest_text(monthly: Monthly, max_lines: int = MAX_LINES) -> str:
    """The digest in markdown; exceptions beyond what fits are counted in one line, never silently dropped."""
    lang, period = monthly.lang, monthly.period
    head = [t("digest.title", lang, institution=monthly.report.institution, period=period.label(lang))]
    figures = [t("digest.figures", lang)] + [_figure_line(k, lang) for k in monthly.headline]
    score = [t("digest.score", lang, text=" ".join(monthly.score))] if monthly.score else []
    if monthly.report.demo:
        score.append(t("digest.demo", lang))
    found = monthly.findings
    room = max_lines - len(head) - len(figures) - len(score) - 1   # the exceptions heading
    if not found:
        exceptions = [t("digest.exceptions", lang, count=0), t("digest.no_exceptions", lang)]
    elif len(found) <= room:
        exceptions = [t("digest.exceptions", lang, count=len(found))] + [f"- {f.text}" for f in found]
    else:
        shown = max(room - 1, 0)
        exceptions = ([t("digest.exceptions", lang, count=len(found))] + [f"- {f.text}" for f in found[:shown]]
                      + [t("digest.more", lang, count=len(found) - shown)])
    lines = head + figures + exceptions + score
    if len(lines) > max_lines:  # a very long headline list: keep the title, exceptions and score whole
        keep = max_lines - len(head) - len(exceptions) - len(score)
        lines = head + figures[:max(keep, 1)] + exceptions + score
    return "\n".join(lines[:max_lines])
