"""One line for 总览: whether the year's targets are on track — which indicators are ahead of or
behind 序时进度 while the year runs, which are met or missed after it."""

from __future__ import annotations

from museum.i18n import t
from museum.targets import view


def on_track_sentence(year_view: view.YearTargets, lang: str = "zh") -> str | None:
    """"2025年绩效目标：1 项落后于序时进度。按序时进度 33%：…" / after the year, met / missed / pending; None without targets."""
    if not year_view:
        return None
    if view.year_running(year_view.progress):
        ahead, behind = view.pace(year_view)
        if not ahead and not behind:
            return None
        verdict = (t("targets.track.behind", lang, count=len(behind)) if behind else t("targets.track.on_track", lang))
        return t("targets.track.line", lang, year=year_view.year, verdict=verdict) + view.pace_sentence(year_view, lang)
    if year_view.progress.basis == "not_started":
        return None
    met, missed, pending = [], [], 0
    for row in year_view.evaluation.to_dict("records"):
        if row["score"] is None:
            pending += 1
        elif row["met"] is False or (row["met"] is None and row["completion_pct"] is not None and row["completion_pct"] < 100):
            missed.append(str(row["indicator"]))
        else:
            met.append(str(row["indicator"]))
    parts = [t("targets.track.met", lang, count=len(met))]
    if missed:
        parts.append(t("targets.track.missed", lang, count=len(missed), names=view.names_text(missed, lang)))
    if pending:
        parts.append(t("targets.track.pending", lang, count=pending))
    return t("targets.track.after", lang, year=year_view.year, parts=("，" if lang == "zh" else ", ").join(parts))
