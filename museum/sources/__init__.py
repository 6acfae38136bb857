"""Platform exports (微信公众号, 抖音, 视频号, 头条号, 小红书): recognise, parse, keep every row, roll up.

`recognise(book)` tells a platform export from an office sheet by its header signature (after
museum.intake.decode.file_kind has told the bytes apart); `read_export` parses its rows;
`museum.sources.store` keeps them (versioned, the newest snapshot of a work or day wins) and
rolls them up to the catalog's monthly metrics per platform, by data/sources/metrics.csv.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import pyarrow as pa

from museum.i18n import Listing, quoted, t
from museum.intake.problems import Notice, Problem
from museum.intake.workbook import SheetGrid
from museum.sources import formats, parsers
from museum.sources.formats import Match, Resemblance, Unfamiliar

PLATFORMS = ("wechat", "douyin", "channels", "toutiao", "xiaohongshu")


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

    @cached_property
    def items_table(self) -> pa.Table:
        """The items as DuckDB reads them (museum.sources.store), made once per export."""
        items = self.items
        return pa.table({
            "item_key": pa.array(items["item_key"].astype(str).tolist(), pa.string()),
            "channel": pa.array([None if pd.isna(c) else str(c) for c in items["channel"]], pa.string()),
            "item_type": pa.array(items["item_type"].astype(str).tolist(), pa.string()),
            "title": pa.array([None if pd.isna(c) else str(c) for c in items["title"]], pa.string()),
            "published_at": pa.array([None if pd.isna(c) else c.to_pydatetime() if hasattr(c, "to_pydatetime") else c
                                      for c in items["published_at"]], pa.timestamp("us")),
            **{name: pa.array([None if pd.isna(v) else float(v) for v in items[name]], pa.float64())
               for name in ("views", "likes", "comments", "shares", "favorites", "follows")},
            "figures": pa.array(items["figures"].astype(str).tolist(), pa.string()),
            "is_public": pa.array([not isinstance(h, str) for h in items["hidden"]], pa.bool_()),
        })

    @cached_property
    def daily_table(self) -> pa.Table:
        """The daily figures as DuckDB reads them, made once per export."""
        daily = self.daily
        return pa.table({
            "day": pa.array(list(daily["day"]), pa.date32()),
            "channel": pa.array(daily["channel"].astype(str).tolist(), pa.string()),
            "measure": pa.array(daily["measure"].astype(str).tolist(), pa.string()),
            "value": pa.array(daily["value"].astype(float).tolist(), pa.float64()),
        })

    @property
    def period(self) -> dict | None:
        """{"from", "to"}: the days the daily rows cover, else the items' publish dates."""
        days = list(self.daily["day"]) if not self.daily.empty else []
        if not days and not self.items.empty:
            days = [d.date() for d in self.items["published_at"].dropna()]
        if not days:
            return None
        return {"from": min(days).isoformat(), "to": max(days).isoformat()}


def recognise(sheets: list[SheetGrid]) -> tuple[SheetGrid, Match | Resemblance | Unfamiliar] | None:
    """The first sheet that is a platform export, with what it matched; else the first that
    resembles one; else the first that is a list of works of no format we know."""
    near = unfamiliar = None
    for sheet in sheets:
        found = formats.detect(sheet.cells)
        if isinstance(found, Match):
            return sheet, found
        if isinstance(found, Resemblance) and near is None:
            near = (sheet, found)
        if isinstance(found, Unfamiliar) and unfamiliar is None:
            unfamiliar = (sheet, found)
    return near or unfamiliar


def labels(source_format: str | None = None, platform: str | None = None) -> dict:
    """Message parameters naming a format and a platform in both languages (never the raw code)."""
    found = {}
    if source_format:
        found |= {"format_zh": t(f"sources.format.{source_format}", "zh"), "format_en": t(f"sources.format.{source_format}", "en")}
    if platform:
        found |= {"platform_zh": t(f"platform.{platform}", "zh"), "platform_en": t(f"platform.{platform}", "en")}
    return found


def readable_platforms(lang: str) -> str:
    """The platforms whose exports are read, named in `lang`."""
    codes = dict.fromkeys(f.platform for f in formats.formats().values() if f.supported)
    return t("sources.list_separator", lang).join(t(f"platform.{code}", lang) for code in codes)


def refusal(found: Resemblance | Match | Unfamiliar) -> Problem:
    """Why a sheet that resembles an export (or is one we do not read yet, or a list of works of
    no format we know) is refused."""
    if isinstance(found, Unfamiliar):
        return Problem("sources.error.unfamiliar", found.header_row, None, None,
                       {"columns": quoted(found.columns),
                        "known_zh": readable_platforms("zh"), "known_en": readable_platforms("en")})
    fmt = found.fmt
    if not fmt.supported:
        return Problem("sources.error.unsupported", found.header_row, None, None, labels(platform=fmt.platform))
    return Problem("sources.error.missing_columns", found.header_row, None, None,
                   labels(fmt.name, fmt.platform) | {"columns": quoted(found.missing)})


def _hidden_notices(items: pd.DataFrame) -> list[Notice]:
    """How many works were left out of the published counts, and why (自见 2、已删除 1)."""
    states = items["hidden"].dropna().value_counts(sort=False) if not items.empty else pd.Series(dtype=int)
    if states.empty:
        return []
    text = Listing.of(f"{state} {count}" for state, count in sorted(states.items(), key=lambda kv: (-kv[1], kv[0])))
    return [Notice("sources.warning.not_public", {"count": int(states.sum()), "states": text})]


def read_export(sheet: SheetGrid, match: Match) -> PlatformExport:
    parsed = parsers.parse(sheet.cells, match)
    # within one export the last row of a work or a day wins (a platform may repeat a row)
    items = parsed.items.drop_duplicates(["item_key", "channel"], keep="last")
    daily = parsed.daily.drop_duplicates(["day", "channel", "measure"], keep="last")
    export = PlatformExport(match.fmt.name, match.fmt.platform, sheet.name, items, daily,
                            parsed.errors, parsed.notices + _hidden_notices(items), parsed.rows)
    if not export.errors and export.items.empty and export.daily.empty:
        export.errors.append(Problem("sources.error.no_rows", match.header_row + 1, None, None, labels(match.fmt.name)))
    return export
