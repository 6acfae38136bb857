"""报送包 page: an editor makes and downloads the period's return; an admin uploads one, confirms a
new key after seeing its fingerprint, and receives it; a hostile package is refused with its message."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from museum.i18n import t
from museum.store import db
from tests.app.conftest import open_page, signed_in, texts, unescaped

PAGE = "app_pages/returns.py"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "returns"
_spec = importlib.util.spec_from_file_location("make_packages", CORPUS / "make_packages.py")
make_packages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_packages)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("returns")
    make_packages.build(out)
    return out


def return_batches(path) -> list[tuple]:
    with db.session(path) as con:
        frame = db.query(con, "batches")
    frame = frame[frame["kind"] == "return"]
    return list(zip(frame["institution"], frame["file_name"], frame["inserted"]))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_editor_makes_the_periods_return_and_cannot_receive(app_db, lang):
    at = open_page(PAGE, lang, session=signed_in("editor"))
    assert [e.value for e in at.title] == [t("page.returns", lang)]
    assert not at.get("file_uploader")
    assert t("returns.ui.receive_admins", lang) in texts(at)
    at.button(key="returns_make").click().run()
    assert not at.exception
    assert any(t("returns.ui.download", lang) == d.proto.label for d in at.get("download_button"))
    with db.session(app_db) as con:
        fingerprint_line = unescaped([s.value for s in at.success][0])
        key_id = con.execute("select key_id from return_signing_key").fetchone()[0]
    assert "-".join(key_id[i:i + 4] for i in range(0, 16, 4)) in fingerprint_line


def test_an_admin_receives_a_new_units_return_after_confirming_its_key(app_db, corpus):
    at = open_page(PAGE, "zh", session=signed_in("admin"))
    at.file_uploader(key="returns_upload_0").upload("good_a.zip", (corpus / "good_a.zip").read_bytes(), "application/zip").run()
    assert not at.exception and not at.error
    shown = texts(at)
    fingerprint = make_packages.keys.fingerprint(make_packages.KEY_A[1])
    assert fingerprint in shown and make_packages.UNIT_A in shown
    receive = next(b for b in at.button if b.key.startswith("returns_receive_"))
    assert receive.disabled  # not before the admin confirms the fingerprint
    assert return_batches(app_db) == []
    next(c for c in at.checkbox if c.key.startswith("returns_trust_")).check().run()
    next(b for b in at.button if b.key.startswith("returns_receive_")).click().run()
    assert not at.exception and not at.error
    assert return_batches(app_db) == [(make_packages.UNIT_A, "good_a.zip", 4)]
    assert "批次" in " ".join(unescaped(s.value) for s in at.success)
    assert [i.value for i in at.info] == [t("returns.ui.waiting", "zh")]  # the uploader is empty again


@pytest.mark.parametrize("name, key", [("tampered_part.zip", "returns.part_changed"), ("truncated.zip", "returns.not_zip")])
def test_a_hostile_package_is_refused_on_the_page(app_db, corpus, name, key):
    at = open_page(PAGE, "en", session=signed_in("admin"))
    at.file_uploader(key="returns_upload_0").upload(name, (corpus / name).read_bytes(), "application/zip").run()
    assert not at.exception
    assert [unescaped(e.value) for e in at.error] == [t(key, "en", name=name, part="observations.json")]
    assert not [b for b in at.button if b.key.startswith("returns_receive_")]
    assert return_batches(app_db) == []
    with db.session(app_db) as con:
        trail = db.query(con, "audit_entries", user_name=None, action="upload_rejected", since=None, until=None, text=None,
                         max_rows=10)
    assert list(trail["detail"]) == [f"return {name} refused: {key}"]
