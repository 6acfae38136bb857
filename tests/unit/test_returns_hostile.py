"""Hostile return packages (issue 24): each file of tests/data/returns/make_packages.py is refused
with its own message, even with --trust-new-key, and leaves every table but the audit trail as it was."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from museum.cli import main
from museum.errors import InputRejected
from museum.i18n import t
from museum.returns import receive as receiving
from museum.store import db
from tests.tables import dump

CORPUS = Path(__file__).resolve().parents[1] / "data" / "returns"
_spec = importlib.util.spec_from_file_location("make_packages", CORPUS / "make_packages.py")
make_packages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_packages)

EXPECTED = {
    "tampered_part.zip": "returns.part_changed",
    "tampered_manifest.zip": "returns.bad_signature",
    "bad_signature.zip": "returns.bad_signature",
    "swapped_key.zip": "returns.bad_signature",
    "truncated.zip": "returns.not_zip",
    "not_a_zip.zip": "returns.not_zip",
    "replayed_for_b.zip": "returns.other_key",
    "relabelled_unsigned.zip": "returns.bad_signature",
    "other_key_for_a.zip": "returns.other_key",
    "oversized.zip": "safety.upload_too_large",
    "zip_bomb.zip": "safety.xlsx_ratio",
    "path_traversal.zip": "returns.unexpected_part",
    "absolute_path.zip": "returns.unexpected_part",
    "duplicated_part.zip": "returns.duplicate_part",
    "missing_part.zip": "returns.missing_part",
    "wrong_count.zip": "returns.wrong_count",
    "out_of_period.zip": "returns.out_of_period",
    "bad_value.zip": "returns.bad_row",
    "bad_manifest.zip": "returns.bad_manifest",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("returns")
    made = make_packages.build(out)
    assert set(made) == set(EXPECTED) | {"good_a.zip", "good_b.zip"}
    return out


@pytest.fixture
def sponsor(db_path, corpus, monkeypatch):
    """A sponsor's install that has received and trusted one real return of each unit."""
    monkeypatch.setenv("MUSEUM_MAX_UPLOAD_MB", "2")
    for name in ("good_a.zip", "good_b.zip"):
        assert main(["receive", str(corpus / name), "--trust-new-key", "--db", str(db_path)]) == 0
    return db_path


def test_the_corpus_is_byte_reproducible(corpus, tmp_path):
    again = tmp_path / "again"
    make_packages.build(again)
    assert {p.name: p.read_bytes() for p in again.iterdir()} == {p.name: p.read_bytes() for p in corpus.iterdir()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_package_is_refused_and_changes_nothing(name, corpus, sponsor, capsys):
    content = (corpus / name).read_bytes()
    before = dump(sponsor)
    with pytest.raises(InputRejected) as refused:
        package = receiving.open_package(content, name)
        with db.session(sponsor) as con:
            receiving.commit(con, package, actor="test", trust_new_key=True)
    assert refused.value.key == EXPECTED[name]
    capsys.readouterr()
    assert main(["receive", str(corpus / name), "--trust-new-key", "--json", "--db", str(sponsor)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == refused.value.detail("zh")
    assert dump(sponsor) == before
    with db.session(sponsor) as con:  # the refusal is on the trail, with the file and the check
        last = db.query(con, "audit_entries", user_name=None, action=None, since=None, until=None, text=None, max_rows=1)
    assert (last["action"][0], last["detail"][0]) == ("upload_rejected", f"return {name} refused: {EXPECTED[name]}")


def test_a_real_package_of_the_corpus_is_received(corpus, sponsor, capsys):
    """The baseline the hostile files are made from is itself good: received once, then a duplicate."""
    capsys.readouterr()
    assert main(["receive", str(corpus / "good_a.zip"), "--db", str(sponsor), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == t("cli.returns.duplicate", "en", batch_id=2 + _first_batch(sponsor))


def _first_batch(path) -> int:
    with db.session(path) as con:
        return int(con.execute("select min(batch_id) from batch where kind = 'return'").fetchone()[0]) - 2
