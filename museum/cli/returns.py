"""`python -m museum package` (a unit's signed return of one period) and `receive` (the sponsor's side)."""

from __future__ import annotations

from pathlib import Path

from museum import period as periods
from museum.access import auth, rights
from museum.cli.common import acting_user, add_unit_options, open_initialised, print_json, unit
from museum.errors import InputRejected
from museum.i18n import t
from museum.returns import package as packages, receive as receiving
from museum.store import batches


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("package", parents=[common], help="write the unit's signed return (报送包) of a period")
    parser.add_argument("--period", required=True, help="2025, 2025-Q2, 2025-04 or 2025-01..2025-04")
    parser.add_argument("--out", required=True, metavar="FILE.zip", help="the package to write (a new file)")
    add_unit_options(parser)
    parser.add_argument("--user", metavar="NAME", help="the account to record as the author (an editor or admin of the unit)")
    parser.set_defaults(handler=run_package)

    parser = subparsers.add_parser("receive", parents=[common], help="check and receive a unit's return (报送包)")
    parser.add_argument("file", metavar="FILE.zip")
    parser.add_argument("--trust-new-key", action="store_true",
                        help="register the key of a unit that has none yet (admins only; check its fingerprint first)")
    parser.add_argument("--user", metavar="NAME", help="the account to record as the receiver")
    parser.add_argument("--dry-run", action="store_true", help="check and show what changes, write nothing")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run_receive)


def run_package(args) -> int:
    period = periods.parse(args.period)
    out = Path(args.out)
    if out.exists():
        raise InputRejected("returns.output_exists", path=str(out.absolute()))
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        institution, name = unit(con, args, "upload")  # a return is the unit's filing: its editors and admins
        content, manifest = packages.build(con, institution, name, period, actor=actor)
    finally:
        con.close()
    out.write_bytes(content)
    rows = sum(part["rows"] for part in manifest["parts"].values())
    from museum.returns import keys

    print(t("cli.returns.packaged", args.lang, path=out.absolute(), institution=name, period=period.text, rows=rows,
            fingerprint=keys.fingerprint(keys.decode_public(manifest["key"]["public_key"]))))
    return 0


def trust_allowed(con, actor: str, user: str | None) -> None:
    """--trust-new-key is an admin's: an account named with --user must be one; the server's
    operating-system user (no --user) is, as for `users add`."""
    if not user:
        return
    account = auth.get_user(con, user)
    if account is None or account.role != "admin":
        raise InputRejected("returns.trust_needs_admin", user=actor)


def receive_allowed(con, user: str, institution: str) -> None:
    """A receipt writes the unit's figures: an admin of that unit may (of a unit not yet registered,
    an admin account); anyone else is refused, audited, with nothing changed."""
    existing = batches.institution_id(con, institution, create=False)
    role = rights.role_in(con, user, existing) if existing is not None else auth.require_user(con, user).role
    if role != "admin":
        raise rights.refuse(con, user, "receive", existing, name=institution)


def _record(con, args, path: Path, content: bytes, problem: InputRejected, actor: str) -> None:
    if not args.dry_run:  # a dry run writes nothing, not even this line
        receiving.record_rejection(con, path.name, content, problem, actor=actor)


def run_receive(args) -> int:
    path = Path(args.file)
    content = path.read_bytes()
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        try:
            if args.trust_new_key:
                trust_allowed(con, actor, args.user)
            package = receiving.open_package(content, path.name)
        except InputRejected as problem:
            _record(con, args, path, content, problem, actor)
            raise
        if args.user:
            receive_allowed(con, actor, package.institution)  # refused with its own audit line
        try:
            outcome = receiving.commit(con, package, actor=actor, trust_new_key=args.trust_new_key, dry_run=args.dry_run)
        except InputRejected as problem:
            _record(con, args, path, content, problem, actor)
            raise
    finally:
        con.close()
    if args.json:
        print_json({key: outcome[key] for key in receiving.RESULT_KEYS})
    elif outcome["status"] == "duplicate":
        print(t("cli.returns.duplicate", args.lang, batch_id=outcome["batch_id"]))
    else:
        key = "cli.returns.received" if outcome["status"] == "committed" else "cli.returns.valid"
        print(t(key, args.lang, **outcome))
    return 0
