"""`python -m museum institutions add NAME [--sponsor NAME|ID]`, `institutions sponsor NAME|ID --sponsor NAME|ID` and `institutions list [--json]`."""

from __future__ import annotations

import pandas as pd

from museum import institutions
from museum.access import auth, rights
from museum.cli.common import acting_user, choose_institution, open_initialised, print_json, print_table
from museum.i18n import t

JSON_KEYS = ("institution_id", "name", "sponsor_id", "sponsor")


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("institutions", help="the units of this install: add one, list them")
    actions = parser.add_subparsers(dest="institutions_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", parents=[common], help="register a new unit (nobody but admin accounts may see it until granted)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--sponsor", metavar="NAME|ID", help="its 举办单位, an existing unit")
    add.add_argument("--user", help="an existing admin account to record the change under (default: cli:<OS user>)")
    add.set_defaults(handler=run_add)
    sponsor = actions.add_parser("sponsor", parents=[common], help="set the 举办单位 of an existing unit")
    sponsor.add_argument("name", metavar="NAME|ID", help="the unit")
    sponsor.add_argument("--sponsor", metavar="NAME|ID", required=True, help="its 举办单位, an existing unit")
    sponsor.add_argument("--user", help="an existing admin account to record the change under (default: cli:<OS user>)")
    sponsor.set_defaults(handler=run_sponsor)
    listing = actions.add_parser("list", parents=[common], help="every unit with its number and 举办单位")
    listing.add_argument("--json", action="store_true", help=f"one object per unit: {', '.join(JSON_KEYS)}")
    listing.set_defaults(handler=run_list)


def run_add(args) -> int:
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        if args.user and not auth.can(auth.require_user(con, actor).role, "manage_accounts"):
            raise rights.refuse(con, actor, "manage_accounts", None, name=args.name.strip())  # audited, exit 1
        sponsor = choose_institution(con, args.sponsor) if args.sponsor else None
        number = institutions.add(con, args.name, actor=actor, sponsor_id=sponsor[0] if sponsor else None)
    finally:
        con.close()
    print(t("institutions.added", args.lang, name=args.name.strip(), number=number))
    if sponsor:
        print(t("institutions.added_sponsor", args.lang, sponsor=sponsor[1]))
    return 0


def run_sponsor(args) -> int:
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        unit = choose_institution(con, args.name)
        if args.user and not auth.can(auth.require_user(con, actor).role, "manage_accounts"):
            raise rights.refuse(con, actor, "manage_accounts", unit[0])  # audited, exit 1
        sponsor = choose_institution(con, args.sponsor)
        institutions.set_sponsor(con, unit[0], sponsor[0], actor=actor)
    finally:
        con.close()
    print(t("institutions.sponsor_set", args.lang, name=unit[1], sponsor=sponsor[1]))
    return 0


def run_list(args) -> int:
    con = open_initialised(args)
    try:
        table = institutions.sponsors(con)
    finally:
        con.close()
    rows = [{"institution_id": int(r.institution_id), "name": r.name,
             "sponsor_id": None if pd.isna(r.sponsor_id) else int(r.sponsor_id),
             "sponsor": r.sponsor if isinstance(r.sponsor, str) else None} for r in table.itertuples()]
    if args.json:
        print_json(rows)
        return 0
    headers = [t(f"institutions.column.{c}", args.lang) for c in ("number", "name", "sponsor")]
    print_table(headers, [[str(r["institution_id"]), r["name"], r["sponsor"] or t("institutions.none_sponsor", args.lang)] for r in rows])
    return 0
