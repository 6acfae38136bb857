"""Rights per institution on the pages (issue 24, AppTest): the sidebar offers only the units an account may
see; a replayed institution id of another unit is not taken; every write page refuses an account without
the role in the unit shown, with an audit line and the data tables unchanged; the admin page grants and creates."""

from __future__ import annotations


from museum import institutions
from museum.access import auth, rights
from museum.intake import ingest
from museum.store import audit, db
from tests.app.conftest import open_page, signed_in, texts, unescaped
from tests.tables import dump

UNIT_B = "梧桐县青少年科技馆"


def run(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def two_units(path) -> int:
    """Unit B (2) with one upload of its own, and accounts: ed_a (editor of A only), mixed (editor of A,
    viewer of B)."""
    with db.session(path) as con:
        b = institutions.add(con, UNIT_B, actor="test")
        ingest.ingest(con, b, "年份,指标,数值\r\n2024,posts,100\r\n".encode(), "b.csv", actor="test")
        auth.add_user(con, "ed_a", "editor", "password-1", actor="test", institutions=[1])
        auth.add_user(con, "mixed", "editor", "password-1", actor="test", institutions=[1])
        rights.grant(con, "mixed", b, "viewer", actor="test")
    return b


def session_of(path, name: str) -> dict:
    with db.session(path) as con:
        user = auth.get_user(con, name)
    return {"access_user": {"name": name, "role": user.role, "via": "password", "credential_version": user.credential_version},
            "access_last_activity": auth.utc_now()}


def refusals(path, user: str) -> list[str]:
    with db.session(path, read_only=True) as con:
        return list(audit.entries(con, user=user, action="access_refused")["detail"])


def chooser(at):
    return [s for s in at.sidebar.selectbox if s.key == "institution"]


def test_the_sidebar_offers_only_the_units_an_account_may_see(app_db):
    two_units(app_db)
    assert chooser(open_page(None, session=session_of(app_db, "ed_a"))) == []  # one unit: no chooser at all
    mixed = chooser(open_page(None, session=session_of(app_db, "mixed")))
    assert sorted(mixed[0].options) == sorted(["西安市科学技术馆", UNIT_B])
    with db.session(app_db) as con:
        institutions.add(con, "科普基地", actor="test")  # granted to nobody: only admins see it
    assert sorted(chooser(open_page(None, session=session_of(app_db, "mixed")))[0].options) == sorted(["西安市科学技术馆", UNIT_B])
    assert sorted(chooser(open_page(None, session=signed_in("admin")))[0].options) == sorted(["西安市科学技术馆", UNIT_B, "科普基地"])


def test_a_replayed_id_of_an_unseen_unit_shows_the_own_unit_and_is_audited(app_db):
    b = two_units(app_db)
    before = dump(app_db)
    # the session's institution as a replayed sidebar message would set it: B, which ed_a may not see
    at = open_page(None, session={**session_of(app_db, "ed_a"), "institution": b})
    shown = texts(at)
    assert UNIT_B not in shown and "所请求的单位不在您可查看的范围内" in shown and "西安市科学技术馆" in shown
    at.switch_page("app_pages/upload.py")
    run(at)
    assert UNIT_B not in texts(at) and not at.error  # the upload page works on ed_a's own unit
    assert refusals(app_db, "ed_a") == [f"refused view in institution #{b}"]
    assert dump(app_db) == before


def test_the_upload_page_refuses_a_unit_where_the_account_only_views(app_db):
    b = two_units(app_db)
    before = dump(app_db)
    at = open_page("app_pages/upload.py", session={**session_of(app_db, "mixed"), "institution": b})
    assert [unescaped(e.value) for e in at.error] == [
        f"账号“mixed”在“{UNIT_B}”没有上传数据的权限，未做任何更改。如确需操作，请管理员在该单位授予相应角色"
        "（系统管理 → 单位权限，或 python -m museum users grant）。"]
    assert not [u for u in at.get("file_uploader")] and not [i for i in at.text_input if i.key == "correction_value"]
    assert refusals(app_db, "mixed") == [f"refused upload in institution #{b}"]
    run(at)  # a rerun (any click) says it again, and the trail keeps one line
    assert refusals(app_db, "mixed") == [f"refused upload in institution #{b}"]
    assert dump(app_db) == before


def test_targets_edit_refuses_and_the_draft_has_no_fields_to_edit(app_db):
    b = two_units(app_db)
    before = dump(app_db)
    at = open_page("app_pages/targets_edit.py", session={**session_of(app_db, "mixed"), "institution": b})
    assert len(at.error) == 1 and "没有修改数据的权限" in unescaped(at.error[0].value)
    assert not at.tabs
    draft = open_page("app_pages/report_draft.py", session={**session_of(app_db, "mixed"), "institution": b})
    assert [a for a in draft.text_area] == []
    own = open_page("app_pages/report_draft.py", session=session_of(app_db, "mixed"))
    assert len(own.text_area) > 0  # in its own unit the editor edits
    assert refusals(app_db, "mixed") == [f"refused correct in institution #{b}"]
    assert dump(app_db) == before


def test_history_rollback_of_another_units_batch_is_refused(app_db):
    b = two_units(app_db)
    with db.session(app_db) as con:
        batch_b = int(con.execute("select max(batch_id) from batch where institution_id = ?", [b]).fetchone()[0])
    before = dump(app_db)
    at = open_page("app_pages/history.py", session=session_of(app_db, "mixed"))
    at.selectbox(key="history_batch").select(batch_b)
    run(at)
    at.checkbox(key=f"history_confirm_{batch_b}").check()
    run(at)
    at.button(key=f"history_rollback_{batch_b}").click()
    run(at)
    assert any(f"账号“mixed”在“{UNIT_B}”没有撤销批次的权限" in unescaped(e.value) for e in at.error)
    assert refusals(app_db, "mixed") == [f"refused rollback in institution #{b}"]
    assert dump(app_db) == before
    only_a = open_page("app_pages/history.py", session=session_of(app_db, "ed_a"))
    assert batch_b not in only_a.selectbox(key="history_batch").options  # a unit it may not see is not listed


def test_the_admin_page_grants_a_unit_and_creates_one(app_db):
    two_units(app_db)
    at = open_page("app_pages/admin.py", session=signed_in("admin"))
    at.selectbox(key="unit_rights_account").select("ed_a")
    at.selectbox(key="unit_rights_unit").select(2)
    at.selectbox(key="unit_rights_role").select("sponsor")
    run(at)
    at.button(key="unit_rights_grant").click()
    run(at)
    assert f"已授予“ed_a”在“{UNIT_B}”的角色：举办单位（只读）。" in texts(at)
    assert any("举办单位（只读）" in set(d.value.iloc[:, -1]) for d in at.dataframe if len(d.value.columns) == 3)
    at.text_input(key="new_unit_name").input("科普基地")
    next(b for b in at.button if b.label == "新建").click()
    run(at)
    assert "已新建单位“科普基地”。" in texts(at)
    with db.session(app_db, read_only=True) as con:
        assert "科普基地" in set(institutions.table(con)["name"])


def test_a_report_of_a_unit_the_editor_only_views_is_refused(app_db):
    from tests.unit.test_report_import import DATA

    b = two_units(app_db)
    before = dump(app_db)
    at = open_page("app_pages/report_import.py", session=session_of(app_db, "mixed"))
    at.text_area(key="report_text").input((DATA / "cell_per_line.txt").read_text(encoding="utf-8"))
    run(at)
    assert any(f"账号“mixed”在“{UNIT_B}”没有导入年度报告的权限" in unescaped(e.value) for e in at.error)
    assert [btn for btn in at.button if btn.key == "report_commit"] == []
    assert refusals(app_db, "mixed") == [f"refused import_report in institution #{b}"]
    assert dump(app_db) == before


def test_the_admin_page_sets_an_existing_units_sponsor(app_db):
    two_units(app_db)
    at = open_page("app_pages/admin.py", session=signed_in("admin"))
    at.selectbox(key="sponsor_unit").select(1)
    at.selectbox(key="sponsor_of_unit").select(2)
    next(b for b in at.button if b.label == "保存举办单位").click()
    run(at)
    assert f"“西安市科学技术馆”的举办单位现为“{UNIT_B}”。" in texts(at)
    with db.session(app_db, read_only=True) as con:
        table = institutions.sponsors(con)
    assert int(table[table["institution_id"] == 1]["sponsor_id"].iloc[0]) == 2
