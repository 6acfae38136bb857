"""Rows of a recognised platform export -> items (posts, videos) and daily account figures.

Every row is kept: an item with its platform, key, title, type, publish time, the common figures
(views = reads or plays, likes, comments, shares, favorites, follows) and every exported column
as JSON; a daily figure as (day, channel, measure, value). What differs between platforms is
written here once per format; which header is which field lives in data/sources/columns.csv.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pandas as pd

from museum.intake.problems import Notice, Problem
from museum.sources import cells
from museum.sources.formats import Match, hidden_state

ITEM_FIGURES = ("views", "likes", "comments", "shares", "favorites", "follows")
ITEM_COLUMNS = ["item_key", "channel", "item_type", "title", "published_at", *ITEM_FIGURES, "figures", "hidden", "row"]
DAILY_COLUMNS = ["day", "channel", "measure", "value", "row"]
ALL_CHANNELS = "全部"
TEXT_FIELDS = {"title", "key", "genre", "review_status", "link", "channel", "published", "day"}


@dataclass
class Parsed:
    items: pd.DataFrame
    daily: pd.DataFrame
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    rows: int = 0


class _Reader:
    """Reads one table (field -> column) of the grid below its header, collecting problems."""

    def __init__(self, grid: pd.DataFrame, match: Match, table: str, headers: dict[str, str], errors: list[Problem],
                 minus_one_missing: bool = False):
        self.grid, self.columns, self.errors = grid, match.tables[table], errors
        self.platform = match.fmt.platform
        self.headers = headers
        self.minus_one_missing = minus_one_missing
        start = grid.index.get_loc(match.header_row) + 1
        positions = list(self.columns.values())
        block = grid.iloc[start:, positions]
        filled = block.notna() & block.apply(lambda s: s.astype(str).str.strip() != "")
        self.rows = [int(r) for r, any_filled in zip(block.index, filled.any(axis=1)) if any_filled]

    def text(self, row: int, name: str) -> str | None:
        if name not in self.columns:
            return None
        value = self.grid.at[row, f"c{self.columns[name]}"]
        return None if value is None or pd.isna(value) or not str(value).strip() else str(value).strip()

    def quantity(self, row: int, name: str):
        """The figure with its qualifier (museum.sources.cells.quantity); a bad cell is an error, and None."""
        try:
            return cells.quantity(self.text(row, name), minus_one_missing=self.minus_one_missing)
        except cells.BadCell:
            self.errors.append(Problem("sources.error.not_a_figure", row, self.headers.get(name, name), self.text(row, name)))
            return None

    def figure(self, row: int, name: str) -> float | None:
        found = self.quantity(row, name)
        return None if found is None else float(found.value)

    def moment(self, row: int, name: str, required: bool = True):
        text = self.text(row, name)
        try:
            found = cells.moment(text)
        except cells.BadCell:
            self.errors.append(Problem("sources.error.not_a_time", row, self.headers.get(name, name), text))
            return None
        if found is None and required:
            self.errors.append(Problem("sources.error.no_time", row, self.headers.get(name, name), None))
        return found

    def all_figures(self, row: int) -> dict:
        kept = {}
        for name in self.columns:
            if name in TEXT_FIELDS:
                kept[name] = self.text(row, name)
            else:
                try:
                    kept[name] = cells.figure(self.text(row, name), minus_one_missing=self.minus_one_missing)
                except cells.BadCell:
                    kept[name] = self.text(row, name)
        return kept


def _headers(match: Match, table: str) -> dict[str, str]:
    return {c.field: c.header for c in match.fmt.tables[table]}


def _item(reader: _Reader, row: int, key: str, item_type: str, title: str | None, published, channel=None, extra=None) -> dict:
    figures = reader.all_figures(row) | (extra or {})
    record = {"item_key": key, "channel": channel, "item_type": item_type, "title": title, "published_at": published, "row": row}
    bounded = []
    for name in ITEM_FIGURES:
        found = reader.quantity(row, name) if name in reader.columns else None
        record[name] = None if found is None else float(found.value)
        if found is not None and found.qualifier == "at_least":
            bounded.append(name)
    if bounded:  # "10w+": the platform gives only a lower bound; a month's sum of it is one too (platform_rollup.sql)
        figures["at_least"] = bounded
    record["figures"] = json.dumps(figures, ensure_ascii=False, sort_keys=True, default=str)
    record["hidden"] = hidden_state(reader.platform, figures)  # 自见, 私密 …: kept, not a published work
    return record


def _frames(items: list[dict], daily: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    item_frame = pd.DataFrame(items, columns=ITEM_COLUMNS)
    daily_frame = pd.DataFrame(daily, columns=DAILY_COLUMNS)
    return item_frame, daily_frame


def parse(grid: pd.DataFrame, match: Match) -> Parsed:
    parser = {
        "wechat_tendency": _wechat_tendency,
        "wechat_tendency_legacy": _wechat_legacy,
        "wechat_user_growth": _daily_table,
        "douyin_works": _douyin,
        "channels_videos": _channels,
        "toutiao_works": _toutiao,
        "xiaohongshu_notes": _xiaohongshu,
    }[match.fmt.name]
    return parser(grid, match)


def _daily_rows(reader: _Reader, measures: list[str], channel_of=lambda row: "") -> list[dict]:
    found = []
    for row in reader.rows:
        day = reader.moment(row, "day")
        if day is None:
            continue
        for measure in measures:
            value = reader.figure(row, measure)
            if value is not None:
                found.append({"day": day.date(), "channel": channel_of(row), "measure": measure, "value": value, "row": row})
    return found


def _wechat_tendency(grid, match) -> Parsed:
    errors: list[Problem] = []
    reads = _Reader(grid, match, "reads", _headers(match, "reads"), errors)
    account = _Reader(grid, match, "account", _headers(match, "account"), errors)
    articles = _Reader(grid, match, "articles", _headers(match, "articles"), errors)
    # 全部 is WeChat's de-duplicated count: kept as its own channel, never the sum of the others
    daily = _daily_rows(reads, ["reads_users"], lambda row: reads.text(row, "channel") or "")
    daily += _daily_rows(account, ["share_users", "original_users", "favorite_users", "posts_published"])
    items = []
    for row in articles.rows:
        published = articles.moment(row, "published")
        title = articles.text(row, "title")
        if published is None or not title:
            if title is None:
                errors.append(Problem("sources.error.no_title", row, articles.headers["title"], None))
            continue
        key = f"{published:%Y%m%d}|{title}"
        items.append(_item(articles, row, key, "post", title, published, articles.text(row, "channel") or ALL_CHANNELS))
    item_frame, daily_frame = _frames(items, daily)
    return Parsed(item_frame, daily_frame, errors, [], len(reads.rows) + len(account.rows) + len(articles.rows))


def _wechat_legacy(grid, match) -> Parsed:
    errors: list[Problem] = []
    reader = _Reader(grid, match, "daily", _headers(match, "daily"), errors)
    measures = ["reads", "reads_users", "shares", "share_users", "original_reads", "original_users", "favorites", "favorite_users"]
    daily = _daily_rows(reader, measures, lambda row: reader.text(row, "channel") or ALL_CHANNELS)
    # 群发篇 is the account's count of the day, repeated on every channel's row: read it once per day
    posts: dict = {}
    for row in reader.rows:
        day = reader.moment(row, "day")
        value = reader.figure(row, "posts_published")
        if day is None or value is None:
            continue
        channel = reader.text(row, "channel") or ALL_CHANNELS
        current = posts.get(day.date())
        if current is None or channel == ALL_CHANNELS or (current[2] != ALL_CHANNELS and value > current[0]):
            posts[day.date()] = (value, row, channel)
    daily += [{"day": d, "channel": "", "measure": "posts_published", "value": v, "row": r} for d, (v, r, _) in sorted(posts.items())]
    item_frame, daily_frame = _frames([], daily)
    return Parsed(item_frame, daily_frame, errors, [], len(reader.rows))


def _daily_table(grid, match) -> Parsed:
    errors: list[Problem] = []
    table = next(iter(match.tables))
    reader = _Reader(grid, match, table, _headers(match, table), errors)
    measures = [f for f in reader.columns if f not in TEXT_FIELDS]
    item_frame, daily_frame = _frames([], _daily_rows(reader, measures))
    return Parsed(item_frame, daily_frame, errors, [], len(reader.rows))


def _dated_rows(reader, errors: list[Problem], required: str, missing_key: str):
    """(row, text of `required`, publish time) for each row that has both. A row without
    `required` is an error (`missing_key`); one without a usable time was reported by the reader."""
    for row in reader.rows:
        text = reader.text(row, required)
        published = reader.moment(row, "published")
        if text is None:
            errors.append(Problem(missing_key, row, reader.headers[required], None))
            continue
        if published is not None:
            yield row, text, published


# "7.48912E+18": Excel showed (and a CSV saved from it kept) a long work ID in scientific notation; its last
# digits are gone, so different works share it, and next month's export names the same work differently.
# A 19-digit ID kept as a number in a workbook loses its last digits too (beyond 2**53), "7490000000000000000".
_MANGLED_KEY = re.compile(r"\d(?:\.\d+)?[eE]\+?\d+")


def _checked_keys(reader, errors: list[Problem], items: list[dict]) -> list[dict]:
    """The items of a platform whose works have IDs, refusing IDs Excel has rounded and an ID given to
    two different rows (merging them would lose a work; keeping both would count one twice)."""
    column = reader.headers.get("key", "ID")
    rows_of: dict[str, list[int]] = {}
    for item in items:
        rows_of.setdefault(item["item_key"], []).append(item["row"])
    for key, rows in rows_of.items():
        if _MANGLED_KEY.fullmatch(key) or (len(rows) > 1 and key.isdigit() and int(key) >= 2 ** 53):
            errors.append(Problem("sources.error.key_rounded", rows[0], column, key,
                                  {"rows": "、".join(map(str, rows)), "rows_en": ", ".join(map(str, rows))}))
        elif len(rows) > 1:
            errors.append(Problem("sources.error.key_twice", rows[1], column, key,
                                  {"rows": "、".join(map(str, rows)), "rows_en": ", ".join(map(str, rows))}))
    return items


def _items_parsed(reader, errors: list[Problem], items: list[dict]) -> Parsed:
    item_frame, daily_frame = _frames(items, [])
    return Parsed(item_frame, daily_frame, errors, [], len(reader.rows))


def _douyin(grid, match) -> Parsed:
    errors: list[Problem] = []
    reader = _Reader(grid, match, "items", _headers(match, "items"), errors)
    items = []
    for row, caption, published in _dated_rows(reader, errors, "title", "sources.error.no_title"):
        title = caption.splitlines()[0].strip()  # 作品名称 is the title and then the whole caption
        genre = reader.text(row, "genre") or ""
        item_type = "post" if "图文" in genre else "video"
        key = f"{published:%Y%m%d%H%M%S}|{title}"
        items.append(_item(reader, row, key, item_type, title, published, extra={"caption": caption}))
    return _items_parsed(reader, errors, items)


def _channels(grid, match) -> Parsed:
    errors: list[Problem] = []
    reader = _Reader(grid, match, "items", _headers(match, "items"), errors)
    items = []
    for row, key, published in _dated_rows(reader, errors, "key", "sources.error.no_key"):
        description = reader.text(row, "title") or ""
        items.append(_item(reader, row, key, "video", description.splitlines()[0].strip() if description else None, published))
    return _items_parsed(reader, errors, _checked_keys(reader, errors, items))


def _toutiao(grid, match) -> Parsed:
    errors: list[Problem] = []
    table = "items_video" if "items_video" in match.tables else "items"
    reader = _Reader(grid, match, table, _headers(match, table), errors, minus_one_missing=True)
    item_type = "video" if table == "items_video" else "post"
    items = [_item(reader, row, key.removesuffix(".0"), item_type, reader.text(row, "title"), published)
             for row, key, published in _dated_rows(reader, errors, "key", "sources.error.no_key")]
    return _items_parsed(reader, errors, _checked_keys(reader, errors, items))


def _xiaohongshu(grid, match) -> Parsed:
    """小红书 创作者中心 笔记列表明细: no note id, so a note is its first publish time and title;
    体裁 视频 is a video, 图文 a post."""
    errors: list[Problem] = []
    reader = _Reader(grid, match, "items", _headers(match, "items"), errors)
    items = []
    for row, title, published in _dated_rows(reader, errors, "title", "sources.error.no_title"):
        item_type = "video" if "视频" in (reader.text(row, "genre") or "") else "post"
        items.append(_item(reader, row, f"{published:%Y%m%d%H%M%S}|{title}", item_type, title, published))
    return _items_parsed(reader, errors, items)
