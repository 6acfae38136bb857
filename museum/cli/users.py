"""`python -m museum users add|list|remove|passwd|unlock|grant|revoke`: staff accounts, their roles per unit, sign-in locks."""

from __future__ import annotations

import getpass
import sys

import pandas as pd

from museum import institutions
from museum.access import auth, rights
from museum.cli.common import choose_institution, cli_actor, open_initialised, print_json, print_table
from museum.errors import InputRejected, UsageError
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("users", help="staff accounts: add, list, remove, passwd, unlock")
    actions = parser.add_subparsers(dest="users_command", required=True, metavar="ACTION")

    add = actions.add_parser("add", parents=[common], help="add an account")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=auth.ROLES)
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.add_argument("--institution", action="append", metavar="NAME|ID",
                     help="a unit the account gets ROLE in (repeatable; default: every unit there is)")
    add.set_defaults(handler=run_add)

    grant = actions.add_parser("grant", parents=[common], help="give an account a role in one unit (sponsor: view it and the units it sponsors)")
    grant.add_argument("name")
    grant.add_argument("--institution", required=True, metavar="NAME|ID")
    grant.add_argument("--role", required=True, choices=rights.UNIT_ROLES)
    grant.set_defaults(handler=run_grant)

    revoke = actions.add_parser("revoke", parents=[common], help="take an account's role in one unit away")
    revoke.add_argument("name")
    revoke.add_argument("--institution", required=True, metavar="NAME|ID")
    revoke.set_defaults(handler=run_revoke)

    listing = actions.add_parser("list", parents=[common], help="list the accounts")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=run_list)

    remove = actions.add_parser("remove", parents=[common], help="remove an account")
    remove.add_argument("name")
    remove.set_defaults(handler=run_remove)

    passwd = actions.add_parser("passwd", parents=[common], help="set a new password (also lifts a sign-in lock)")
    passwd.add_argument("name")
    passwd.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    passwd.set_defaults(handler=run_passwd)

    unlock = actions.add_parser("unlock", parents=[common], help="lift a sign-in lock at once (of an account, or of a client address)")
    unlock.add_argument("name", nargs="?", help="the account to unlock")
    unlock.add_argument("--client", metavar="ADDRESS", help="unlock this client address instead")
    unlock.add_argument("--list", action="store_true", help="list the client addresses that are locked now")
    unlock.set_defaults(handler=run_unlock)


def read_password(args) -> str:
    """One line from stdin with --password-stdin, else typed twice without echo."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise InputRejected("auth.empty_password_stdin")
        return password
    first = getpass.getpass(t("cli.users.prompt", args.lang, name=args.name))
    second = getpass.getpass(t("cli.users.prompt_again", args.lang))
    if first != second:
        raise InputRejected("auth.passwords_differ")
    return first


def run_add(args) -> int:
    args.name = auth.validate_name(args.name)  # as stored: NFKC (full-width letters become plain ones)
    password = read_password(args)
    con = open_initialised(args)
    try:
        units = None if not args.institution else [choose_institution(con, text)[0] for text in args.institution]
        known = institutions.table(con)
        if units is None and args.role != "admin" and len(known) > 1:
            # with several units an account gets rights only where it is named (an admin account is admin in all)
            raise UsageError("cli.users.institution_needed", name=args.name,
                             known="、".join(f"{n} ({i})" for i, n in zip(known["institution_id"], known["name"])))
        auth.add_user(con, args.name, args.role, password, actor=cli_actor(), institutions=units)
    finally:
        con.close()
    print(t("cli.users.added", args.lang, name=args.name, role=t(f"auth.role.{args.role}", args.lang)))
    return 0


def _status(row, lang: str, now) -> str:
    if row["disabled"]:
        return t("cli.users.status.disabled", lang)
    locked_until = row["locked_until"]
    if pd.notna(locked_until) and locked_until > now:
        return t("cli.users.status.locked", lang, until=locked_until.strftime("%Y-%m-%d %H:%M"))
    return t("cli.users.status.active", lang)


def run_list(args) -> int:
    con = open_initialised(args)
    try:
        users = auth.list_users(con)
        held = rights.memberships(con)
    finally:
        con.close()
    now = auth.utc_now()
    if args.json:
        print_json(
            [
                {
                    "name": row["user_name"],
                    "role": row["role"],
                    "created_at": row["created_at"].strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "disabled": bool(row["disabled"]),
                    "locked": _status(row, "en", now).startswith("locked"),
                    "institutions": [{"institution_id": int(m["institution_id"]), "institution": m["institution"], "role": m["role"]}
                                     for _, m in held[held["user_name"] == row["user_name"]].iterrows()],
                }
                for _, row in users.iterrows()
            ]
        )
        return 0
    if users.empty:
        print(t("cli.users.none", args.lang))
        return 0
    lang = args.lang
    headers = [t(f"cli.users.column.{c}", lang) for c in ("name", "role", "created", "status", "units")]
    rows = [
        [row["user_name"], t(f"auth.role.{row['role']}", lang), row["created_at"].strftime("%Y-%m-%d %H:%M"), _status(row, lang, now),
         _units(row, held, lang)]
        for _, row in users.iterrows()
    ]
    print_table(headers, rows)
    return 0


def _units(row, held, lang: str) -> str:
    """An account's units as "单位：角色；…" (an admin account: every unit)."""
    if row["role"] == "admin":
        return t("cli.users.all_units", lang)
    mine = held[held["user_name"] == row["user_name"]]
    return "；".join(f"{m['institution']}：{t(f'auth.role.{m.role}', lang)}" for _, m in mine.iterrows()) or "—"


