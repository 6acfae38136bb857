"""Roles and row-level security on the PostgreSQL store (issue 25, "Tenancy"; docs/deployment.md §5b):
the admin step `python -m museum db roles`, then the app as museum_writer (every write path names
its unit; another unit's rows and a write naming none are refused by the database) and as
museum_reader (reads, never writes). PostgreSQL only."""

from types import SimpleNamespace

import pandas as pd
import psycopg
import pytest

from museum import cli, demo, demo_units, institutions, kpis, seed
from museum.access import auth, rights
from museum.errors import DatabaseError
from museum.intake import corrections, entry, ingest, review
from museum.returns import package
from museum.store import batches, db, pg, views
from museum.targets import edit
from museum import period as periods
from tests.tables import dump


@pytest.fixture(autouse=True)
def postgresql_only(engine, monkeypatch):
    if engine != "postgresql":
        pytest.skip("roles and row-level security exist only on the PostgreSQL store")
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")


@pytest.fixture
def store(empty_db_path, pg_server, monkeypatch, capsys):
    """A database built by the documented admin step, and the URLs of its three roles; the app's
    MUSEUM_DB is the writer's."""
    assert cli.main(["db", "roles", "--db", str(empty_db_path), "--lang", "en"]) == 0
    assert "museum_writer and museum_reader granted" in capsys.readouterr().out
    name = pg_server.name_of(empty_db_path)
    urls = SimpleNamespace(admin=empty_db_path, writer=pg_server.url(name, user="museum_writer"),
                           reader=pg_server.url(name, user="museum_reader"),
                           owner=pg_server.url(name, user="museum_owner"))
    monkeypatch.setenv("MUSEUM_DB", str(urls.writer))
    with db.session(urls.writer) as con:
        urls.a = int(db.query(con, "institutions")["institution_id"].iloc[0])
        urls.b = institutions.add(con, "乙科技馆", actor="admin")  # no policy on the list of units
        corrections.correct_value(con, urls.b, "posts", 2023, None, "120", actor="b-editor")
    return urls


def who(url) -> str:
    with db.session(url) as con:
        return con.execute("select current_user").fetchall()[0][0]


def test_the_admin_step_makes_the_roles_and_is_idempotent(store, capsys, monkeypatch):
    with db.session(store.admin) as con:
        roles = dict(con.execute("select rolname, rolcanlogin from pg_roles where rolname like 'museum_%'").fetchall())
        owners = {row[0] for row in con.execute("select distinct tableowner from pg_tables where schemaname = 'public'")
                  .fetchall()}
        secured = {row[0] for row in con.execute("select relname from pg_class where relrowsecurity").fetchall()}
    assert roles == {"museum_owner": False, "museum_writer": True, "museum_reader": True}
    assert owners == {"museum_owner"}
    assert {"observation", "batch", "target", "entry_draft", "return_signing_key"} <= secured
    assert not {"institution", "membership", "app_user", "audit", "stored_file"} & secured
    # the owner is never the app's login
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(str(store.owner)).close()
    before = dump(store.admin)
    monkeypatch.setenv("MUSEUM_WRITER_PASSWORD", "writer-secret-1")
    assert cli.main(["db", "roles", "--db", str(store.admin), "--lang", "en"]) == 0
    again = capsys.readouterr().out
    assert "roles created: -" in again and "0 migrations applied" in again
    assert dump(store.admin) == before
    with db.session(store.admin) as con:  # the password came from the environment, not the command line
        assert con.execute("select rolpassword is not null from pg_authid where rolname = 'museum_writer'"
                           ).fetchall() == [(True,)]
    assert who(store.writer) == "museum_writer"


def test_a_database_first_built_as_the_admin_is_handed_to_the_owner(empty_db_path, pg_server, capsys):
    with db.session(empty_db_path) as con:
        seed.init(con)  # as before roles: every object is the admin's
    assert cli.main(["db", "roles", "--db", str(empty_db_path), "--lang", "en"]) == 0
    with db.session(empty_db_path) as con:
        others = con.execute("select count(*) from pg_class where relnamespace = 'public'::regnamespace "
                             "and relkind in ('r', 'S') and pg_get_userbyid(relowner) <> 'museum_owner'").fetchall()
    assert others == [(0,)]
    writer = pg_server.url(pg_server.name_of(empty_db_path), user="museum_writer")
    with db.session(writer) as con:
        assert seed.init(con)["migrations"] == []  # a current schema: the start-up needs no DDL


