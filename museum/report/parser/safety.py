"""Limits a report's bytes must pass before any decoder or XML parser sees them, on every path.

A real 事业单位法人年度报告 is under 100 KB as text and under 1 MB as a Word file. Reading costs
many times the input (decoded text, lxml trees of every part of a .docx), so a report is refused
by size before it is decoded, and anything that is a zip archive — whatever its name says — is
checked as a .docx with a much lower unpacked limit than a workbook, and refused when one of its
XML parts declares a DTD (entity expansion). The page, the paste box and the CLI all go through
`check_report_bytes` (via report_parser.parse_bytes) and the CLI through `check_report_file` first.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from museum.intake import safety as upload_safety
from museum.errors import InputRejected

# Measured (tests/data/report/hostile/measure.py): a 1 MB text costs the parser about 80 MB and a
# few seconds, 4 MB of .docx XML about 200 MB (lxml trees); a real report is under 100 KB.
MAX_REPORT_BYTES = 2 * 1024 * 1024          # any report file: 20 times the largest real one
MAX_DOCX_UNPACKED_BYTES = 8 * 1024 * 1024   # every part, images included
MAX_DOCX_XML_BYTES = 4 * 1024 * 1024        # the parts lxml parses (Word's own template: under 1 MB)
MAX_DOCX_ENTRIES = 200
ZIP_MAGIC = b"PK\x03\x04"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def is_zip(content: bytes) -> bool:
    """A zip archive by its content (local header, or an empty archive's end record), not its name."""
    return content.startswith((ZIP_MAGIC, b"PK\x05\x06"))


def check_report_size(size: int, name: str) -> None:
    if size > MAX_REPORT_BYTES:
        raise InputRejected("report.too_large", name=name or "—", size_mb=_mb(size), limit_mb=_mb(MAX_REPORT_BYTES))


def check_report_bytes(content: bytes, name: str = "") -> None:
    """Raise InputRejected unless `content` is small enough to read, and safe to read as a .docx if it is a zip."""
    check_report_size(len(content), name)
    if not is_zip(content):
        return
    upload_safety.check_zip_safety(content, kind=".docx", max_uncompressed=MAX_DOCX_UNPACKED_BYTES,
                                   max_entries=MAX_DOCX_ENTRIES)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = sum(i.file_size for i in archive.infolist() if i.filename.endswith((".xml", ".rels")))
        if xml > MAX_DOCX_XML_BYTES:
            raise InputRejected("safety.xlsx_too_big_unpacked", kind=".docx", size_mb=_mb(xml), limit_mb=_mb(MAX_DOCX_XML_BYTES))
        part = upload_safety.part_with_dtd(archive)
    if part is not None:
        raise InputRejected("report.docx_dtd", name=name or "—", part=part)


def check_report_file(path: Path) -> tuple[bytes | None, str]:
    """(bytes, sha256) of a report file, or (None, sha256) when it is too large to read: its digest
    is taken piece by piece, for the rejection's audit line, and the file is never held in memory."""
    size = path.stat().st_size
    if size <= MAX_REPORT_BYTES:
        content = path.read_bytes()
        return content, hashlib.sha256(content).hexdigest()
    with path.open("rb") as handle:
        return None, hashlib.file_digest(handle, "sha256").hexdigest()
