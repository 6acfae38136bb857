"""Where a sheet's year comes from when its rows do not say: title rows, sheet name, file name, option.

Month-row office sheets often write only "1月 … 6月"; the year is in the merged title above the
header ("2025年1-4月新媒体运营数据统计表"), in the sheet's name ("2025年"), in the file's name, or
given by the person uploading (`--year`, the page's 年份). A year given by the person wins over
the title, sheet and file names (they chose it, perhaps because the title is last year's
template); otherwise the first of these that names exactly one year wins, in that order, and the
preview says which one it was (`year_from`). Years written in the rows themselves (a year column,
month cells) are data and always win.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from museum.intake.values import parse_period, year_bounds

YEAR_SOURCES = ("column", "month", "title", "sheet", "file_name", "option")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def single_year(text) -> int | None:
    """The one plausible year a text names ("2025年1-4月…" -> 2025); None for none or several."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    first, last = year_bounds()
    years = {int(y) for y in _YEAR_IN_TEXT.findall(unicodedata.normalize("NFKC", str(text)))}
    years = {y for y in years if first <= y <= last}
    return years.pop() if len(years) == 1 else None


@dataclass(frozen=True)
class SheetContext:
    """What surrounds a sheet's table: its name, the file's name, the year option."""

    sheet: str | None = None
    file_name: str | None = None
    option_year: int | None = None

    def sheet_period(self) -> tuple[int, int | None] | None:
        """A sheet named like a year or a month ("2025年", "2025年3月", "2025-03") supplies it."""
        if not self.sheet:
            return None
        return parse_period(self.sheet)

    def fallback_year(self, title_rows: list) -> tuple[int | None, str | None]:
        """(year, source): the option when given, else the title rows, the sheet name, the file name."""
        if self.option_year is not None:
            return int(self.option_year), "option"
        title_text = " ".join(str(c) for row in title_rows for c in row if c is not None and not pd.isna(c))
        year = single_year(title_text) if title_text else None
        if year is not None:
            return year, "title"
        period = self.sheet_period()
        if period is not None:
            return period[0], "sheet"
        year = single_year(self.sheet)
        if year is not None:
            return year, "sheet"
        stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", self.file_name or "")
        year = single_year(stem)
        if year is not None:
            return year, "file_name"
        return None, None
