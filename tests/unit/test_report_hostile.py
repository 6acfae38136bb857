"""Hostile annual reports (issue 20): oversized texts, .docx bombs by any name, DTDs, deep nesting.

Each file of tests/data/report/hostile/make_reports.py has one outcome, on the page's path
(report_parser.parse_bytes, which the upload and the paste box call) and on the CLI's (exit 1, a
message in the user's language, a rejection audit line, never a traceback). Peak memory of a
report read is measured in a child process: it stays near the interpreter's own.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from museum import settings

from museum.report import parser as report_parser
from museum.store import audit
from museum.cli import main
from museum.errors import InputRejected

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "report" / "hostile"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, HOSTILE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_reports, measure = _load("make_reports"), _load("measure")

# what each file must do: the refusal's key, or "read" (a real report)
EXPECTED = {
    "billion_laughs.docx": "report.docx_dtd",
    "broken_xml.docx": "report.bad_docx_xml",
    "deep_nesting.docx": "report.bad_docx_xml",
    "external_entity.docx": "report.docx_dtd",
    "huge_text.txt": "report.too_large",
    "no_document.docx": "report.bad_docx",
    "ordinary_big.docx": "report.too_large",
    "real_report.docx": "read",
    "zip_bomb.docx": "safety.xlsx_too_big_unpacked",
    "zip_bomb_pasted.txt": "safety.xlsx_too_big_unpacked",
    "zip_bomb_renamed.txt": "safety.xlsx_too_big_unpacked",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile_reports")
    make_reports.build(out)
    return out


def test_the_corpus_is_reproducible_and_every_file_has_an_outcome(corpus, tmp_path):
    make_reports.build(tmp_path)
    assert sorted(p.name for p in corpus.iterdir()) == sorted(EXPECTED)
    for name in EXPECTED:
        assert (tmp_path / name).read_bytes() == (corpus / name).read_bytes(), name


def read_or_refusal(path: Path) -> str:
    content = path.read_bytes()
    name = "pasted.txt" if "pasted" in path.name else path.name
    try:
        report_parser.parse_bytes(content, name)
    except InputRejected as refused:
        assert refused.message("zh") != refused.message("en")
        assert "Traceback" not in refused.message("zh") and "lxml" not in refused.detail("zh")
        return refused.key
    return "read"


def test_every_hostile_report_is_refused_with_its_reason_on_the_page_path(corpus, capsys):
    tally = {"refused": 0, "read correctly": 0, "accepted wrongly": 0, "crashed": 0}
    for name, expected in EXPECTED.items():
        try:
            got = read_or_refusal(corpus / name)
        except Exception as exc:  # noqa: BLE001 — counted, then failed below
            got = f"crashed: {type(exc).__name__}"
        tally["crashed" if got.startswith("crashed") else "read correctly" if got == "read" == expected
              else "refused" if got == expected else "accepted wrongly"] += 1
        assert got == expected, name
    with capsys.disabled():
        print(f"\nhostile reports: {tally}")


def test_a_docx_bomb_is_refused_by_content_whatever_its_name(corpus):
    bomb = (corpus / "zip_bomb.docx").read_bytes()
    for name in ("report.txt", "report.html", "", "pasted.txt"):
        with pytest.raises(InputRejected) as refused:
            report_parser.parse_bytes(bomb, name)
        assert refused.value.key == "safety.xlsx_too_big_unpacked"


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e != "read"))
def test_cli_import_refuses_each_with_exit_1_and_an_audit_line(name, corpus, db_path, con, capsys):
    before = len(audit.entries(con, action="upload_rejected"))
    con.close()
    code = main(["import-report", str(corpus / name), "--db", str(db_path), "--lang", "zh"])
    err = capsys.readouterr().err
    assert code == 1 and err.strip() and "Traceback" not in err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err)  # the user's language
    from museum.store import db

    with db.session(db_path, read_only=True) as after:
        lines = audit.entries(after, action="upload_rejected")
    assert len(lines) == before + 1
    assert lines.iloc[0]["detail"] == f"report {name}: 1 problems"


def test_cli_parse_report_refuses_a_large_file_without_reading_it(corpus, capsys, monkeypatch):
    def no_whole_read(self):
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(Path, "read_bytes", no_whole_read)
    assert main(["parse-report", str(corpus / "huge_text.txt"), "--lang", "en"]) == 1
    assert "more than the limit of 2.0 MB" in capsys.readouterr().err


@pytest.fixture(scope="module")
def ordinary_peak_mb() -> int:
    """The peak of reading the real 2024 report in the same run: what any parse-report costs (the
    interpreter with its imports, ~150–300 MB as the package grows), measured here rather than assumed."""
    result = measure.measure(settings.ROOT / "data" / "seed" / "annual-report-2024" / "report.txt")
    assert result["outcome"] == "read", result
    return result["peak_mb"]


@pytest.mark.parametrize("name", ["huge_text.txt", "ordinary_big.docx", "zip_bomb_renamed.txt", "deep_nesting.docx"])
def test_peak_memory_of_a_hostile_report_stays_small(name, corpus, ordinary_peak_mb):
    result = measure.measure(corpus / name)
    assert result["outcome"] == "refused", result
    # a fixed amount whatever the file: the bombs once took 750–2600 MB
    assert result["peak_mb"] < ordinary_peak_mb + 64, (result, ordinary_peak_mb)


def test_the_report_corpus_sizes_pass_the_limits_they_test(corpus):
    from museum.report.parser import safety

    assert (corpus / "huge_text.txt").stat().st_size > safety.MAX_REPORT_BYTES
    assert (corpus / "ordinary_big.docx").stat().st_size > safety.MAX_REPORT_BYTES
    assert (corpus / "zip_bomb.docx").stat().st_size < safety.MAX_REPORT_BYTES
