"""总览: the headline KPIs of the year (data/headline.csv), each with 同比 and its target progress,
and one line on whether the year's targets are on track."""

from __future__ import annotations

from museum import headlines
from museum.sections.blocks import Section, Sentences
from museum.sections.common import cards
from museum.sections.scope import Scope
from museum.targets.track import on_track_sentence


def overview_section(scope: Scope) -> Section:
    section = Section("overview", scope.t("overview.headline"))
    found = headlines.headline(scope.kpis)
    line = on_track_sentence(scope.year_targets, scope.lang)
    if line:   # first: the one thing leadership asks of the year before reading the figures
        section.blocks.append(Sentences([line], lead=True))
    if found:
        section.blocks.append(cards(scope, found))
    return section
