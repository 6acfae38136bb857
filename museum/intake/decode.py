"""Bytes -> text, in Python (DESIGN §5): BOM, UTF-8, GBK/GB18030, UTF-16; and the delimiter.

DuckDB is never asked to decode: its GBK support needs an extension download that fails offline.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pyarrow as pa

from museum import settings
from museum.intake.problems import FileRejected

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls format
DELIMITERS = (",", "\t", ";")
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\x0c"}


HEAD_CHARS = 65536  # what the checks of a whole file look at: its first 64K characters


class Decoded:
    """A text upload's encoding and its text. A UTF-8 upload keeps its own bytes (`utf8`) and is
    decoded only when something asks for the whole text: the fast CSV reader reads the bytes."""

    def __init__(self, encoding: str, text: str | None = None, utf8: bytes | None = None):
        self.encoding = encoding   # utf-8 | utf-8-sig | gbk | gb18030 | utf-16
        self.utf8 = utf8           # the text as UTF-8 bytes, when at hand without encoding it
        self._text = text

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.utf8.decode("utf-8")
        return self._text

    def head(self, chars: int = HEAD_CHARS) -> str:
        """The first `chars` characters (all of them in a shorter text)."""
        if self._text is not None:
            return self._text[:chars]
        # four bytes at most per character; the bytes are valid UTF-8, so only a character cut at
        # the end of the slice can fail to decode, and it lies beyond the first `chars`
        return self.utf8[: chars * 4 + 4].decode("utf-8", errors="ignore")[:chars]


ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_HTML_START = (b"<html", b"<!doctype html", b"<table", b"<head", b"<meta", b"<body", b"<?xml")


def file_kind(content: bytes) -> str:
    """What the bytes are, whatever the file is called: 'xlsx' (a zip: Office Open XML), 'ods'
    (a zip whose first entry names the OpenDocument type), 'xls' (the OLE2 container of BIFF
    .xls), 'html' (a page or a bare table, as some platforms save under an .xls name), else 'text'."""
    if content.startswith(ZIP_MAGIC):
        return "ods" if ODS_MIMETYPE in content[:256] else "xlsx"
    if content.startswith(OLE2_MAGIC):
        return "xls"
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_HTML_START) and (b"<table" in content[:65536].lower() or b"<html" in head or b"<!doctype html" in head):
        return "html"
    return "text"


def check_size(content: bytes) -> None:
    limit = settings.max_upload_bytes()
    if len(content) > limit:
        raise FileRejected("intake.error.too_large", size_mb=f"{len(content) / 1048576:.1f}", limit_mb=f"{limit / 1048576:.0f}")
    if not content or content.isspace():  # isspace stops at the first other byte; strip would copy the file
        raise FileRejected("intake.error.empty_file")


def _looks_utf16(sample: bytes) -> str | None:
    """Excel's "Unicode 文本" has a BOM; without one, ASCII text shows NULs on one side."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def decode(content: bytes) -> Decoded:
    """The file's text and the encoding it was read with; FileRejected when it is not text."""
    if content.startswith(b"\xef\xbb\xbf"):
        return _strict(content[3:], "utf-8", "utf-8-sig")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(content, "utf-16", "utf-16")
    utf16 = _looks_utf16(content[:4096])
    if utf16:
        return _strict(content, utf16, "utf-16")
    if b"\x00" in content[:65536]:
        raise FileRejected("intake.error.not_text")
    if _valid_utf8(content):
        decoded = Decoded("utf-8", utf8=content)
        _check_controls(decoded.head())
        return decoded
    try:
        return _checked(content.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_failure = exc.start
    _refuse_mixed(content, utf8_failure)
    for codec in ("gbk", "gb18030"):
        try:
            text = content.decode(codec)
        except UnicodeDecodeError:
            continue
        return _checked(text, codec)
    raise FileRejected("intake.error.not_text")


MIXED_MIN_CHARS = 4  # Chinese characters read as UTF-8 before the first byte that is not UTF-8


def _refuse_mixed(content: bytes, position: int) -> None:
    """A file that is valid UTF-8 (with Chinese text) up to some byte and not after it was
    pasted together from two encodings: reading it all as GBK would garble the first part."""
    prefix = content[:position].decode("utf-8")
    if sum(1 for ch in prefix if ord(ch) > 0x7F) >= MIXED_MIN_CHARS:
        raise FileRejected("intake.error.mixed_encoding", position=f"{position:,}", line=prefix.count("\n") + 1)


def _valid_utf8(content: bytes) -> bool:
    """Whether the bytes are UTF-8 (the same verdict as Python's decoder), checked by Arrow over
    the bytes in place: a quarter of the time of decoding, and no copy of the file as text."""
    offsets = pa.py_buffer(np.array([0, len(content)], dtype=np.int64))
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(content)]).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _strict(content: bytes, codec: str, label: str) -> Decoded:
    try:
        text = content.decode(codec)
    except UnicodeDecodeError as exc:
        raise FileRejected("intake.error.bad_encoding", encoding=label, position=exc.start) from exc
    decoded = _checked(text.lstrip("\ufeff"), label)
    if label == "utf-8-sig":
        decoded.utf8 = content  # the bytes after the BOM, for the fast reader
    return decoded


def _check_controls(sample: str) -> None:
    controls = sum(1 for ch in sample if ch in _CONTROL)
    if controls > max(2, len(sample) // 1000):
        raise FileRejected("intake.error.not_text")


def _checked(text: str, label: str) -> Decoded:
    _check_controls(text[:HEAD_CHARS])
    return Decoded(label, text)


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of fields most often."""
    lines = [line for line in text[:65536].splitlines()[:50] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)]
        counts = [c for c in counts if c > 1]
        if not counts:
            continue
        modal = max(set(counts), key=counts.count)
        score = (counts.count(modal), modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best
