"""Sections of the product: one function per section, (scope) -> Section of ordered blocks.

Pages and the annual pack render the same sections (see blocks.py), so a chart, a table or a
sentence is defined here once. The registry (`SECTIONS`, in display order) is filled in as the
section modules are written.
"""

from museum.sections.blocks import Block, Chart, Heading, KpiCards, LongText, Notice, Section, Sentences, Table
from museum.sections.scope import FRAMES, Scope

__all__ = ["Block", "Chart", "FRAMES", "Heading", "KpiCards", "LongText", "Notice", "Scope", "Section", "Sentences", "Table"]
