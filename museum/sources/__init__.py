"""Platform exports (微信公众号, 抖音, 视频号, 头条号): recognise, parse, keep every row, roll up.

`recognise(book)` tells a platform export from an office sheet by its header signature (after
museum.intake.decode.file_kind has told the bytes apart); `read_export` parses its rows;
`museum.sources.store` keeps them (versioned, the newest snapshot of a work or day wins) and
rolls them up to the catalog's monthly metrics per platform, by data/sources/metrics.csv.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from museum.i18n import t
from museum.intake.problems import Notice, Problem
from museum.intake.workbook import SheetGrid
from museum.sources import formats, parsers
from museum.sources.formats import Match, Resemblance

PLATFORMS = ("wechat", "douyin", "channels", "toutiao")


@dataclass
class PlatformExport:
    source_format: str
    platform: str
    sheet: str | None
    items: pd.DataFrame
    daily: pd.DataFrame
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    rows: int = 0

    @property
    def period(self) -> dict | None:
        """{"from", "to"}: the days the daily rows cover, else the items' publish dates."""
        days = list(self.daily["day"]) if not self.daily.empty else []
        if not days and not self.items.empty:
            days = [d.date() for d in self.items["published_at"].dropna()]
        if not days:
            return None
        return {"from": min(days).isoformat(), "to": max(days).isoformat()}


def recognise(sheets: list[SheetGrid]) -> tuple[SheetGrid, Match | Resemblance] | None:
    """The first sheet that is (or resembles) a platform export, with what it matched."""
    near = None
    for sheet in sheets:
        found = formats.detect(sheet.cells)
        if isinstance(found, Match):
            return sheet, found
        if found is not None and near is None:
            near = (sheet, found)
    return near


def labels(source_format: str | None = None, platform: str | None = None) -> dict:
    """Message parameters naming a format and a platform in both languages (never the raw code)."""
    found = {}
    if source_format:
        found |= {"format_zh": t(f"sources.format.{source_format}", "zh"), "format_en": t(f"sources.format.{source_format}", "en")}
    if platform:
        found |= {"platform_zh": t(f"platform.{platform}", "zh"), "platform_en": t(f"platform.{platform}", "en")}
    return found


def refusal(found: Resemblance | Match) -> Problem:
    """Why a sheet that resembles an export (or is one we do not read yet) is refused."""
    fmt = found.fmt
    if not fmt.supported:
        return Problem("sources.error.unsupported", found.header_row, None, None, labels(platform=fmt.platform))
    return Problem("sources.error.missing_columns", found.header_row, None, None,
                   labels(fmt.name, fmt.platform) | {"columns": "、".join(f"「{c}」" for c in found.missing)})


def read_export(sheet: SheetGrid, match: Match) -> PlatformExport:
    parsed = parsers.parse(sheet.cells, match)
    export = PlatformExport(match.fmt.name, match.fmt.platform, sheet.name, parsed.items, parsed.daily,
                            parsed.errors, parsed.notices, parsed.rows)
    if not export.errors and export.items.empty and export.daily.empty:
        export.errors.append(Problem("sources.error.no_rows", match.header_row + 1, None, None, labels(match.fmt.name)))
    return export
