"""Which institution a page, a command or an export is about: one chooser for all of them.

The default is the institution registered first (the embedded report's, on a fresh install):
never the first by name, so an imported report whose name sorts first ("!…", "[…") cannot take
over the default view.
"""

from __future__ import annotations

import pandas as pd

from museum.store import audit, db
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


MAX_NAME_CHARS = 100


def find(institutions: pd.DataFrame, text: str) -> tuple[int, str] | None:
    """(id, name) of the institution named exactly `text`, else numbered `text`; None when neither."""
    match = institutions[institutions["name"] == text]
    if match.empty and text.strip().isdigit():
        match = institutions[institutions["institution_id"] == int(text.strip())]
    if match.empty:
        return None
    return int(match.iloc[0]["institution_id"]), str(match.iloc[0]["name"])


def resolve(institutions: pd.DataFrame, text: str | None) -> tuple[int, str]:
    """(id, name) of `--institution NAME|ID`; without one, the only institution. A usage error
    lists the units when the name is unknown, or when none is named and there are several."""
    if institutions.empty:
        raise InputRejected("cli.no_institution")
    known = "、".join(f"{name}（{int(i)}）" for i, name in zip(institutions["institution_id"], institutions["name"]))
    if text:
        found = find(institutions, text)
        if found is None:
            key = "cli.unknown_institution_id" if text.strip().isdigit() else "cli.unknown_institution"
            raise UsageError(key, number=text, name=text, known=known)
        return found
    if len(institutions) > 1:
        raise UsageError("cli.choose_institution", count=len(institutions), known=known)
    return int(institutions.iloc[0]["institution_id"]), str(institutions.iloc[0]["name"])


def sponsors(con) -> pd.DataFrame:
    """Every institution with its 举办单位: institution_id, name, sponsor_id, sponsor, created_at."""
    return db.query(con, "institution_sponsors")


def set_sponsor(con, institution_id: int, sponsor_id: int, *, actor: str) -> None:
    """Make `sponsor_id` the 举办单位 of `institution_id` (a unit created by a report or a return, or
    the install's own), audited in one transaction: its sponsor accounts see the unit from now on."""
    if int(institution_id) == int(sponsor_id):
        raise InputRejected("institutions.own_sponsor")
    with db.transaction(con):
        db.execute(con, "institution_sponsor_set", institution_id=int(institution_id), sponsor_id=int(sponsor_id))
        audit.record(con, "institution_add", actor, f"institution #{int(institution_id)} sponsored by #{int(sponsor_id)}")


def add(con, name: str, *, actor: str, sponsor_id: int | None = None) -> int:
    """Register a new institution (and its 举办单位), audited in one transaction; its id.

    Nobody but admin accounts gains rights in it until granted (museum.access.rights)."""
    name = (name or "").strip()
    if not 1 <= len(name) <= MAX_NAME_CHARS:
        raise InputRejected("institutions.bad_name", maximum=MAX_NAME_CHARS, length=len(name))
    with db.transaction(con):
        existing = db.scalar(con, "institution_by_name", name=name)
        if existing is not None:
            raise InputRejected("institutions.exists", name=name, number=existing)
        institution_id = db.scalar(con, "institution_insert", name=name)
        if sponsor_id is not None:
            db.execute(con, "institution_sponsor_set", institution_id=institution_id, sponsor_id=int(sponsor_id))
        audit.record(con, "institution_add", actor, f"institution {name} added")
    return int(institution_id)
