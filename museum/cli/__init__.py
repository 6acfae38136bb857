"""`python -m museum`: the command line, mirroring what the pages do.

Each subcommand lives in its own module with `register(subparsers, common)`; every subcommand
accepts `--db PATH` after its name. Exit codes (DESIGN §8): 0 ok, 1 input rejected,
2 usage error, 3 database busy. Errors print their detailed text (with paths and holders), never
a traceback; files a command creates (database, WAL, backups, packs) are private to its user.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from datetime import datetime, timezone

from museum import settings
from museum.errors import MuseumError

# Subcommand modules, in the order `--help` lists them.
COMMAND_MODULES = [
    "museum.cli.init",
    "museum.cli.kpis",
    "museum.cli.compare",
    "museum.cli.demo",
    "museum.cli.ingest",
    "museum.cli.entry",
    "museum.cli.review",
    "museum.cli.values",
    "museum.cli.batches",
    "museum.cli.rollback",
    "museum.cli.report",
    "museum.cli.export",
    "museum.cli.monthly",
    "museum.cli.targets",
    "museum.cli.self_evaluation",
    "museum.cli.forms",
    "museum.cli.sheets",
    "museum.cli.institutions",
    "museum.cli.users",
    "museum.cli.audit",
    "museum.cli.backup",
    "museum.cli.returns",
    "museum.cli.db_roles",
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
    # When the command started, before the slow imports below: a restore refuses to replace writes
    # made after this moment (another command's import may land while this one is starting).
    started_at = datetime.now(timezone.utc).replace(tzinfo=None)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.started_at = started_at
    lang = args.lang or settings.language()
    args.lang = lang
    # The database and its WAL hold password hashes; DuckDB creates its files with the umask's mode.
    umask = os.umask(0o077)
    try:
        return _run(args, lang)
    finally:
        os.umask(umask)


def _run(args, lang: str) -> int:
    import duckdb

    from museum.i18n import t

    try:
        return args.handler(args) or EXIT_OK
    except MuseumError as exc:
        print(exc.detail(lang), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # the reader (e.g. `| head`) closed the pipe: stop quietly, as Unix tools do
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
    except duckdb.Error as exc:
        # a statement outside museum.store.db's wrappers failed: still a message, never a traceback
        from museum.store.errors import database_error

        error = database_error(exc, settings.db_path(getattr(args, "db", None)))
        print(error.detail(lang), file=sys.stderr)
        return error.exit_code
    except OSError as exc:
        print(t("cli.file_error", lang, file=exc.filename or "—", reason=os_reason(exc, lang)), file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        print(t("cli.interrupted", lang), file=sys.stderr)
        return 130


def os_reason(exc: OSError, lang: str) -> str:
    """The reason of a failed file operation in the user's language (the common ones translated)."""
    import errno

    from museum.i18n import t

    known = {errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full", errno.EFBIG: "too_large", errno.EROFS: "read_only",
             errno.EACCES: "denied", errno.EPERM: "denied", errno.ENOENT: "missing", errno.EISDIR: "is_dir"}
    reason = known.get(exc.errno)
    return t(f"cli.file_reason.{reason}", lang) if reason else (exc.strerror or type(exc).__name__)