def test_every_write_path_succeeds_as_the_writer_for_its_own_unit(store, tmp_path):
    a = store.a
    with db.session(store.writer) as con:
        assert seed.init(con) == {"migrations": [], "seed_batches": []}  # the dashboard's start-up
        upload = ingest.ingest(con, a, "年份,指标,数值\n2023,posts,4870\n2023,livestreams,7\n".encode(), "a.csv",
                               actor="li")
        assert upload.status == "committed"
        assert ingest.rollback(con, upload.batch_id, actor="li")
        corrected, _ = corrections.correct_value(con, a, "posts", 2022, None, "4000", actor="li")
        typed = entry.submit(con, a, 2025, 4, {"onsite_visitors": "12,000"}, actor="li")
        assert typed.status == "committed"
        entry.save_draft(con, a, 2025, 5, "li", {"onsite_visitors": "100"})
        assert entry.load_draft(con, a, 2025, 5, "li")["cells"] == {"onsite_visitors": "100"}
        entry.drop_draft(con, a, 2025, 5, "li")
        review.set_required(con, a, True, actor="boss", role="admin")
        pending = entry.submit(con, a, 2025, 6, {"onsite_visitors": "9,000"}, actor="li")
        returned = entry.submit(con, a, 2025, 7, {"onsite_visitors": "9,500"}, actor="li")
        assert (pending.status, returned.status) == ("pending", "pending")
        assert review.approve(con, pending.batch_id, actor="boss", role="admin").inserted == 1
        review.reject(con, returned.batch_id, actor="boss", role="admin", reason="请核对")
        review.set_required(con, a, False, actor="boss", role="admin")
        target = edit.add_target(con, a, 2025, {"level1": "产出指标", "level2": "数量指标", "indicator": "科普图文发布",
                                                "target_text": "不少于6000篇", "weight": 20},
                                 actor="li")
        target = edit.edit_target(con, a, target, {"target_text": "≥6500篇"}, actor="li")
        target = edit.set_actual(con, a, target, "6600篇", actor="li")
        edit.set_deviation(con, a, target, "超额完成", actor="li")
        demo.load(con, a, actor="li")
        assert len(demo.remove(con, actor="li")) == 1
        loaded = demo_units.load(con, 2, museum=a, actor="li")  # several units in one transaction
        package.build(con, a, "甲", periods.parse("2023"), actor="li")
        auth.add_user(con, "wang", "editor", "password-1", actor="admin", institutions=[a])
        rights.grant(con, "wang", store.b, "viewer", actor="admin")
    with db.session(store.admin) as con:
        kinds = dict(con.execute("select kind, count(*) from batch where institution_id = $a group by kind",
                                 {"a": a}).fetchall())
        keys = con.execute("select count(*) from return_signing_key where institution_id = $a", {"a": a}).fetchall()
    assert kinds["rollback"] == 2 and kinds["correction"] == 1 and kinds["entry"] == 3 and kinds["demo"] == 1
    assert kinds["target_edit"] == 4 and keys == [(1,)] and len(loaded) == 2
    assert corrected > 0


def test_the_writer_refreshes_the_comparison_view_it_does_not_own(store):
    """Only a materialized view's owner may refresh it; the writer does it through migration 0020's
    security definer function, so 单位对比 never stays behind for want of rights."""
    views.wait()
    with db.session(store.writer) as con:
        corrections.correct_value(con, store.a, "posts", 2021, None, "3210", actor="li")
    views.wait()  # the commit's background refresh, as the writer
    assert views.refresh(str(store.writer)) is False  # already current: the background one did it
    with db.session(store.reader) as con:
        state = views.state(con)
        held = con.execute("select value from compare_values where institution_id = $a and metric_id = 'posts' "
                           "and year = 2021", {"a": store.a}).fetchall()
    assert state is not None and not state.behind and held == [(3210.0,)]
    with db.session(store.admin) as con:
        owner = con.execute("select pg_get_userbyid(relowner) from pg_class where relname = 'compare_values'").fetchall()
    assert owner == [("museum_owner",)]