def run_grant(args) -> int:
    con = open_initialised(args)
    try:
        name = auth.require_user(con, args.name).name
        institution, unit_name = choose_institution(con, args.institution)
        rights.grant(con, name, institution, args.role, actor=cli_actor())
    finally:
        con.close()
    print(t("cli.users.granted", args.lang, name=name, institution=unit_name, role=t(f"auth.role.{args.role}", args.lang)))
    return 0


def run_revoke(args) -> int:
    con = open_initialised(args)
    try:
        name = auth.require_user(con, args.name).name
        institution, unit_name = choose_institution(con, args.institution)
        rights.revoke(con, name, institution, actor=cli_actor())
    finally:
        con.close()
    print(t("cli.users.revoked", args.lang, name=name, institution=unit_name))
    return 0


def run_remove(args) -> int:
    con = open_initialised(args)
    try:
        name = auth.require_user(con, args.name).name
        auth.remove_user(con, name, actor=cli_actor())
    finally:
        con.close()
    print(t("cli.users.removed", args.lang, name=name))
    return 0


def run_passwd(args) -> int:
    con = open_initialised(args)
    try:
        args.name = auth.require_user(con, args.name).name
        password = read_password(args)
        auth.set_password(con, args.name, password, actor=cli_actor())
    finally:
        con.close()
    print(t("cli.users.password_set", args.lang, name=args.name))
    return 0


def run_unlock(args) -> int:
    """Only someone with a shell on the server can run this: an attacker who keeps failing to
    sign in as an admin cannot keep the admin out."""
    if sum(bool(x) for x in (args.name, args.client, args.list)) != 1:
        raise UsageError("cli.users.unlock_needs_target")
    con = open_initialised(args)
    try:
        if args.list:
            locked = auth.locked_clients(con)
        elif args.client:
            client = auth.unlock_client(con, args.client, actor=cli_actor())
        else:
            name = auth.require_user(con, args.name).name
            auth.unlock(con, name, actor=cli_actor())
    finally:
        con.close()
    if args.list:
        if locked.empty:
            print(t("cli.users.no_locked_clients", args.lang))
            return 0
        headers = [t(f"cli.users.column.{c}", args.lang) for c in ("client", "failures", "locked_until")]
        print_table(headers, [[r["client"], str(r["failures"]), r["locked_until"].strftime("%Y-%m-%d %H:%M")]
                              for _, r in locked.iterrows()])
    elif args.client:
        print(t("cli.users.client_unlocked", args.lang, client=client))
    else:
        print(t("cli.users.unlocked", args.lang, name=name))
    return 0
