"""The platform export formats we read, from data/sources/columns.csv, and telling them apart.

A format is a set of tables, each a set of header texts (required or not) mapped to field names.
A sheet is an export of a format when one of its first rows holds every table's required
headers, each table in its own run of adjacent cells (WeChat's 数据趋势 puts three tables side by
side, separated by empty columns). Tables named `<group>_<variant>` are alternatives of one
another (头条号 图文 `items` or 小视频 `items_video`). A row that holds most of a format's headers
but not all of them is reported as that format with what is missing, when it also holds a header
that names the platform (one no other platform's export has: 微博内容, BV号, 作品名称 …, not 点赞数);
formats on the table `unsupported` (微博, B站) are recognised only to say that they are not read yet.
A row with a publish time and common figures (点赞, 评论 …) that is no known format is a list of
works from somewhere else (a third-party scrape): `Unfamiliar`, named by what it looks like only.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from museum import settings
from museum.catalog import normalize_name

COLUMNS_FILE = settings.ROOT / "data" / "sources" / "columns.csv"
NOT_PUBLIC_FILE = settings.ROOT / "data" / "sources" / "not_public.csv"
SEARCH_ROWS = 20
HEADER_SUFFIXES = ("次数", "人数", "数", "量")  # 点赞数, 点赞量 and 点赞 name the same figure
UNFAMILIAR_FIGURES = 2  # common figures besides the publish time that make a row a list of works
RESEMBLES_SHARE = 0.5   # a header row with at least half of a format's headers (and 3 or more) resembles it


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    required: bool


@dataclass
class Format:
    name: str
    platform: str
    tables: dict[str, list[Column]] = field(default_factory=dict)

    @property
    def supported(self) -> bool:
        return "unsupported" not in self.tables

    def groups(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for table in self.tables:
            grouped.setdefault(table.split("_")[0], []).append(table)
        return grouped


@lru_cache(maxsize=1)
def formats() -> dict[str, Format]:
    with COLUMNS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found: dict[str, Format] = {}
    for row in rows:
        fmt = found.setdefault(row["format"], Format(row["format"], row["platform"]))
        fmt.tables.setdefault(row["table"], []).append(Column(row["header"], row["field"], row["required"].strip() == "true"))
    return found


@lru_cache(maxsize=1)
def not_public() -> dict[str, list[tuple[str, str]]]:
    """platform -> (field, text) pairs: a work whose field holds the text is not public (自见, 私密 …)."""
    with NOT_PUBLIC_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        found.setdefault(row["platform"], []).append((row["field"], row["text"]))
    return found


def hidden_state(platform: str, texts: dict) -> str | None:
    """The state text that makes a work not public (its whole cell, e.g. 自见), or None."""
    for name, text in not_public().get(platform, []):
        cell = texts.get(name)
        if isinstance(cell, str) and text in cell:
            return cell
    return None


@dataclass
class Match:
    fmt: Format
    header_row: int                           # the grid's row number (as Excel shows it)
    tables: dict[str, dict[str, int]]         # table -> field -> column position in the grid


@dataclass
class Resemblance:
    fmt: Format
    header_row: int
    missing: list[str]


@dataclass
class Unfamiliar:
    """A list of works (a publish time, common figures) in no format we know."""

    header_row: int
    columns: list[str]          # the row's headers that every platform has (发布时间, 点赞数 …)


def stem(header: str) -> str:
    text = normalize_name(header)
    for suffix in HEADER_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


@lru_cache(maxsize=1)
def shared_stems() -> frozenset[str]:
    """Header stems of two or more platforms' exports (发布时间, 点赞, 评论 …): they name no platform."""
    platforms: dict[str, set[str]] = {}
    for fmt in formats().values():
        for columns in fmt.tables.values():
            for column in columns:
                platforms.setdefault(stem(column.header), set()).add(fmt.platform)
    return frozenset(s for s, found in platforms.items() if len(found) > 1)


@lru_cache(maxsize=1)
def published_stems() -> frozenset[str]:
    return frozenset(stem(c.header) for fmt in formats().values() for cs in fmt.tables.values() for c in cs
                     if c.field == "published")


