"""Account names: one spelling per name (NFKC), and no letters that only look like Latin or Chinese ones.

A name is normalised to NFKC before it is stored or looked up, so full-width ｌｉ．ｎａ and 𝐥𝐢 are
the account li.na and li. After that it may hold Chinese characters (CJK ideographs), Latin
letters (ASCII and the accented letters of Latin-1 and Latin Extended-A/B, e.g. pinyin ǎ), ASCII
digits and . _ - @ (so that e-mail addresses work), 1–64 characters. Letters of any other script
— Cyrillic а, Greek ο, Cherokee Ꭺ … — are refused: they are how a look-alike of another account's
name is made.
"""

from __future__ import annotations

import unicodedata

from museum.errors import InputRejected

MAX_NAME_CHARS = 64
# Longer input is never normalised or looked up: NFKC can expand text, and nobody types this much.
MAX_TYPED_CHARS = 256
PUNCTUATION = frozenset(".@_-")


def _latin(ch: str) -> bool:
    code = ord(ch)
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or (0xC0 <= code <= 0x24F and ch not in "×÷")


def _han(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3134F
            or 0xF900 <= code <= 0xFAFF or code == 0x3007)


def normalise(name: str) -> str:
    """The stored spelling of a typed name: NFKC, without surrounding white space."""
    return unicodedata.normalize("NFKC", name).strip()


def shown(name: str) -> str:
    """A name as a message may quote it: at most 64 characters, control characters made visible."""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else "�" for ch in name[:MAX_NAME_CHARS])
    return text + ("…" if len(name) > MAX_NAME_CHARS else "")


def foreign_letters(name: str) -> list[str]:
    """The letters of `name` that are neither Latin nor Chinese (each once, in order)."""
    found: list[str] = []
    for ch in name:
        if ch.isdigit() and not ch.isascii():
            found.append(ch)
        elif ch.isalpha() and not (_latin(ch) or _han(ch)) and ch not in found:
            found.append(ch)
    return found


def validate(name) -> str:
    """The normalised name, or InputRejected saying what is wrong with it."""
    if not isinstance(name, str) or len(name) > MAX_TYPED_CHARS:
        raise InputRejected("auth.bad_name", name=shown(name if isinstance(name, str) else ""))
    normal = normalise(name)
    if not 1 <= len(normal) <= MAX_NAME_CHARS:
        raise InputRejected("auth.bad_name", name=shown(normal))
    foreign = foreign_letters(normal)
    if foreign:
        codes = "、".join(f"{ch} U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch in foreign[:3])
        raise InputRejected("auth.name_foreign_letters", name=shown(normal), letters=codes)
    if any(not (_latin(ch) or _han(ch) or ("0" <= ch <= "9") or ch in PUNCTUATION) for ch in normal):
        raise InputRejected("auth.bad_name", name=shown(normal))
    return normal
