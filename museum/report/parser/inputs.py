"""Report files to plain text: .txt bytes in any common encoding, .html pages, .docx documents.

Table structure survives as text: cells are separated by " | " and rows by new lines, so the
layout reader sees the same shape whether the page was pasted, saved or exported to Word.
"""

from __future__ import annotations

import io
import re
from html import unescape
from html.parser import HTMLParser

from museum.errors import InputRejected
from museum.report.parser import safety

# Files no encoding makes a text of: OLE2 (Word 97–2003 .doc, WPS .wps, .xls), PDF, RTF, PNG, JPEG, GIF
_NOT_TEXT = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF", b"{\\rtf", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "ul", "ol", "caption", "title"}
_SKIP_TAGS = {"script", "style", "head", "noscript", "template"}


def decode(content: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with: UTF-8 (with or without BOM), else GB18030, else UTF-16."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8"), "utf-8-sig"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16"), "utf-16"
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if not _looks_utf16(content):
        try:
            return content.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            return content.decode(codec), "utf-16"
        except UnicodeDecodeError:
            continue
    raise InputRejected("report.undecodable")


def _looks_utf16(content: bytes) -> bool:
    """UTF-16 without a BOM: every second byte of ASCII text is zero."""
    sample = content[:2000]
    return len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4


class _HtmlText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag == "tr" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "tr" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """Visible text of a page; table cells separated by " | ", rows and blocks by new lines."""
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    text = unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = [re.sub(r"^\s*\|\s*", "", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip(" |"))


def docx_to_text(content: bytes, name: str = "") -> str:
    """Paragraphs and table rows of a Word document, in document order (`content` has passed
    report_parser.safety.check_report_bytes: its size, zip limits and DTDs are checked)."""
    from lxml import etree

    try:
        return _docx_lines(content)
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 — anything python-docx or lxml raises on a hostile file is a refusal
        # never the library's words: they are English and may quote the file
        key = "report.bad_docx_xml" if isinstance(exc, etree.LxmlError) else "report.bad_docx"
        raise InputRejected(key, name=name or "—") from exc


def _docx_lines(content: bytes) -> str:
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(content))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats across the columns it spans
                        continue
                    seen.add(id(cell._tc))
                    cells.append("\n".join(p.text for p in cell.paragraphs).strip())
                lines.append(" | ".join(cells) + " |")
    return "\n".join(lines)


def read_report_bytes(content: bytes, file_name: str = "") -> tuple[str, str]:
    """(text, how it was read) for a .txt, .html or .docx report."""
    if safety.is_zip(content):  # by content: a .docx renamed .txt is still a zip (and was checked as one)
        return docx_to_text(content, file_name), "docx"
    if content.startswith(_NOT_TEXT):  # an old .doc/.wps (or .xls), a PDF, a picture: say what to do with it
        raise InputRejected("report.not_text_file", name=file_name or "—")
    name = file_name.lower()
    text, encoding = decode(content)
    if name.endswith((".html", ".htm")) or re.search(r"<(html|body|table|td|p|div)\b", text[:5000], re.I):
        return html_to_text(text), f"html/{encoding}"
    return text, encoding
