"""Sections of the product: one function per section, (scope) -> Section of ordered blocks.

Pages and the annual pack render the same sections (see blocks.py), so a chart, a table or a
sentence is defined here once. `SECTIONS` lists them in the order the pack prints them; each
page shows some of them (`app_pages/`), and a test checks that every chart of the pack is on a
page and every chart of a page is in the pack.
"""

from __future__ import annotations

from typing import Callable

from museum.sections.assets import assets_section
from museum.sections.blocks import Block, Chart, Heading, KpiCards, LongText, Notice, Section, Sentences, Table
from museum.sections.metrics import METRIC_CATEGORIES, builder
from museum.sections.overview import overview_section
from museum.sections.people import staff_section, volunteers_section
from museum.sections.profile import profile_section
from museum.sections.records import awards_section, research_section
from museum.sections.scope import FRAMES, Scope
from museum.sections.targets import targets_section

SECTIONS: dict[str, Callable[[Scope], Section]] = {
    "overview": overview_section,
    "targets": targets_section,
    "profile": profile_section,
    "online_media": builder("online_media"),
    "outreach": builder("outreach"),
    "exchange": builder("exchange"),
    "staff": staff_section,
    "volunteers": volunteers_section,
    "awards": awards_section,
    "research": research_section,
    "assets": assets_section,
    "venue": builder("venue"),
    "funding": builder("funding"),
}


def build(key: str, scope: Scope) -> Section:
    """One section for the scope (its blocks may be empty: nothing to show that year), built once per scope."""
    with scope.lock:  # one build however many viewers ask at once
        if key not in scope.built:
            section = SECTIONS[key](scope)
            section.blocks = [block for block in section.blocks if block is not None]
            scope.built[key] = section
        return scope.built[key]


def build_all(scope: Scope, keys=None) -> list[Section]:
    """The sections with something to show, in pack order."""
    return [section for key in (keys or SECTIONS) if (section := build(key, scope))]


__all__ = ["Block", "Chart", "FRAMES", "Heading", "KpiCards", "LongText", "METRIC_CATEGORIES", "Notice", "SECTIONS",
           "Scope", "Section", "Sentences", "Table", "build", "build_all"]
