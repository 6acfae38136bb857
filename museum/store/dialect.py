"""Which SQL text the PostgreSQL store runs for a named query or a migration.

A query or migration whose DuckDB text does not run on PostgreSQL has a second file beside it:
`queries/postgresql/NAME.sql`, `queries/migrations/postgresql/NNNN_name.sql`. The rest run as
written after the few spelling differences below, which are type names only (DuckDB accepts
PostgreSQL's spellings too, but the DuckDB files keep their own): rewriting them here keeps one
file per query for the ~150 queries that need nothing else.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from museum import settings

QUERIES_DIR = settings.ROOT / "queries"
PG_QUERIES_DIR = QUERIES_DIR / "postgresql"
PG_MIGRATIONS_DIR = QUERIES_DIR / "migrations" / "postgresql"

# (DuckDB spelling, PostgreSQL spelling): whole words, outside nothing cleverer than a regex,
# so a string literal holding one of these words would be rewritten too (none does).
_SPELLINGS = (
    (re.compile(r"\bdouble\b(?!\s+precision)", re.IGNORECASE), "double precision"),
    (re.compile(r"\bblob\b", re.IGNORECASE), "bytea"),
    # a bare `select count(*) from …` names its column count_star() in DuckDB, count here
    (re.compile(r"\b(select\s+)count\(\*\)(\s+from\b)", re.IGNORECASE), r'\1count(*) as "count_star()"\2'),
)


# DuckDB's `semi join T as t on COND` / `anti join …` (rows of the left side with / without a
# match) are PostgreSQL's `where exists (…)` / `where not exists (…)`. The queries write them one
# per line after the FROM, the condition running on until the next clause.
_FILTER_JOIN = re.compile(r"^(?P<indent>[ \t]*)(?P<kind>semi|anti) join (?P<relation>\w+) as (?P<alias>\w+)\s+on\s+", re.M | re.I)
_CLAUSE_END = re.compile(r"^[ \t]*(?:where\b|semi join\b|anti join\b|order by\b|group by\b|union\b|\)|$)", re.M | re.I)


def _filter_joins(sql: str) -> str:
    while (found := _FILTER_JOIN.search(sql)) is not None:
        clauses, at = [], found.start()
        while (found := _FILTER_JOIN.match(sql, at)) is not None:
            rest = found.end()
            end = _CLAUSE_END.search(sql, sql.index("\n", rest) + 1 if "\n" in sql[rest:] else len(sql))
            stop = end.start() if end else len(sql)
            condition = " ".join(sql[rest:stop].split())
            negate = "not " if found["kind"].lower() == "anti" else ""
            clauses.append(f"{negate}exists (select 1 from {found['relation']} as {found['alias']} where {condition})")
            at = stop
        indent = _FILTER_JOIN.search(sql)["indent"]
        following = re.match(r"[ \t]*where\b", sql[at:], re.I)
        if following:
            joined = f"{indent}where " + " and ".join(clauses) + " and"
            sql = sql[:_FILTER_JOIN.search(sql).start()] + joined + sql[at + following.end():]
        else:
            joined = f"{indent}where " + " and ".join(clauses) + "\n"
            sql = sql[:_FILTER_JOIN.search(sql).start()] + joined + sql[at:]
    return sql


def rewrite(sql: str) -> str:
    for pattern, replacement in _SPELLINGS:
        sql = pattern.sub(replacement, sql)
    return _filter_joins(sql)


@lru_cache(maxsize=None)
def query_text(name: str, duckdb_text: str) -> str:
    """The PostgreSQL text of the named query."""
    own = PG_QUERIES_DIR / f"{name}.sql"
    if own.is_file():
        return own.read_text(encoding="utf-8")
    return rewrite(duckdb_text)


def migration_text(path: Path) -> str:
    """The PostgreSQL text of a migration (`path` is the DuckDB file)."""
    own = PG_MIGRATIONS_DIR / path.name
    if own.is_file():
        return own.read_text(encoding="utf-8")
    return rewrite(path.read_text(encoding="utf-8"))
