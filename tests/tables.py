"""Every row of every table but the audit trail: what a refused change must leave alone (compare before/after)."""

from __future__ import annotations

from museum.store import db


def dump(path) -> dict:
    """{table: its rows, sorted} for every table of the database but `audit` (where a refusal says so) and
    PostgreSQL's compare_view_state (when the comparison's view was last refreshed: a background refresh
    after an earlier commit may move it at any moment), on either engine. Read through museum's
    connection, which waits while a server writes."""
    with db.session(path, read_only=True) as con:
        names = [row[0] for row in con.execute("select table_name from information_schema.tables "
                                                "where table_schema = current_schema() "
                                                "and table_name not in ('audit', 'compare_view_state') order by 1").fetchall()]
        return {name: sorted(map(repr, con.table(name).fetchall())) for name in names}  # a name, never SQL text
