"""The blocks a section is made of: what pages and the annual pack both render, built once.

A section is an ordered list of blocks. The page renders each block with Streamlit
(`ui/blocks.py`), the Word and PDF writers render the same blocks (`museum/export/`), so a chart,
a table or a sentence exists in one place only. Every text in a block is already in the
section's language; nothing here knows about Streamlit or python-docx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

import pandas as pd
import plotly.graph_objects as go

from museum.kpis import Kpi


@dataclass
class Heading:
    """A sub-heading inside a section (st.subheader on a page, heading level 2 in documents)."""

    text: str


@dataclass
class KpiCards:
    """KPI cards with 同比 and source (a page); a table of the same figures (documents).

    `fold_after`: on a page, cards after the first `fold_after` are folded into an expander.
    """

    kpis: list[Kpi]
    title: str | None = None
    fold_after: int | None = None
    progress: dict[str, str] = field(default_factory=dict)  # metric id -> progress against its target


@dataclass
class Chart:
    """A chart with a stable name (the file stem in the pack, the widget key on the page)."""

    name: str
    title: str
    figure: go.Figure
    data: pd.DataFrame  # the numbers behind the chart, headers in the section's language


@dataclass
class Table:
    """A titled table of display text (headers and cells already in the section's language)."""

    name: str
    title: str
    frame: pd.DataFrame


@dataclass
class Sentences:
    """Factual sentences made from stored numbers: the pack's prose; on a page a copyable summary,
    or (`lead=True`) the paragraph that opens the section."""

    lines: list[str]
    lead: bool = False


@dataclass
class Notice:
    """Something the reader must know about the figures around it (e.g. a reconciliation warning)."""

    text: str
    level: str = "info"  # info | warning | success


@dataclass
class LongText:
    """A passage of report text shown as written (e.g. the registration's 宗旨和业务范围)."""

    title: str
    text: str
    expanded: bool = False


Block = Union[Heading, KpiCards, Chart, Table, Sentences, Notice, LongText]


@dataclass
class Section:
    key: str                      # stable id: online_media, assets, targets …
    title: str
    blocks: list[Block] = field(default_factory=list)
    tabs: bool = False            # a page may show each Heading's blocks in a tab (documents ignore it)

    @property
    def charts(self) -> list[Chart]:
        return [block for block in self.blocks if isinstance(block, Chart)]

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]

    @property
    def kpis(self) -> list[Kpi]:
        return [kpi for block in self.blocks if isinstance(block, KpiCards) for kpi in block.kpis]

    def __bool__(self) -> bool:
        return bool(self.blocks)
