"""The project's own errors: each carries a message key and parameters, rendered in one place.

An error has two texts. `message(lang)` is what any visitor of the dashboard may read: for the
database errors it names neither the database path nor another process's PID nor DuckDB's own
words. `detail(lang)` is the full text for the command line and the server's log (where, what,
and what to do, with the path). For most errors the two are the same.
"""

from __future__ import annotations

from museum.i18n import t


class MuseumError(Exception):
    """An error a person can act on. `exit_code` follows DESIGN §8."""

    exit_code = 1
    # The key of the visitor-safe text when it differs from the detailed one (a class default,
    # or given per error as `visitor_key=`).
    visitor_key: str | None = None

    def __init__(self, key: str, /, *, visitor_key: str | None = None, **params):
        super().__init__(key)
        self.key = key
        self.params = params
        if visitor_key is not None:
            self.visitor_key = visitor_key

    def message(self, lang: str = "zh") -> str:
        """The text for anyone, including visitors who are not signed in."""
        return t(self.visitor_key or self.key, lang, **self.params)

    def detail(self, lang: str = "zh") -> str:
        """The full text (with paths and holders) for the CLI, admins and the log."""
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.detail("en")


class InputRejected(MuseumError):
    """The input (a file, a value, an argument's content) was refused; nothing changed."""

    exit_code = 1


class UsageError(MuseumError):
    exit_code = 2


class DatabaseBusy(MuseumError):
    """Another process holds the database (writing, restoring, or serving a restore refusal)."""

    exit_code = 3
    visitor_key = "db.busy_visitor"


class DatabaseError(MuseumError):
    exit_code = 1
