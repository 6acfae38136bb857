"""`python -m museum demo [--units N] [--remove]`: load (or remove) clearly marked synthetic history, and units to compare."""

from __future__ import annotations

from museum import demo, demo_units
from museum.cli.common import add_unit_options, choose_institution, cli_actor, open_initialised
from museum.errors import UsageError
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("demo", parents=[common], help="load synthetic demo history (marked 示例数据)")
    parser.add_argument("--remove", action="store_true", help="roll the demo data back instead")
    add_unit_options(parser)
    parser.add_argument("--units", type=int, default=1, metavar="N",
                        help=f"how many units to fill, 1–{demo_units.MOST}: more than 1 adds synthetic units to compare")
    parser.set_defaults(handler=run)


def run(args) -> int:
    con = open_initialised(args)
    try:
        if args.remove:
            done = demo.remove(con, actor=cli_actor())
            print(t("cli.demo.removed", args.lang, batch_id=", ".join(map(str, done))) if done else t("cli.demo.none", args.lang))
            return 0
        if not 1 <= args.units <= demo_units.MOST:
            raise UsageError("demo.units.invalid", most=demo_units.MOST)
        institution, _ = choose_institution(con, args.institution)
        batch_id, rows = demo.load(con, institution, actor=cli_actor())
        units = demo_units.load(con, args.units - 1, museum=institution, actor=cli_actor())
    finally:
        con.close()
    print(t("cli.demo.loaded", args.lang, batch_id=batch_id, rows=rows))
    if units:
        print(t("cli.demo.units_loaded", args.lang, names=t("compare.name_separator", args.lang).join(n for n, _ in units),
                batches=", ".join(f"#{b}" for _, b in units)))
    return 0
