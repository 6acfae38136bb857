"""`python -m museum batches [--institution NAME|ID] [--user NAME] [--json]`: every batch with its counts, newest first
(of one unit with --institution; of the units `--user` may see with --user)."""

from __future__ import annotations

from museum.intake import ingest
from museum.cli.common import acting_user, add_unit_options, open_initialised, print_json, print_table, unit
from museum import catalog
from museum.intake.present import history_table
from museum.i18n import t

JSON_COLUMNS = [
    "batch_id", "kind", "institution", "file_name", "file_sha256", "file_size", "user_name", "created_at",
    "inserted", "updated", "unchanged", "skipped", "note", "is_demo", "rolls_back", "rolled_back_by", "review_status",
]


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("batches", parents=[common], help="list every batch (uploads, corrections, rollbacks)")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    add_unit_options(parser, user=True)
    parser.set_defaults(handler=run)


def _plain(value):
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return value


def _visible(con, args, table):
    """The batches of the unit named, or of those `--user` may see; every batch without either (the
    install's log, read by whoever holds the database file)."""
    from museum import institutions
    from museum.access import rights

    if args.institution:
        _, name = unit(con, args)
        return table[table["institution"] == name]
    if not args.user:
        return table
    seen = rights.visible(con, acting_user(con, args))
    if seen is None:
        return table
    names = set(institutions.table(con).set_index("institution_id").loc[sorted(seen), "name"]) if seen else set()
    return table[table["institution"].isin(names)]


def run(args) -> int:
    con = open_initialised(args)
    try:
        table = _visible(con, args, ingest.history(con))
    finally:
        con.close()
    if args.json:
        print_json([{column: _plain(row[column]) for column in JSON_COLUMNS} for _, row in table.iterrows()])
        return 0
    if table.empty:
        print(t("intake.cli.no_batches", args.lang))
        return 0
    frame = history_table(table, args.lang, catalog.load())
    rows = [[("#" + str(v)) if i == 0 else str(v) for i, v in enumerate(record)] for record in frame.itertuples(index=False)]
    print_table(list(frame.columns), rows)
    return 0
