"""Traditional Chinese to simplified (OpenCC) and full-width digits to ASCII for reading a report, one
character for one character."""

from __future__ import annotations

import re
from functools import lru_cache

from opencc import OpenCC


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified script with ASCII digits, of the same length, so that every place in it is a place
    in `text`.

    OpenCC converts by phrase; a phrase whose simplified form differs in length is converted
    character by character instead, so that quotes can still be cut from the original text.
    """
    converted = _converter().convert(text)
    if len(converted) != len(text):
        converted = "".join(one if len(one := _converter().convert(ch)) == 1 else ch for ch in text)
    return _ascii_digits(converted)


# "２０２３年度", "５２．３万人次" (typed with a full-width input method): digits, and a point between digits
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９％", "0123456789%")


def _ascii_digits(text: str) -> str:
    text = text.translate(_FULL_WIDTH_DIGITS)
    if "．" in text:
        text = re.sub(r"(?<=\d)．(?=\d)", ".", text)
    if "，" in text:  # "６，８００平方米": a thousands separator, not the end of a clause
        text = re.sub(r"(?<=\d)，(?=\d{3}(?!\d))", ",", text)
    return text


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
