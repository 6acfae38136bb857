"""Translation layer: every user-facing string is looked up here by key, in zh (default) or en.

Messages live in `museum/locale/*.py`, one module per area, each defining
`MESSAGES = {key: (zh, en)}`; keys are unique across modules (checked on load).
"""

from __future__ import annotations

import importlib
import pkgutil
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
    """The message `key` in `lang`, formatted with `params`. An unknown key fails loudly."""
    zh, en = catalog()[key]
    text = en if lang == "en" else zh
    return text.format(**params) if params else text


def has(key: str) -> bool:
    return key in catalog()
