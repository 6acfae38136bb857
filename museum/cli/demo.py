"""`python -m museum demo [--remove]`: load (or remove) clearly marked synthetic history."""

from __future__ import annotations

from museum import demo
from museum.cli.common import add_unit_options, choose_institution, cli_actor, open_initialised
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("demo", parents=[common], help="load synthetic demo history (marked 示例数据)")
    parser.add_argument("--remove", action="store_true", help="roll the demo data back instead")
    add_unit_options(parser)
    parser.set_defaults(handler=run)


def run(args) -> int:
    con = open_initialised(args)
    try:
        if args.remove:
            done = demo.remove(con, actor=cli_actor())
            print(t("cli.demo.removed", args.lang, batch_id=", ".join(map(str, done))) if done else t("cli.demo.none", args.lang))
            return 0
        institution, _ = choose_institution(con, args.institution)
        batch_id, rows = demo.load(con, institution, actor=cli_actor())
    finally:
        con.close()
    print(t("cli.demo.loaded", args.lang, batch_id=batch_id, rows=rows))
    return 0
