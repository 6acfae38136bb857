"""Which institution a page, a command or an export is about: one chooser for all of them.

The default is the institution registered first (the embedded report's, on a fresh install):
never the first by name, so an imported report whose name sorts first ("!…", "[…") cannot take
over the default view.
"""

from __future__ import annotations

import pandas as pd

from museum.store import db
from museum.errors import InputRejected, UsageError


def table(con) -> pd.DataFrame:
    """Every institution (institution_id, name), by name.

    Reads the institution table only: every page's sidebar and every command asks for it, and the
    years below cost a pass over every data row (0.1–0.2 s at national size, bench/scale.py).
    """
    return db.query(con, "institution_list")


def with_years(con) -> pd.DataFrame:
    """Every institution with the years it has data for (institution_id, name, latest_year, years), by name."""
    return db.query(con, "institutions")


def default_id(institutions: pd.DataFrame) -> int | None:
    """The institution registered first, or None when there is none."""
    if institutions.empty:
        return None
    return int(institutions["institution_id"].min())


def choose(institutions: pd.DataFrame, name: str | None = None) -> tuple[int, str]:
    """(id, name) of the institution called `name`, else of the default one.

    Raises InputRejected when there is no institution at all, UsageError for an unknown name.
    """
    if institutions.empty:
        raise InputRejected("cli.no_institution")
    if name:
        match = institutions[institutions["name"] == name]
        if match.empty:
            raise UsageError("cli.unknown_institution", name=name, known="、".join(institutions["name"]))
        row = match.iloc[0]
    else:
        row = institutions[institutions["institution_id"] == default_id(institutions)].iloc[0]
    return int(row["institution_id"]), str(row["name"])
