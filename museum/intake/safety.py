"""Checks on uploaded bytes before any parser touches them: size, and .xlsx zip bombs.

Streamlit refuses uploads above `server.maxUploadSize`, but that is a browser-side setting of one
front end; the intake code calls `check_upload_size` again so the limit holds for every caller.

An .xlsx file is a zip archive. `check_xlsx_safety` reads only the archive's directory (no
decompression) and refuses archives whose declared uncompressed sizes, compression ratios or
entry counts no real workbook has. The declared sizes can be trusted as bounds: Python's zipfile
stops decompressing an entry at its declared size (and then fails the CRC check), so a lying
header cannot make it inflate more than was declared; the intake reads every XML part of a
workbook with it (museum.intake.workbook) before python-calamine sees the file.
"""

from __future__ import annotations

import io
import zipfile

from museum import settings
from museum.errors import InputRejected

MAX_XLSX_ENTRIES = 2000
# Worksheet XML compresses well (repeated tags), typically 5–30x and rarely beyond 100x; bombs
# reach 1000x. Small entries may have any ratio: they cannot do harm.
MAX_XLSX_RATIO = 200
RATIO_CHECK_FROM_BYTES = 1024 * 1024


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def check_upload_size(size: int, *, limit: int | None = None) -> None:
    """Refuse an upload larger than MUSEUM_MAX_UPLOAD_MB (the same limit as config.toml)."""
    limit = settings.max_upload_bytes() if limit is None else limit
    if size > limit:
        raise InputRejected("safety.upload_too_large", size_mb=_mb(size), limit_mb=_mb(limit))


def check_xlsx_safety(content: bytes, **limits) -> None:
    """Raise InputRejected unless `content` is a zip archive safe to hand to openpyxl."""
    check_zip_safety(content, kind=".xlsx", **limits)


def check_zip_safety(
    content: bytes,
    *,
    kind: str = ".xlsx",
    max_uncompressed: int | None = None,
    max_entries: int = MAX_XLSX_ENTRIES,
    max_ratio: float = MAX_XLSX_RATIO,
) -> None:
    """The same checks for any zip-based office file (`kind` names it in messages: .xlsx, .docx)."""
    check_upload_size(len(content))
    max_uncompressed = settings.xlsx_max_uncompressed_bytes() if max_uncompressed is None else max_uncompressed
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise InputRejected("safety.xlsx_not_zip", kind=kind) from exc
    if len(entries) > max_entries:
        raise InputRejected("safety.xlsx_too_many_entries", kind=kind, entries=len(entries), limit=max_entries)
    total = sum(entry.file_size for entry in entries)
    if total > max_uncompressed:
        raise InputRejected("safety.xlsx_too_big_unpacked", kind=kind, size_mb=_mb(total), limit_mb=_mb(max_uncompressed))
    for entry in entries:
        if entry.file_size < RATIO_CHECK_FROM_BYTES:
            continue
        ratio = entry.file_size / max(entry.compress_size, 1)
        if ratio > max_ratio:
            raise InputRejected("safety.xlsx_ratio", kind=kind, entry=entry.filename, ratio=f"{ratio:.0f}", limit=f"{max_ratio:g}")


def part_with_dtd(archive: zipfile.ZipFile) -> str | None:
    """The first XML part that declares a DTD or an entity (no real office file does; an
    entity-expansion bomb must), or None.

    Every XML part is read whole, by Python's zipfile, which stops at the size the archive declares
    (checked against the limits before) and fails the CRC check of a part that lies about it.
    """
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        head = archive.read(info)[:4096]
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            return info.filename
    return None
