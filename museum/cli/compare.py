"""`python -m museum compare --period P [--institutions A,B …] [--json]`: 单位对比 (JSON keys: COMPARE_JSON_KEYS)."""

from __future__ import annotations

import pandas as pd

from museum import compare, institutions, period
from museum.access import rights
from museum.cli.common import acting_user, open_initialised, print_json, print_table, require_in
from museum.compare import display, sources
from museum.errors import InputRejected, UsageError
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("compare", parents=[common], help="headline metrics of several units side by side (单位对比)")
    parser.add_argument("--period", required=True, help="2025 | 2025-Q2 | 2025-04 | 2025-01..2025-04")
    parser.add_argument("--institutions", action="append", metavar="A,B,…",
                        help="units by name or id, comma-separated or repeated (default: every unit)")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument("--user", help="an existing account to act as: only the units it may view are compared")
    parser.set_defaults(handler=run)


def resolve(table: pd.DataFrame, requested: list[str] | None, lang: str = "zh") -> list[tuple[int, str]]:
    """(id, name) of the units asked for, in the order given (each once); every unit when none is asked for.

    A token is a unit's exact name or its id; a token that is neither is split at commas (A,B).
    Raises UsageError (exit 2) naming the known units for one that matches nothing."""
    if table.empty:
        raise InputRejected("cli.no_institution")
    # in the order they were registered: the install's own unit (the embedded report's) first
    units = sorted((int(i), str(n)) for i, n in zip(table["institution_id"], table["name"]))
    if not requested:
        return units
    by_name = {name: (uid, name) for uid, name in units}
    by_id = {str(uid): (uid, name) for uid, name in units}
    chosen: list[tuple[int, str]] = []
    for token in requested:
        parts = [token] if token.strip() in by_name else token.split(",")
        for part in (p.strip() for p in parts):
            if not part:
                continue
            unit = by_name.get(part) or by_id.get(part)
            if unit is None:
                known = t("compare.name_separator", lang).join(f"{name} ({uid})" for uid, name in units)
                raise UsageError("compare.unknown_unit", name=part, known=known)
            if unit not in chosen:
                chosen.append(unit)
    return chosen


def run(args) -> int:
    chosen_period = period.parse(args.period)
    con = open_initialised(args)
    try:
        table = institutions.table(con)
        if args.user and not args.institutions:  # every unit the account may view
            table = rights.keep_visible(table, rights.visible(con, acting_user(con, args)))
        units = resolve(table, args.institutions, args.lang)
        for uid, _ in units:  # a unit named that the account may not view is refused (audited)
            require_in(con, args, "view", uid)
        # every figure is computed here, while the connection is open; on PostgreSQL all units' values
        # in one read of the comparison's view (museum.compare.sources), with the time it holds
        rows, state = sources.compare_rows(con, units, chosen_period, args.lang)
    finally:
        con.close()
    if args.json:
        print_json([compare.row_json(row) for row in rows])
    if all(row.kpi is None for row in rows):
        raise InputRejected("compare.no_data", period=chosen_period.label(args.lang))
    if not args.json:
        frame = display.table_frame(rows, args.lang)
        print_table(list(frame.columns), frame.values.tolist())
        if (as_of := display.as_of_note(state, args.lang)) is not None:  # text only: the JSON rows stay as they are
            print(as_of)
    return 0
