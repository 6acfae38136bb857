"""Traditional Chinese to simplified (OpenCC) for reading a report, one character for one character."""

from __future__ import annotations

from functools import lru_cache

from opencc import OpenCC


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified script, of the same length, so that every place in it is a place in `text`.

    OpenCC converts by phrase; a phrase whose simplified form differs in length is converted
    character by character instead, so that quotes can still be cut from the original text.
    """
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for ch in text:
        one = _converter().convert(ch)
        out.append(one if len(one) == 1 else ch)
    return "".join(out)


def restorer(original: str, plain: str):
    """A function giving back, for a passage of `plain`, the same passage as `original` writes it."""
    if original == plain:
        return lambda passage: passage

    def restore(passage: str) -> str:
        if not passage:
            return passage
        at = plain.find(passage)
        return original[at: at + len(passage)] if at >= 0 else passage

    return restore
