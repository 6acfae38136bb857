"""`python -m museum batches [--json]`: every batch with its counts, newest first."""

from __future__ import annotations

from museum.intake import ingest
from museum.cli.common import open_initialised, print_json, print_table
from museum import catalog
from museum.intake.present import history_table
from museum.i18n import t

JSON_COLUMNS = [
    "batch_id", "kind", "institution", "file_name", "file_sha256", "file_size", "user_name", "created_at",
    "inserted", "updated", "unchanged", "skipped", "note", "is_demo", "rolls_back", "rolled_back_by",
]


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("batches", parents=[common], help="list every batch (uploads, corrections, rollbacks)")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
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


def run(args) -> int:
    con = open_initialised(args)
    try:
        table = ingest.history(con)
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