def names_platform(fmt: Format, present: set[str]) -> bool:
    """Whether the row holds a header of `fmt` that no other platform's export has."""
    return any(normalize_name(c.header) in present and stem(c.header) not in shared_stems()
               for columns in fmt.tables.values() for c in columns)


def _unfamiliar(row_number: int, texts: list[str]) -> Unfamiliar | None:
    stems = {stem(text): text for text in texts}
    if not any(s in published_stems() for s in stems):
        return None
    common = [text for s, text in stems.items() if s in shared_stems()]
    figures = [text for text in common if stem(text) not in published_stems()]
    return Unfamiliar(row_number, common) if len(figures) >= UNFAMILIAR_FIGURES else None


def _segments(cells: list) -> list[list[tuple[int, str]]]:
    """Runs of adjacent non-empty cells: (position, normalised text)."""
    runs, current = [], []
    for index, cell in enumerate(cells):
        text = None if cell is None or (isinstance(cell, float) and pd.isna(cell)) else str(cell).strip()
        if text:
            current.append((index, normalize_name(text)))
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _match_table(columns: list[Column], segment: list[tuple[int, str]]) -> dict[str, int] | None:
    positions = {}
    for index, text in segment:
        positions.setdefault(text, index)
    if not all(normalize_name(c.header) in positions for c in columns if c.required):
        return None
    return {c.field: positions[normalize_name(c.header)] for c in columns if normalize_name(c.header) in positions}


def match_row(fmt: Format, cells: list) -> dict[str, dict[str, int]] | None:
    """Every table group of `fmt` found in its own segment of the row, or None."""
    segments = _segments(cells)
    used: set[int] = set()
    matched: dict[str, dict[str, int]] = {}
    for _, tables in fmt.groups().items():
        # the variant with the most columns first: 图文 and 小视频 share most of their headers
        for table in sorted(tables, key=lambda t: -len(fmt.tables[t])):
            hit = next(((k, m) for k, seg in enumerate(segments) if k not in used
                        and (m := _match_table(fmt.tables[table], seg)) is not None), None)
            if hit is not None:
                used.add(hit[0])
                matched[table] = hit[1]
                break
        else:
            return None
    return matched


def detect(grid: pd.DataFrame) -> Match | Resemblance | Unfamiliar | None:
    """The format whose headers one of the first rows holds; else the one it most resembles; else
    the first row that looks like a list of works."""
    best_match, best_near, unfamiliar = None, None, None
    head = grid.head(SEARCH_ROWS)
    for row_number, cells in zip(head.index, head.values.tolist()):
        texts = [text for seg in _segments(cells) for _, text in seg]
        present = set(texts)
        unfamiliar = unfamiliar or _unfamiliar(int(row_number), texts)
        for fmt in formats().values():
            tables = match_row(fmt, cells)
            if tables is not None:
                size = sum(len(t) for t in tables.values())
                if best_match is None or size > best_match[0]:
                    best_match = (size, Match(fmt, int(row_number), tables))
                continue
            required = sorted({c.header for columns in fmt.tables.values() for c in columns if c.required},
                              key=lambda h: [c.header for cs in fmt.tables.values() for c in cs].index(h))
            found = [h for h in required if normalize_name(h) in present]
            share = len(found) / len(required)
            if len(found) >= 3 and share >= RESEMBLES_SHARE and names_platform(fmt, present) \
                    and (best_near is None or share > best_near[0]):
                missing = _missing(fmt, present)
                best_near = (share, Resemblance(fmt, int(row_number), missing))
    if best_match is not None:
        return best_match[1]
    return best_near[1] if best_near is not None else unfamiliar


def _missing(fmt: Format, present: set[str]) -> list[str]:
    """The required headers of the closest variant of each table group that are not in the row."""
    missing = []
    for tables in fmt.groups().values():
        options = [[c.header for c in fmt.tables[t] if c.required and normalize_name(c.header) not in present] for t in tables]
        missing += min(options, key=len)
    return list(dict.fromkeys(missing))
