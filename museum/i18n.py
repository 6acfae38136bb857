"""Translation layer: every user-facing string is looked up here by key, in zh (default) or en.

Messages live in `museum/locale/*.py`, one module per area, each defining
`MESSAGES = {key: (zh, en)}`; keys are unique across modules (checked on load).
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import lru_cache

LANGUAGES = ("zh", "en")


@lru_cache(maxsize=1)
def catalog() -> dict[str, tuple[str, str]]:
    import museum.locale as locale_pkg

    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(locale_pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"museum.locale.{info.name}")
        for key, pair in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} is defined twice (museum/locale/{info.name}.py)")
            if len(pair) != 2:
                raise RuntimeError(f"message {key!r} needs exactly (zh, en)")
            merged[key] = pair
    return merged


def t(key: str, lang: str = "zh", **params) -> str:
    """The message `key` in `lang`, formatted with `params`. An unknown key fails loudly.

    A parameter that reads differently per language (a `Name`, a `Listing`, a `Phrase`) is
    written in `lang` too, so that an English message never carries Chinese names or 、."""
    zh, en = catalog()[key]
    text = en if lang == "en" else zh
    return text.format(**{name: in_language(value, lang) for name, value in params.items()}) if params else text


def quoted(names) -> "Listing":
    """Names from a file (columns, sheets) in a message: 「列」 in Chinese, “column” in English."""
    return Listing.of(Phrase.of("text.quoted", name=str(name)) for name in names)


def in_language(value, lang: str):
    """A message parameter as written in `lang` (plain values as they are)."""
    return value.text(lang) if isinstance(value, (Name, Listing, Phrase)) else value


@dataclass(frozen=True)
class Name:
    """A name that has both languages (a metric's 名称 / name)."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Phrase:
    """A message inside a message: one item of a list, written by its own key."""

    key: str
    params: tuple = ()  # (name, value) pairs: a frozen dataclass must hash

    @classmethod
    def of(cls, key: str, **params) -> "Phrase":
        return cls(key, tuple(params.items()))

    def text(self, lang: str) -> str:
        return t(self.key, lang, **dict(self.params))


@dataclass(frozen=True)
class Listing:
    """Items of a message: 、 (or ；between clauses) in Chinese, a comma (or ;) in English, and
    how many more there are beyond those shown."""

    items: tuple
    more: int = 0
    clauses: bool = False

    @classmethod
    def of(cls, items, *, limit: int | None = None, clauses: bool = False) -> "Listing":
        items = tuple(items)
        shown = items if limit is None else items[:limit]
        return cls(shown, len(items) - len(shown), clauses)

    def text(self, lang: str) -> str:
        separator = ("; " if self.clauses else ", ") if lang == "en" else ("；" if self.clauses else "、")
        written = separator.join(str(in_language(item, lang)) for item in self.items)
        return written + (f"{separator}…(+{self.more})" if self.more else "")


def has(key: str) -> bool:
    return key in catalog()
