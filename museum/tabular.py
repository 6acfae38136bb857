"""Cells of exported and displayed tables: numbers without float noise, booleans as words.

Every table a person downloads (chart data, data.xlsx, data.csv) goes through these, so the
same conventions hold in every file: −3.8299999999999983 is −3.83, a count is an integer,
True is 是 / Yes.
"""

from __future__ import annotations

import math

from museum.i18n import t

DECIMALS = 4  # the catalog's finest unit is 0.01 万元 (100 元); four places keep every real figure


def round_value(value):
    """A number as a person reads it: float noise removed, whole numbers as int, missing as None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    number = round(float(value), DECIMALS)
    if number == 0:
        return 0  # no "-0.0"
    return int(number) if number.is_integer() else number


def yes_no(value, lang: str = "zh") -> str:
    return t("tabular.yes" if value else "tabular.no", lang)
