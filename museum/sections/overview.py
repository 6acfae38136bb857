"""总览: the headline KPIs of the year (data/headline.csv), each with 同比 and its target progress."""

from __future__ import annotations

from museum import present
from museum.sections.blocks import Section
from museum.sections.common import cards
from museum.sections.scope import Scope


def overview_section(scope: Scope) -> Section:
    section = Section("overview", scope.t("overview.headline"))
    found = present.headline(scope.kpis)
    if found:
        section.blocks.append(cards(scope, found))
    return section
