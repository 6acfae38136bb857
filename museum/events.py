"""Awards, unit honours and research records shaped for tables and charts."""

from __future__ import annotations

import pandas as pd

LEVELS = ("national", "provincial", "municipal")
GRADES = ("first", "second", "third", "excellence")
STAGES = ("applied", "approved", "concluded", "published")


def award_matrix(awards: pd.DataFrame, year: int) -> pd.DataFrame:
    """Counts by level (rows) x grade (columns) for one year, every level and grade present."""
    rows = awards[awards["year"] == year]
    matrix = rows.pivot_table(index="level", columns="grade", values="count", aggfunc="sum", fill_value=0)
    return matrix.reindex(index=list(LEVELS), columns=list(GRADES), fill_value=0).astype(int)


def awards_by_year_level(awards: pd.DataFrame) -> pd.DataFrame:
    """year, level, count for every year with awards (0 where a level had none)."""
    if awards.empty:
        return pd.DataFrame(columns=["year", "level", "count"])
    grouped = awards.groupby(["year", "level"])["count"].sum()
    index = pd.MultiIndex.from_product([sorted(awards["year"].unique()), LEVELS], names=["year", "level"])
    return grouped.reindex(index, fill_value=0).reset_index()


def project_stages(research: pd.DataFrame, year: int) -> pd.DataFrame:
    """Projects of a year by stage and role (role 'none' where the report does not say)."""
    rows = research[(research["year"] == year) & (research["item_type"] == "project")].copy()
    rows["role"] = rows["role"].fillna("none")
    return rows.groupby(["stage", "role"], as_index=False)["count"].sum()


def research_summary(research: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """Counts per (item_type, role, stage) for the given years side by side."""
    rows = research[research["year"].isin(years)].copy()
    rows["role"] = rows["role"].fillna("none")
    table = rows.pivot_table(index=["item_type", "role", "stage"], columns="year", values="count", aggfunc="sum", fill_value=0)
    return table.reindex(columns=years, fill_value=0).reset_index()
