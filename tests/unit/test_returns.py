"""Returns between installs (issue 24): package on a unit's install, receive on the sponsor's.

The round trip gives the sponsor the unit's values, qualifiers, notes, sentences, records and
targets of the period exactly; a later return of the same period (or of a month inside it)
replaces the earlier one and nothing is counted twice; rolling the receipt back restores what
was there; keys are trusted only by an admin and a known unit's key never changes silently.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from museum import demo, period as periods
from museum.access import auth
from museum.cli import main
from museum.intake import ingest
from museum.returns import keys, parts, receive as receiving
from museum.store import audit, batches, db
from museum.targets import store as target_store

UNIT = "西安市科学技术馆"


@pytest.fixture
def unit(db_path):
    """A unit's install: the embedded 2024 report, the demo history and one 2024 target."""
    with db.session(db_path) as con:
        institution = batches.institution_id(con, UNIT, create=False)
        demo.load(con, institution, actor="test")
        with batches.one_batch(con, "targets", institution=institution, actor="test", action="targets_import") as opened:
            target_store.insert_target(con, institution, 2024, opened.batch_id, {
                "position": 1, "level1": "产出指标", "level2": "数量指标", "indicator": "科普图文", "operator": ">=",
                "target_value": 6000.0, "target_text": "≥6000篇", "unit": "篇", "weight": 10.0, "metric_id": "posts"})
            opened.detail = "target"
    return db_path


@pytest.fixture
def sponsor(copy_database, seeded_template):
    """A fresh sponsor's install (the embedded data only)."""
    return copy_database(seeded_template, "sponsor")


def package(path, period: str, out, *extra) -> dict:
    assert main(["package", "--period", period, "--out", str(out), "--db", str(path), *extra]) == 0
    with zipfile.ZipFile(out) as archive:
        return json.loads(archive.read("manifest.json"))


def receive(path, package_path, *extra, capsys) -> dict:
    capsys.readouterr()
    code = main(["receive", str(package_path), "--json", "--db", str(path), *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def holdings(path, period: str) -> dict:
    """What the institution holds for the period, part by part, as a package would carry it."""
    with db.session(path) as con:
        institution = batches.institution_id(con, UNIT, create=False)
        found = parts.gather(con, institution, periods.parse(period))
    return {part: sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rows) for part, rows in found.items()}


@pytest.mark.parametrize("period", ["2024", "2025-Q1"])
def test_round_trip_gives_identical_values_qualifiers_and_sources(unit, sponsor, tmp_path, period, capsys):
    manifest = package(unit, period, tmp_path / "return.zip")
    sent = holdings(unit, period)
    assert manifest["institution"] == UNIT and manifest["period"] == period
    assert {name: part["rows"] for name, part in manifest["parts"].items()} == {
        f"{part}.json": len(rows) for part, rows in sent.items()}
    assert len(sent["observations"]) > 10
    if period == "2024":  # a whole year carries the report's sentences, qualifiers and records, and targets
        assert any('"at_least"' in row or '"approx"' in row for row in sent["observations"])
        assert sent["profile"] and sent["awards"] and sent["research"] and len(sent["targets"]) == 1
    result = receive(sponsor, tmp_path / "return.zip", "--trust-new-key", capsys=capsys)
    assert list(result) == ["status", "batch_id", "institution", "period", "inserted", "updated", "unchanged"]
    assert (result["status"], result["institution"], result["period"]) == ("committed", UNIT, period)
    assert holdings(sponsor, period) == sent
    with db.session(sponsor) as con:
        batch = db.query(con, "batch_by_id", batch_id=result["batch_id"]).iloc[0]
    # the demo history (2025) stays marked as demo on the sponsor's install; the 2024 report is real
    assert batch["kind"] == "return" and bool(batch["is_demo"]) == manifest["demo"] == (period == "2025-Q1")


def _current_rows(path, period: str) -> int:
    return len(holdings(path, period)["observations"])


def test_a_later_return_replaces_the_earlier_one_and_nothing_counts_twice(unit, sponsor, tmp_path, capsys):
    package(unit, "2025-Q1", tmp_path / "q1.zip")
    receive(sponsor, tmp_path / "q1.zip", "--trust-new-key", capsys=capsys)
    # the unit corrects February, then sends February alone (a month inside a quarter received)
    with db.session(unit) as con:
        institution = batches.institution_id(con, UNIT, create=False)
        with batches.one_batch(con, "correction", institution=institution, actor="test", action="correction") as opened:
            opened.counts = batches.write_observations(con, opened.batch_id, institution, [
                {"metric_id": "posts", "year": 2025, "month": 2, "value": 999.0, "qualifier": "approx", "note": "更正",
                 "sentence": None},
                {"metric_id": "livestreams", "year": 2025, "month": 2, "platform": "douyin", "value": 4.0,
                 "qualifier": "exact", "note": None, "sentence": None}])
            opened.detail = "correction"
    package(unit, "2025-02", tmp_path / "feb.zip")
    result = receive(sponsor, tmp_path / "feb.zip", capsys=capsys)
    assert (result["inserted"], result["updated"]) == (1, 1)
    assert holdings(sponsor, "2025-Q1") == holdings(unit, "2025-Q1")
    # the whole quarter again, as the unit now holds it: everything unchanged, still no duplicates
    package(unit, "2025-Q1", tmp_path / "q1-again.zip")
    again = receive(sponsor, tmp_path / "q1-again.zip", capsys=capsys)
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, _current_rows(unit, "2025-Q1"))
    assert holdings(sponsor, "2025-Q1") == holdings(unit, "2025-Q1")


