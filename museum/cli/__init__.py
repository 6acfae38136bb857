"""`python -m museum`: the command line, mirroring what the pages do.

Each subcommand lives in its own module with `register(subparsers, common)`; every subcommand
accepts `--db PATH` after its name. Exit codes (DESIGN §8): 0 ok, 1 input rejected,
2 usage error, 3 database busy.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from museum import settings
from museum.errors import MuseumError

# Subcommand modules, in the order `--help` lists them.
COMMAND_MODULES = [
    "museum.cli.init",
    "museum.cli.kpis",
    "museum.cli.demo",
    "museum.cli.ingest",
    "museum.cli.values",
    "museum.cli.batches",
    "museum.cli.rollback",
    "museum.cli.report",
    "museum.cli.export",
    "museum.cli.users",
    "museum.cli.audit",
    "museum.cli.backup",
]

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 3


def common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="database file (default: $MUSEUM_DB, else data/museum.duckdb)")
    common.add_argument("--lang", choices=("zh", "en"), default=None, help="language of messages (default: $MUSEUM_LANG, else zh)")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m museum", description="科技馆运营看板 command line")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = common_options()
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or settings.language()
    args.lang = lang
    try:
        return args.handler(args) or EXIT_OK
    except MuseumError as exc:
        print(exc.message(lang), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # the reader (e.g. `| head`) closed the pipe: stop quietly, as Unix tools do
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
    except KeyboardInterrupt:
        from museum.i18n import t

        print(t("cli.interrupted", lang), file=sys.stderr)
        return 130
