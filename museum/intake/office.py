"""The office's own sheets: every visible sheet of a book read, checked and put together.

A sheet with nothing recognisable is skipped with its reason (not an error) as long as another
sheet gives data; hidden sheets are listed and never read. With more than one sheet, a problem's
column says which sheet it is on ("2025年!科普图文", as Excel writes references).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from museum.catalog import Catalog
from museum.i18n import Listing, Name, Phrase, quoted
from museum.intake.columns import ColumnResolver
from museum.intake.context import SheetContext
from museum.intake.layout import flatten
from museum.intake.problems import FileRejected, Notice, Problem
from museum.intake.read import Book
from museum.intake.validate import check_cells

# problems that mean "this sheet is not a data table" rather than "this table has errors"
NOT_A_TABLE = {"intake.error.no_header", "intake.error.empty_file", "intake.error.missing_column", "intake.error.no_data_rows",
               "intake.error.no_matched_columns"}


@dataclass
class SheetResult:
    name: str | None
    status: str                      # read | skipped | hidden | rejected
    layout: str | None = None
    values: int = 0
    reason: Problem | None = None    # why a sheet was skipped
    year_from: str | None = None


@dataclass
class Unmatched:
    sheet: str | None
    column: str
    suggestions: list[str]


@dataclass
class OfficeResult:
    observations: pd.DataFrame
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    sheets: list[SheetResult] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    skipped: int = 0
    more: int = 0
    layout: str | None = None
    year_from: str | None = None


def _on_sheet(problem: Problem, sheet: str | None, several: bool) -> Problem:
    if not several or sheet is None:
        return problem
    return dataclasses.replace(problem, column=f"{sheet}!{problem.column}" if problem.column else sheet)


def read_office(book: Book, cat: Catalog, *, file_name: str, year: int | None = None, aliases: dict | None = None,
                mapping: dict | None = None, allow_implausible: bool = False) -> OfficeResult:
    several = len(book.sheets) > 1
    result = OfficeResult(pd.DataFrame())
    result.sheets = [SheetResult(name, "hidden") for name in book.hidden]
    frames, first_failure, table_failure = [], None, None
    for sheet in book.sheets:
        resolver = ColumnResolver(cat, aliases, mapping)
        context = SheetContext(sheet.name, file_name, year)
        try:
            flat = flatten(sheet.cells, resolver, context)
        except FileRejected as exc:
            result.sheets.append(SheetResult(sheet.name, "skipped", reason=exc.problem))
            first_failure = first_failure or [exc.problem]
            continue
        for column, suggestions in flat.unmatched:
            result.unmatched.append(Unmatched(sheet.name, column, suggestions))
        checked = check_cells(flat.cells, cat, allow_implausible=allow_implausible, resolver=resolver,
                              sheet=sheet.name or file_name)
        errors = sorted(flat.errors + checked.errors, key=lambda p: p.row or 0)
        if not errors and checked.observations.empty:
            if flat.unmatched:
                names = quoted(c for c, _ in flat.unmatched)
                errors = [Problem("intake.error.no_matched_columns", flat.header_row, None, None, {"columns": names})]
            else:
                errors = [Problem("intake.error.no_data_rows", flat.header_row + 1)]
        if errors and all(p.key in NOT_A_TABLE for p in errors):
            result.sheets.append(SheetResult(sheet.name, "skipped", flat.layout, reason=errors[0]))
            first_failure = first_failure or errors
            table_failure = table_failure or [_on_sheet(p, sheet.name, several) for p in errors]  # a header was found
            continue
        result.layout = result.layout or flat.layout
        result.year_from = result.year_from or flat.year_from
        result.notices += flat.notices + checked.notices
        result.skipped += checked.skipped
        result.more += checked.more + flat.more
        if errors:
            result.sheets.append(SheetResult(sheet.name, "rejected", flat.layout, year_from=flat.year_from))
            result.errors += [_on_sheet(p, sheet.name, several) for p in errors]
            continue
        observations = checked.observations.assign(sheet=sheet.name)
        frames.append(observations)
        result.sheets.append(SheetResult(sheet.name, "read", flat.layout, len(observations), year_from=flat.year_from))
    if not frames and not result.errors:
        result.layout = next((s.layout for s in result.sheets if s.layout), None)
        result.errors = first_failure or [Problem("intake.error.no_visible_sheet", params={"hidden": quoted(book.hidden) if book.hidden else "—"})]
        if several and table_failure:
            result.errors = table_failure  # the one sheet that looked like a table says what it lacks
        elif several and first_failure:
            reasons = "；".join(f"{s.name}：{s.reason.message('zh')}" for s in result.sheets if s.reason is not None)
            reasons_en = "; ".join(f"{s.name}: {s.reason.message('en')}" for s in result.sheets if s.reason is not None)
            result.errors = [Problem("intake.error.no_sheet_read", params={"reasons": reasons, "reasons_en": reasons_en})]
    order = {name: k for k, name in enumerate(book.names)}
    result.sheets.sort(key=lambda s: order.get(s.name, 0))
    if result.unmatched and frames:
        columns = {u.column: u.suggestions for u in result.unmatched}  # once per name, however many sheets

        listed = Listing.of(Phrase.of("intake.item.unmatched" if ids else "text.quoted", name=c,
                                      guesses=Listing.of(Phrase.of("intake.item.suggestion", name=Name(cat[m].name_zh, cat[m].name_en),
                                                                   id=m) for m in ids))
                            for c, ids in columns.items())
        result.notices.append(Notice("intake.warning.unmatched_columns", {"columns": listed}))
    if book.hidden:
        result.notices.append(Notice("intake.warning.hidden_sheets", {"sheets": quoted(book.hidden)}))
    for sheet in result.sheets:
        if sheet.status == "skipped" and frames:
            result.notices.append(Notice("intake.warning.skipped_sheet", {"sheet": sheet.name, "reason": sheet.reason.message("zh"),
                                                                           "reason_en": sheet.reason.message("en")}))
    observations = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if len(frames) > 1:
        observations = _across_sheets(observations, result)
    result.observations = observations
    return result


def _across_sheets(observations: pd.DataFrame, result: OfficeResult) -> pd.DataFrame:
    """One (metric, period) in two sheets: the same value is read once, different values are errors."""
    key = ["metric_id", "year", "month"]
    observations = observations.astype({"metric_id": "str"})
    repeated = observations.duplicated(key, keep=False)
    if not repeated.any():
        return observations
    for _, group in observations[repeated].groupby(key, dropna=False):
        if group["value"].nunique() > 1 or group["qualifier"].astype(str).nunique() > 1:
            places = Listing.of(f"{s}!{c}:{int(r)}" for s, c, r in zip(group["sheet"], group["value_column"], group["row"]))
            first = group.iloc[0]
            result.errors.append(Problem("intake.error.conflict_sheets", int(first["row"]), f"{first['sheet']}!{first['value_column']}",
                                         None, {"places": places}))
    kept = observations.drop_duplicates(key, keep="first").reset_index(drop=True)
    if not result.errors:
        result.skipped += int(len(observations) - len(kept))
    return kept


def covered_period(observations: pd.DataFrame) -> dict | None:
    """{"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"} of the months (or years) the values cover."""
    if observations is None or observations.empty:
        return None
    years = observations["year"].astype(int).to_numpy()
    months = observations["month"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    starts = [(y, 1 if np.isnan(m) else int(m)) for y, m in zip(years, months)]
    ends = [(y, 12 if np.isnan(m) else int(m)) for y, m in zip(years, months)]
    first, last = min(starts), max(ends)
    last_day = (pd.Timestamp(year=last[0], month=last[1], day=1) + pd.offsets.MonthEnd(0)).day
    return {"from": f"{first[0]:04d}-{first[1]:02d}-01", "to": f"{last[0]:04d}-{last[1]:02d}-{last_day:02d}"}
