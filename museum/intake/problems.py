"""Problems found in an upload: errors (the file is rejected) and warnings (shown, not blocking).

A problem keeps its message key and parameters, so it is rendered in whichever language the
reader uses; the row is the row number Excel shows (the header is usually row 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from museum.errors import InputRejected
from museum.i18n import t


@dataclass(frozen=True)
class Problem:
    key: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str = "zh") -> str:
        return t(self.key, lang, **self.params)

    def as_json(self, lang: str = "zh") -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "message": self.message(lang)}


@dataclass(frozen=True)
class Notice:
    """A warning: the file is accepted, but a person should look at this."""

    key: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        return t(self.key, lang, **self.params)


class FileRejected(InputRejected):
    """The file as a whole cannot be read (not text, damaged, too large); carries one Problem."""

    def __init__(self, key: str, **params):
        super().__init__(key, **params)
        self.problem = Problem(key, params=params)