def test_a_value_the_unit_withdrew_is_retired_by_its_next_return(unit, sponsor, tmp_path, capsys):
    with db.session(unit) as con:
        institution = batches.institution_id(con, UNIT, create=False)
        with batches.one_batch(con, "correction", institution=institution, actor="test", action="correction") as opened:
            opened.counts = batches.write_observations(con, opened.batch_id, institution, [
                {"metric_id": "livestreams", "year": 2025, "month": 3, "platform": "bilibili", "value": 2.0,
                 "qualifier": "exact", "note": None, "sentence": None}])
            opened.detail = "correction"
        added = opened.batch_id
    package(unit, "2025-03", tmp_path / "with.zip")
    receive(sponsor, tmp_path / "with.zip", "--trust-new-key", capsys=capsys)
    with db.session(unit) as con:
        ingest.rollback(con, added, actor="test")
    package(unit, "2025-03", tmp_path / "without.zip")
    result = receive(sponsor, tmp_path / "without.zip", capsys=capsys)
    assert result["updated"] == 1
    assert holdings(sponsor, "2025-03") == holdings(unit, "2025-03")


def test_rolling_the_receipt_back_restores_what_was_there(unit, sponsor, tmp_path, capsys):
    before = holdings(sponsor, "2024")
    package(unit, "2024", tmp_path / "year.zip")
    result = receive(sponsor, tmp_path / "year.zip", "--trust-new-key", capsys=capsys)
    assert holdings(sponsor, "2024") != before
    assert main(["rollback", str(result["batch_id"]), "--db", str(sponsor)]) == 0
    assert holdings(sponsor, "2024") == before


def test_dry_run_and_refusals_write_nothing(unit, sponsor, tmp_path, capsys):
    package(unit, "2025-Q1", tmp_path / "q1.zip")
    with db.session(sponsor) as con:
        batches_before = len(db.query(con, "batches"))
    valid = receive(sponsor, tmp_path / "q1.zip", "--trust-new-key", "--dry-run", capsys=capsys)
    assert valid["status"] == "valid" and valid["batch_id"] is None and valid["inserted"] > 0
    assert main(["receive", str(tmp_path / "q1.zip"), "--db", str(sponsor)]) == 1  # unknown key, not trusted
    assert "--trust-new-key" in capsys.readouterr().err
    with db.session(sponsor) as con:
        auth.add_user(con, "编辑甲", "editor", "correct horse battery", actor="test")
    assert main(["receive", str(tmp_path / "q1.zip"), "--trust-new-key", "--user", "编辑甲", "--db", str(sponsor)]) == 1
    assert "管理员" in capsys.readouterr().err
    with db.session(sponsor) as con:
        assert len(db.query(con, "batches")) == batches_before
        assert keys.trusted_key(con, batches.institution_id(con, UNIT, create=False)) is None


def test_a_new_unit_is_created_and_its_key_registered_with_an_audit_line(sponsor, tmp_path, capsys, copy_database):
    unit_path = copy_database(sponsor, "unit")
    with db.session(unit_path) as con:  # a second unit on the unit's install, with one value
        with db.transaction(con):
            institution = batches.institution_id(con, "科技交流馆")
        with batches.one_batch(con, "correction", institution=institution, actor="test", action="correction") as opened:
            opened.counts = batches.write_observations(con, opened.batch_id, institution, [
                {"metric_id": "posts", "year": 2025, "month": 5, "value": 42.0, "qualifier": "exact", "note": None,
                 "sentence": "五月发布图文42篇。"}])
            opened.detail = "one value"
    manifest = package(unit_path, "2025-05", tmp_path / "new.zip", "--institution", "科技交流馆")
    by_id = package(unit_path, "2025-05", tmp_path / "by-id.zip", "--institution", str(institution))
    assert (by_id["institution"], by_id["key"]) == ("科技交流馆", manifest["key"])  # one key per unit, kept
    result = receive(sponsor, tmp_path / "new.zip", "--trust-new-key", capsys=capsys)
    assert (result["institution"], result["inserted"]) == ("科技交流馆", 1)
    with db.session(sponsor) as con:
        created = batches.institution_id(con, "科技交流馆", create=False)
        assert keys.trusted_key(con, created)[0] == manifest["key"]["key_id"]
        details = " ".join(db.query(con, "audit_entries", user_name=None, action="return_key", since=None, until=None, text=None, max_rows=10)["detail"])
    assert keys.fingerprint(keys.decode_public(manifest["key"]["public_key"])) in details


