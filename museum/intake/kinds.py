"""Files that are not sheets (a Word report, a photo, a PDF): what they are and where they go."""

from __future__ import annotations

import io
import zipfile

from museum.intake.problems import Problem

_IMAGES = ((b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"))
_HEIF_BRANDS = (b"heic", b"heix", b"mif1", b"msf1", b"avif")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _suffix(file_name: str) -> str:
    return file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""


def _zip_kind(content: bytes) -> str | None:
    """What an Office Open XML / OpenDocument / plain zip holds; None for a workbook (or a damaged
    zip, which the workbook reader explains)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return None
    if any(n.startswith("word/") for n in names) or b"opendocument.text" in mimetype:
        return "word"
    if any(n.startswith("ppt/") for n in names) or b"opendocument.presentation" in mimetype:
        return "slides"
    if any(n.startswith("xl/") for n in names) or b"opendocument.spreadsheet" in mimetype:
        return None
    return "archive"


def kind(content: bytes, file_name: str) -> tuple[str, str] | None:
    """(kind, format) of a file that holds no table, from its first bytes (the name only where
    the bytes are shared, as .doc and .xls are): word, pdf, image, slides, media, archive."""
    head = content[:16]
    for magic, name in _IMAGES:
        if head.startswith(magic):
            return "image", name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image", "WebP"
    if head[4:8] == b"ftyp":
        return ("image", "HEIC") if head[8:12] in _HEIF_BRANDS else ("media", _suffix(file_name).upper() or "MP4")
    if head.startswith(b"%PDF"):
        return "pdf", "PDF"
    if head.startswith(b"{\\rtf"):
        return "word", "RTF"
    if head.startswith(_OLE) and _suffix(file_name) in ("doc", "wps", "dot"):
        return "word", _suffix(file_name).upper()
    if head.startswith(_OLE) and _suffix(file_name) in ("ppt", "dps"):
        return "slides", _suffix(file_name).upper()
    if head.startswith(b"PK\x03\x04"):
        found = _zip_kind(content)
        return None if found is None else (found, _suffix(file_name).upper() or "ZIP")
    return None


def not_a_sheet(content: bytes, file_name: str) -> Problem | None:
    """The refusal for a file that is no sheet, naming what it is and where it goes; else None."""
    found = kind(content, file_name)
    if found is None:
        return None
    return Problem(f"intake.error.kind_{found[0]}", params={"file": file_name, "format": found[1]})
