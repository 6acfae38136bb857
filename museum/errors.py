"""The project's own errors: each carries a message key and parameters, rendered in one place."""

from __future__ import annotations

from museum.i18n import t


class MuseumError(Exception):
    """An error a person can act on. `exit_code` follows DESIGN §8."""

    exit_code = 1

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "zh") -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class InputRejected(MuseumError):
    """The input (a file, a value, an argument's content) was refused; nothing changed."""

    exit_code = 1


class UsageError(MuseumError):
    exit_code = 2


class DatabaseBusy(MuseumError):
    """Another process holds the database file's write lock."""

    exit_code = 3


class DatabaseError(MuseumError):
    exit_code = 1
