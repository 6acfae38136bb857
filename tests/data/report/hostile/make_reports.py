"""Build the hostile annual-report corpus (issue 20): oversized texts, .docx bombs and hostile XML.

Run `python tests/data/report/hostile/make_reports.py DIR [--full]`. Nothing here is committed but
this script: tests/unit/test_report_hostile.py builds the corpus into a temporary directory (the
same bytes every run: fixed dates, a seeded generator) and states each file's one outcome.
Without --full the large files are scaled down to just past the limits they test (the same code
path, seconds instead of minutes); --full writes the sizes measured in the issue (a 47 MB text,
a 30 MB .docx of 199 MB ordinary paragraphs) for the memory measurement in the closing note.
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORTS = HERE.parent

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MB = 1024 * 1024


def zip_parts(parts: list[tuple[str, bytes | list]]) -> bytes:
    """A zip with fixed dates; a part given as a list of pieces is written piece by piece (a bomb's
    hundreds of MB are never one string in memory)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts:
            entry = zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            with target.open(entry, "w", force_zip64=True) as part:
                for piece in (content if isinstance(content, list) else [content]):
                    for _ in range(piece[1] if isinstance(piece, tuple) else 1):
                        part.write(piece[0] if isinstance(piece, tuple) else piece)
    return out.getvalue()


def docx(*body, doctype: str = "") -> bytes:
    """A minimal Word document whose body is `body` (raw WordprocessingML pieces, a (piece, times) pair
    repeated), optionally with a DTD."""
    pieces = [(p[0].encode("utf-8"), p[1]) if isinstance(p, tuple) else p.encode("utf-8") for p in body]
    document = [f'{HEAD}{doctype}<w:document xmlns:w="{W}"><w:body>'.encode(), *pieces, b"</w:body></w:document>"]
    return zip_parts([("[Content_Types].xml", CONTENT_TYPES.encode()), ("_rels/.rels", ROOT_RELS.encode()),
                      ("word/document.xml", document)])


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def report_paragraphs() -> str:
    """The committed plain report (label: value lines) as paragraphs: a real report's body."""
    lines = (REPORTS / "label_value.txt").read_text(encoding="utf-8").splitlines()
    return "".join(paragraph(line.replace("&", "&amp;").replace("<", "&lt;")) for line in lines)


def ordinary_text(size: int, seed: int) -> str:
    """`size` bytes (UTF-8) of varied Chinese sentences: compresses like a real document (about 1:7)."""
    rng = random.Random(seed)
    words = ["科普", "展览", "活动", "观众", "讲座", "青少年", "科技", "教育", "场馆", "志愿者", "开放", "服务", "项目", "实验"]
    out, total = [], 0
    while total < size:
        sentence = "".join(rng.choice(words) for _ in range(rng.randint(6, 18))) + f"{rng.randint(1, 9999)}次。"
        out.append(sentence)
        total += len(sentence.encode("utf-8"))
    return "".join(out)


def build(out: Path, *, full: bool = False) -> dict[str, str]:
    """Write every hostile report into `out`; returns name -> what it is."""
    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, str] = {}

    def add(name: str, content: bytes, what: str) -> None:
        (out / name).write_bytes(content)
        made[name] = what

    report = (REPORTS / "label_value.txt").read_bytes()
    filler = "，".join(["本年度开展科普活动并接待观众"] * 40).encode("utf-8") + b"\n"
    target = (47 if full else 6) * MB
    add("huge_text.txt", report + filler * (target // len(filler)), "a real report padded with prose to 47 MB (6 MB scaled)")

    paragraphs_size = (199 if full else 24) * MB
    chunk = ordinary_text(64 * 1024, seed=20)
    add("ordinary_big.docx", docx(report_paragraphs(), (paragraph(chunk), paragraphs_size // len(chunk.encode("utf-8")))), "a report with 199 MB of ordinary paragraphs (24 MB scaled), within every xlsx limit")

    bomb = docx(report_paragraphs(), "<w:p><w:r><w:t>", ("科" * MB, 100 if full else 20), "</w:t></w:r></w:p>")
    add("zip_bomb.docx", bomb, "one paragraph of 300 MB (60 MB scaled) compressed about 1000:1")
    add("zip_bomb_renamed.txt", bomb, "the same bomb named .txt")
    add("zip_bomb_pasted.txt", bomb, "the same bomb's bytes, as a paste would send them")

    laughs = '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9)) + "]>"
    add("billion_laughs.docx", docx(report_paragraphs() + paragraph("&j;"), doctype=laughs), "entity expansion to 10^10 characters")
    add("external_entity.docx", docx(report_paragraphs() + paragraph("&x;"),
                                     doctype='<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
        "an external entity naming a local file")
    depth = 5000
    nested = "<w:tbl><w:tr><w:tc>" * depth + paragraph("深") + "</w:tc></w:tr></w:tbl>" * depth
    add("deep_nesting.docx", docx(report_paragraphs() + nested), "tables nested 5,000 deep")
    add("broken_xml.docx", docx(report_paragraphs() + "<w:p><w:r><w:t>未闭合"), "document.xml cut off mid-element")
    add("no_document.docx", zip_parts([("[Content_Types].xml", CONTENT_TYPES.encode())]), "a zip without a document part")
    add("real_report.docx", docx(report_paragraphs()), "the plain report as a .docx (must be read)")
    return made


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    for name, what in build(Path(arguments[0]) if arguments else HERE / "out", full="--full" in sys.argv).items():
        print(f"{name}: {what}")
