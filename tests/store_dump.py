"""Every table but the audit trail, each row in order, on either engine: what a refused change must leave alone."""

from __future__ import annotations

from museum.store import db


def dump(path) -> dict:
    with db.session(path, read_only=True) as con:
        tables = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                            "where table_schema = current_schema() and table_name <> 'audit' "
                                            "order by table_name").fetchall()]
        return {name: sorted(map(repr, con.execute(f'select * from "{name}"').fetchall())) for name in tables}