def test_another_units_rows_are_refused_by_the_database_and_nothing_changes(store):
    before = dump(store.admin)
    with db.session(store.writer) as con:
        with pytest.raises(DatabaseError) as refused:
            with db.transaction(con, institution=store.a):
                batches.create_batch(con, "upload", institution=store.b, user="li", note="B's batch under A")
        assert refused.value.key == "db.institution_refused"
        assert "row-level security" in refused.value.detail("en") and "行级安全" in refused.value.detail("zh")
        with db.transaction(con, institution=store.a):  # B's rows are not A's to change or delete
            changed = con.execute("update observation set value = 0 where institution_id = $b", {"b": store.b})
            assert changed.fetchall() == [(0,)]
            deleted = con.execute("delete from observation where institution_id = $b", {"b": store.b})
            assert deleted.fetchall() == [(0,)]
            moved = con.execute("update observation set institution_id = $a where institution_id = $b",
                                {"a": store.a, "b": store.b})
            assert moved.fetchall() == [(0,)]
        # a batch of A that writes B's values fails whole: A's batch is not left behind either
        with pytest.raises(DatabaseError) as refused:
            with db.transaction(con, institution=store.a):
                batch = batches.create_batch(con, "upload", institution=store.a, user="li", note="A")
                batches.write_observations(con, batch, store.b, [
                    {"metric_id": "posts", "year": 2021, "month": None, "value": 5.0, "qualifier": "exact",
                     "note": None, "sentence": None}])
        assert refused.value.key == "db.institution_refused"
    assert dump(store.admin) == before


def test_a_write_of_unit_rows_without_an_institution_is_refused(store):
    before = dump(store.admin)
    with db.session(store.writer) as con:
        with pytest.raises(DatabaseError) as refused:
            with db.transaction(con):
                batches.create_batch(con, "upload", institution=store.a, user="li", note="no unit named")
        assert refused.value.key == "db.institution_unset"
        assert "did not name the unit" in refused.value.detail("en")
        with pytest.raises(psycopg.Error) as failed:
            with db.transaction(con):
                con.execute("delete from observation where institution_id = $a", {"a": store.a})
        assert pg.database_error(failed.value, store.writer).key == "db.institution_unset"
    assert dump(store.admin) == before


def test_the_reader_reads_the_dashboard_and_cannot_write(store, monkeypatch):
    monkeypatch.setenv("MUSEUM_DB_READER", str(store.reader))
    with db.reading() as con:  # MUSEUM_DB is the writer's: reads go through the reader
        assert con.execute("select current_user").fetchall() == [("museum_reader",)]
        units = db.query(con, "institutions")
        values = kpis.load_values(con, store.a)
        frame = pd.DataFrame({"metric_id": ["posts", "headcount"], "value": [1.0, 2.0]})
        with db.registered(con, frame):  # a page's frame: a temporary table
            assert con.execute("select count(*) from frame").fetchall() == [(2,)]
    assert set(units["institution_id"]) == {store.a, store.b} and not values.empty
    assert db.data_version() == db.data_version()
    assert not db.read(None, "institutions").empty
    before = dump(store.admin)
    with pg.connect(store.reader) as con:  # even a connection that is not read-only may not write
        for statement in ("insert into institution (name) values ('丙')",
                          "update observation set value = 0", "delete from audit"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
                con.execute(statement)
            error = pg.database_error(refused.value, store.reader)
            assert error.key == "db.role_refused" and "MUSEUM_DB_READER" in error.detail("en")
    assert dump(store.admin) == before
    # the writer has no DDL right either (the owner's, through the admin step)
    with db.session(store.writer) as con, pytest.raises(psycopg.errors.InsufficientPrivilege):
        con.execute("create table intruder (x integer)")
