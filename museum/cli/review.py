"""`python -m museum pending [--json]`, `approve BATCH_ID`, `reject BATCH_ID --reason TEXT`, `settings review on|off`:
review before figures are official."""

from __future__ import annotations

import sys

from museum import catalog, clock
from museum.access import auth, rights
from museum.cli.common import acting_user, choose_institution, open_initialised, print_json, require_in
from museum.i18n import t
from museum.intake import review


def register(subparsers, common) -> None:
    pending = subparsers.add_parser("pending", parents=[common], help="batches pending review, with their changes old → new")
    pending.add_argument("--json", action="store_true", help="print a JSON list")
    pending.add_argument("--institution", metavar="NAME|ID", help="only this unit's batches (default: every unit)")
    pending.add_argument("--user", help="an existing account: only the units it may view are listed")
    pending.set_defaults(handler=run_pending)
    approve = subparsers.add_parser("approve", parents=[common], help="approve a pending batch (another account than its submitter)")
    approve.add_argument("batch_id", metavar="BATCH_ID", type=int)
    approve.add_argument("--over-conflicts", action="store_true", help="write over values changed since submission (checked)")
    approve.add_argument("--user", help="an existing account to approve as (default: cli:<OS user>)")
    approve.set_defaults(handler=run_approve)
    reject = subparsers.add_parser("reject", parents=[common], help="return a pending batch with a reason")
    reject.add_argument("batch_id", metavar="BATCH_ID", type=int)
    reject.add_argument("--reason", required=True, help="why it is returned (kept with the batch)")
    reject.add_argument("--user", help="an existing account to reject as (default: cli:<OS user>)")
    reject.set_defaults(handler=run_reject)
    settings = subparsers.add_parser("settings", parents=[common], help="institution settings (admin)")
    chosen = settings.add_subparsers(dest="setting", required=True, metavar="SETTING")
    switch = chosen.add_parser("review", parents=[common], help="review before figures are official: on | off")
    switch.add_argument("state", choices=("on", "off"))
    switch.add_argument("--institution", metavar="NAME|ID", help="the unit: its exact name or number (needed when there are several)")
    switch.add_argument("--user", help="an existing admin account to act as (default: cli:<OS user>)")
    switch.set_defaults(handler=run_setting)


def acting_role(con, args, institution_id: int) -> str | None:
    """The role of `--user`'s account in the unit (museum.access.rights); the server's operator (no
    --user) holds every right on the command line, as for `users`."""
    name = getattr(args, "user", None)
    if not name:
        return "admin"
    return rights.role_in(con, auth.require_user(con, name).name, institution_id)


def _period(change: dict) -> str:
    return f"{change['year']}" + (f"-{int(change['month']):02d}" if change.get("month") is not None else "")


def _value(value, qualifier, unit: str = "") -> str:
    if value is None:
        return "—"
    prefix = {"at_least": "≥", "approx": "≈"}.get(qualifier or "exact", "")
    return f"{prefix}{float(value):,.10g}{unit}"


def change_line(change: dict, lang: str, cat, key: str = "review.cli.change") -> str:
    metric = review.change_name(change, lang, cat)
    unit = review.change_unit(change, lang, cat)  # 万元 for a budget figure, the metric's unit, none for an actual
    unit = f" {unit}" if unit and unit != "%" and lang == "en" else unit  # "1,050 10k CNY", "95%"
    platform = " " + t("platform." + change["platform"], lang) if change.get("platform") else ""
    return t(key, lang, metric=metric, period=_period(change), platform=platform,
             old=_value(change.get("old_value"), change.get("old_qualifier"), unit),
             new=_value(change["new_value"], change["new_qualifier"], unit),
             submitted=_value(change.get("submitted_value"), change.get("submitted_qualifier"), unit),
             current=_value(change.get("current_value"), change.get("current_qualifier"), unit))


def run_pending(args) -> int:
    con = open_initialised(args)
    try:
        institution = choose_institution(con, args.institution)[0] if args.institution else None
        if institution is not None:
            require_in(con, args, "view", institution)
        found = review.listed(con, institution=institution)
        if args.user:
            seen = rights.visible(con, acting_user(con, args))
            found = [p for p in found if seen is None or p.institution_id in seen]
    finally:
        con.close()
    if args.json:
        print_json([{"batch_id": p.batch_id, "institution": p.institution, "kind": p.kind, "file_name": p.file_name,
                     "submitted_by": p.submitted_by, "submitted_at": p.submitted_at, "changes": p.changes,
                     "warnings": [n.message(args.lang) for n in p.warnings]} for p in found])
        return 0
    if not found:
        print(t("review.cli.none", args.lang))
    cat = catalog.load()
    for p in found:
        print(t("review.cli.line", args.lang, batch_id=p.batch_id, kind=t(f"batch.kind.{p.kind}", args.lang),
                what=review.described(p, args.lang, cat), user=p.submitted_by, time=clock.format_time(p.submitted_at, args.lang),
                count=len(p.changes)))
        for change in p.changes:
            print(change_line(change, args.lang, cat))
        for notice in p.warnings:
            print("  " + t("intake.cli.warning", args.lang, message=notice.message(args.lang)))
    return 0


def run_approve(args) -> int:
    con = open_initialised(args)
    try:
        actor, role = acting_user(con, args), acting_role(con, args, review.get(con, args.batch_id).institution_id)
        try:
            counts = review.approve(con, args.batch_id, actor=actor, role=role, over_conflicts=args.over_conflicts)
        except review.ReviewRefused as refused:
            cat = catalog.load()
            for conflict in refused.conflicts:
                print(change_line(conflict, args.lang, cat, "review.cli.conflict"), file=sys.stderr)
            raise
    finally:
        con.close()
    print(t("review.approved", args.lang, batch_id=args.batch_id, inserted=counts.inserted, updated=counts.updated))
    return 0


def run_reject(args) -> int:
    con = open_initialised(args)
    try:
        role = acting_role(con, args, review.get(con, args.batch_id).institution_id)
        review.reject(con, args.batch_id, actor=acting_user(con, args), role=role, reason=args.reason)
    finally:
        con.close()
    print(t("review.rejected", args.lang, batch_id=args.batch_id, reason=args.reason.strip()))
    return 0


def run_setting(args) -> int:
    con = open_initialised(args)
    try:
        institution, name = choose_institution(con, args.institution)
        review.set_required(con, institution, args.state == "on", actor=acting_user(con, args),
                            role=acting_role(con, args, institution))
    finally:
        con.close()
    print(t(f"review.setting_{args.state}", args.lang, institution=name))
    return 0