def test_the_package_holds_no_private_key_and_is_audited(unit, tmp_path):
    content_path = tmp_path / "q1.zip"
    package(unit, "2025-Q1", content_path)
    with db.session(unit) as con:
        institution = batches.institution_id(con, UNIT, create=False)
        _key_id, private, public = db.rows(con, "return_signing_key_get", institution_id=institution)[0]
        actions = list(db.query(con, "audit_entries", user_name=None, action=None, since=None, until=None, text=None, max_rows=20)["action"])
    content = content_path.read_bytes()
    with zipfile.ZipFile(content_path) as archive:
        unpacked = b"".join(archive.read(name) for name in archive.namelist())
    for secret in (bytes(private), keys.encode(bytes(private)).encode(), bytes(private).hex().encode()):
        assert secret not in content and secret not in unpacked
    assert keys.encode(bytes(public)).encode() in unpacked
    assert "return_package" in actions and "return_key" in actions
    assert oct(content_path.stat().st_mode & 0o777) == "0o600"


def test_a_return_in_the_name_of_this_installs_own_unit_needs_its_own_key(unit, sponsor, tmp_path, capsys):
    """The unit's install holds its own private key: a package claiming to be from it but signed by
    another install's key is refused even with --trust-new-key; its own package is received."""
    package(unit, "2025-Q1", tmp_path / "own.zip")
    package(sponsor, "2025-Q1", tmp_path / "foreign.zip")  # the same unit's name, another install's key
    before = holdings(unit, "2025-Q1")
    assert main(["receive", str(tmp_path / "foreign.zip"), "--trust-new-key", "--db", str(unit)]) == 1
    assert "不是该单位已登记的密钥" in capsys.readouterr().err
    assert holdings(unit, "2025-Q1") == before
    assert receive(unit, tmp_path / "own.zip", capsys=capsys)["status"] == "committed"


def test_only_an_admin_of_the_unit_receives_its_return(unit, sponsor, tmp_path, capsys):
    """Issue 24: every write path checks the acting account's role in that unit; a receipt writes the
    unit's figures, so a viewer or an editor is refused (audited) and nothing changes."""
    package(unit, "2025-Q1", tmp_path / "q1.zip")
    package(unit, "2025-04", tmp_path / "april.zip")
    with db.session(sponsor) as con:
        auth.add_user(con, "管理员甲", "admin", "correct horse battery", actor="test")
        auth.add_user(con, "观众乙", "viewer", "correct horse battery", actor="test")
        auth.add_user(con, "编辑丙", "editor", "correct horse battery", actor="test")
    receive(sponsor, tmp_path / "q1.zip", "--trust-new-key", "--user", "管理员甲", capsys=capsys)
    with db.session(sponsor) as con:
        before = len(db.query(con, "batches"))
    for user in ("观众乙", "编辑丙"):
        capsys.readouterr()
        assert main(["receive", str(tmp_path / "april.zip"), "--user", user, "--db", str(sponsor)]) == 1
        assert "接收报送包" in capsys.readouterr().err
    with db.session(sponsor) as con:
        assert len(db.query(con, "batches")) == before
        refused = audit.entries(con, action="access_refused")
    assert len(refused) == 2
    assert receive(sponsor, tmp_path / "april.zip", "--user", "管理员甲", capsys=capsys)["status"] == "committed"


def test_an_older_return_never_replaces_a_newer_one(unit, sponsor, tmp_path, capsys, monkeypatch):
    """A package made before one already received for the same months (delayed or replayed) is refused,
    and the newer figures stay; a package made later still replaces them."""
    from museum.returns import package as packages

    made = iter(["2025-05-01T08:00:00Z", "2025-05-02T08:00:00Z", "2025-05-03T08:00:00Z"])
    real_manifest = packages.unsigned_manifest

    def dated(*args, **kwargs):
        return real_manifest(*args, **{**kwargs, "created_at": next(made)})

    monkeypatch.setattr(packages, "unsigned_manifest", dated)
    for name in ("v1.zip", "v2.zip", "v3.zip"):
        package(unit, "2025-04", tmp_path / name)
    receive(sponsor, tmp_path / "v2.zip", "--trust-new-key", capsys=capsys)
    capsys.readouterr()
    assert main(["receive", str(tmp_path / "v1.zip"), "--db", str(sponsor)]) == 1
    assert "较旧的数字" in capsys.readouterr().err
    assert main(["receive", str(tmp_path / "v1.zip"), "--dry-run", "--db", str(sponsor)]) == 1
    assert receive(sponsor, tmp_path / "v3.zip", capsys=capsys)["status"] == "committed"
