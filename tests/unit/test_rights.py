"""Rights per institution (issue 24): the decision for every role, and every CLI write path driven as
an editor of unit A against unit B — refused, one audit line, the data tables unchanged."""

import io
import json
import sys

import pytest

from museum.access import auth, rights
from museum.cli import main
from museum.store import audit, db, migrations
from tests.unit.test_report_import import DATA as REPORTS
from tests.tables import dump

INTAKE = REPORTS.parent / "intake"
TARGETS = REPORTS.parent / "targets"
UNIT_B = "梧桐县青少年科技馆"  # the unit of tests/data/report/cell_per_line.txt
SPONSOR = "梧桐县科学技术协会"


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")


def cli(capsys, *argv, stdin: str = "") -> tuple[int, str, str]:
    sys.stdin = io.StringIO(stdin)
    try:
        code = main([*argv])
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def units(db_path, capsys):
    """Unit A (the seed's, 1), unit B (3) sponsored by S (2) and holding one upload; accounts:
    an editor and a viewer of A, an editor of B, a sponsor of S, a viewer of B, an admin."""
    assert cli(capsys, "institutions", "add", SPONSOR)[0] == 0
    assert cli(capsys, "institutions", "add", UNIT_B, "--sponsor", SPONSOR)[0] == 0
    for name, role, unit in [("ed_a", "editor", "1"), ("view_a", "viewer", "1"), ("ed_b", "editor", UNIT_B),
                             ("boss", "viewer", SPONSOR), ("view_b", "viewer", UNIT_B)]:
        assert cli(capsys, "users", "add", name, "--role", role, "--institution", unit, "--password-stdin", stdin="password-1\n")[0] == 0
    assert cli(capsys, "users", "grant", "boss", "--institution", SPONSOR, "--role", "sponsor")[0] == 0
    assert cli(capsys, "users", "add", "root", "--role", "admin", "--password-stdin", stdin="password-1\n")[0] == 0
    code, out, _ = cli(capsys, "ingest", str(INTAKE / "good_long_utf8.csv"), "--institution", UNIT_B, "--json")
    assert code == 0, out
    return db_path, json.loads(out)["batch_id"]


def refusals(path, user: str) -> list[str]:
    with db.session(path, read_only=True) as con:
        lines = audit.entries(con, user=user, action="access_refused")
    return list(lines["detail"])


@pytest.mark.parametrize("role", ["viewer", "editor", "admin", "sponsor", None])
def test_can_in_follows_the_role_in_that_unit_for_every_action(con, role):
    # a non-admin account whose unit role is `role` (admin in one unit: every right there, none elsewhere)
    auth.add_user(con, "x", "editor" if role in ("editor", "admin") else "viewer", "password-1", actor="t", institutions=[])
    if role is not None:
        rights.grant(con, "x", 1, role, actor="t")
    acts_as = {"sponsor": "viewer"}.get(role, role)  # an editor account may be the unit's own admin
    for action in auth.ACTIONS:
        expected = False if action in rights.INSTALL_ACTIONS else auth.can(acts_as, action)  # an admin account's only
        assert rights.can_in(con, "x", action, 1) == expected, (role, action)
        assert rights.can_in(con, "x", action, 999) is False  # no role in another unit: nothing at all


def test_an_admin_account_is_admin_in_every_unit_and_a_disabled_one_nowhere(con):
    auth.add_user(con, "root", "admin", "password-1", actor="t", institutions=[])
    auth.add_user(con, "ed", "editor", "password-1", actor="t")
    assert all(rights.can_in(con, "root", action, 1) for action in auth.ACTIONS)
    assert rights.can_in(con, "ed", "upload", 1)
    auth.set_disabled(con, "ed", True, actor="t")
    assert not rights.can_in(con, "ed", "view", 1)


def test_sponsor_views_the_units_it_sponsors_and_writes_none(units):
    path, _ = units
    with db.session(path) as con:
        assert rights.visible(con, "boss") == {2, 3}
        assert [rights.can_in(con, "boss", "view", unit) for unit in (1, 2, 3)] == [False, True, True]
        assert not any(rights.can_in(con, "boss", action, 2) for action in auth.ACTIONS if action not in ("view", "export"))
        assert rights.visible(con, "root") is None and rights.visible(con, "ed_a") == {1}


# Each CLI write path as the editor of A against B: (argv, action named in the audit line).
def write_paths(batch_b: int) -> list[tuple[list[str], str]]:
    return [
        (["ingest", str(INTAKE / "good_long_gbk.csv"), "--institution", UNIT_B], "upload"),
        (["ingest", str(INTAKE / "good_long_gbk.csv"), "--institution", UNIT_B, "--dry-run"], "upload"),
        (["rollback", str(batch_b)], "rollback"),
        (["import-report", str(REPORTS / "cell_per_line.txt")], "import_report"),
        (["import-report", str(REPORTS / "cell_per_line.txt"), "--dry-run"], "import_report"),
        (["targets", "import", str(TARGETS / "good_gbk.csv"), "--year", "2025", "--institution", UNIT_B], "correct"),
        (["values", "--institution", UNIT_B], "view"),
        (["kpis", "--year", "2024", "--institution", "3"], "view"),
        (["batches", "--institution", UNIT_B], "view"),
        (["export", "--year", "2024", "--out", "unused", "--institution", UNIT_B], "export"),
        (["stats-sheet", "--form", "kepu", "--year", "2024", "--out", "unused.xlsx", "--institution", UNIT_B], "export"),
        (["enter", "--period", "2025-04", "posts=10", "--institution", UNIT_B], "upload"),  # typed entry (issue 23)
        (["package", "--period", "2024", "--out", "unused.zip", "--institution", UNIT_B], "upload"),  # a return
        (["compare", "--period", "2024", "--institutions", f"1,{UNIT_B}"], "view"),  # 单位对比
        (["pending", "--institution", UNIT_B], "view"),
    ]


READS = {6, 7, 8, 9, 10, 13, 14}  # the paths above that only read or export B, which a viewer of B and its sponsor may
CASES = [(user, index) for user in ("ed_a", "view_a", "view_b", "boss") for index in range(15)
         if not (user in ("view_b", "boss") and index in READS)]


@pytest.mark.parametrize("user, index", CASES)
def test_every_write_path_refuses_another_units_account_and_changes_nothing(units, capsys, tmp_path, index, user):
    path, batch_b = units
    argv, action = write_paths(batch_b)[index]
    argv = [a.replace("unused", str(tmp_path / "out")) for a in argv]
    before = dump(path)
    code, out, err = cli(capsys, *argv, "--user", user, "--db", str(path))
    assert code == 1, (out, err)
    assert f"账号“{user}”在“{UNIT_B}”没有" in err and "未做任何更改" in err
    assert refusals(path, user) == [f"refused {action} in institution #3"]
    assert dump(path) == before


def test_the_editor_of_b_may_do_what_the_editor_of_a_may_not(units, capsys):
    path, batch_b = units
    assert cli(capsys, "ingest", str(INTAKE / "good_long_gbk.csv"), "--institution", UNIT_B, "--user", "ed_b")[0] == 0
    assert cli(capsys, "rollback", str(batch_b), "--user", "ed_b")[0] == 0
    assert cli(capsys, "targets", "import", str(TARGETS / "good_gbk.csv"), "--year", "2025", "--institution", UNIT_B,
               "--user", "ed_b")[0] == 0
    assert refusals(path, "ed_b") == []


def test_without_institution_a_command_names_the_units(units, capsys):
    code, out, err = cli(capsys, "kpis", "--year", "2024")
    assert (code, out) == (2, "")
    assert err == f"这个数据库有 3 个单位，请用 --institution 指定其一（名称或编号）：{SPONSOR}（2）、{UNIT_B}（3）、西安市科学技术馆（1）\n"
    assert cli(capsys, "kpis", "--year", "2024", "--institution", "1")[0] == 0
    assert cli(capsys, "kpis", "--year", "2024", "--institution", "西安市科学技术馆")[0] == 0
    code, _, err = cli(capsys, "values", "--institution", "99")
    assert code == 2 and err.startswith("没有编号为 99 的单位")


def test_a_report_of_an_unknown_unit_needs_new_institution(db_path, capsys):
    report = str(REPORTS / "cell_per_line.txt")
    before = dump(db_path)
    code, out, err = cli(capsys, "import-report", report, "--json")
    result = json.loads(out)
    assert (code, result["status"], result["errors"][0]["value"]) == (1, "rejected", UNIT_B)
    assert "--new-institution" in result["errors"][0]["message"]
    assert {k: v for k, v in dump(db_path).items() if k != "stored_file"} == {k: v for k, v in before.items() if k != "stored_file"}
    code, out, _ = cli(capsys, "import-report", report, "--json", "--new-institution")
    assert (code, json.loads(out)["status"]) == (0, "committed")
    code, out, _ = cli(capsys, "institutions", "list", "--json")
    assert [(u["institution_id"], u["name"], u["sponsor_id"], u["sponsor"]) for u in json.loads(out)] == [
        (2, UNIT_B, None, None), (1, "西安市科学技术馆", None, None)]
    assert list(json.loads(out)[0]) == ["institution_id", "name", "sponsor_id", "sponsor"]


def test_import_report_institution_must_be_the_reports(units, capsys):
    path, _ = units
    code, _, err = cli(capsys, "import-report", str(REPORTS / "cell_per_line.txt"), "--institution", "1")
    assert code == 1 and err.startswith(f"报告的单位名称是“{UNIT_B}”，而 --institution 指定的是“西安市科学技术馆”")


def test_users_grant_revoke_and_list(units, capsys):
    path, _ = units
    assert cli(capsys, "users", "grant", "ed_a", "--institution", UNIT_B, "--role", "viewer") == (
        0, f"已授予“ed_a”在“{UNIT_B}”的角色：浏览者。\n", "")
    code, out, _ = cli(capsys, "users", "list", "--json")
    listed = {u["name"]: u["institutions"] for u in json.loads(out)}
    assert listed["ed_a"] == [{"institution_id": 3, "institution": UNIT_B, "role": "viewer"},
                              {"institution_id": 1, "institution": "西安市科学技术馆", "role": "editor"}]
    assert cli(capsys, "users", "revoke", "ed_a", "--institution", UNIT_B) == (0, f"已撤销“ed_a”在“{UNIT_B}”的角色。\n", "")
    code, _, err = cli(capsys, "users", "revoke", "ed_a", "--institution", UNIT_B)
    assert code == 1 and err.startswith(f"账号“ed_a”在“{UNIT_B}”没有角色")
    # a viewer granted editor somewhere gets the editor's menu (its account role follows)
    assert cli(capsys, "users", "grant", "view_a", "--institution", "1", "--role", "editor")[0] == 0
    with db.session(path) as con:
        assert auth.get_user(con, "view_a").role == "editor"


def test_a_new_unit_grants_nothing_but_to_admins(units, capsys):
    path, _ = units
    assert cli(capsys, "institutions", "add", "新馆") == (0, "已添加单位“新馆”（编号 4）。\n", "")
    with db.session(path) as con:
        assert [rights.role_in(con, name, 4) for name in ("ed_a", "view_a", "boss", "root")] == [None, None, None, "admin"]
    code, _, err = cli(capsys, "institutions", "add", "另一馆", "--user", "ed_a")
    assert code == 1 and err.startswith("账号“ed_a”在“另一馆”没有管理账号的权限，未做任何更改。")
    assert refusals(path, "ed_a") == ["refused manage_accounts in institution #None"]


def test_migration_gives_existing_accounts_their_role_in_every_unit(tmp_path):
    path = tmp_path / "old.duckdb"
    with db.session(path) as con:
        migrations.migrate(con, versions={v for v, _, _ in migrations.migrations() if v < 16})
        con.execute("insert into institution (name) values ('甲馆'), ('乙馆')")
        con.execute("insert into app_user (user_name, role, password_hash, created_at) values ('老王', 'editor', 'x', now())")
        migrations.migrate(con)
        assert sorted(con.execute("select user_name, institution_id, role from membership").fetchall()) == [
            ("老王", 1, "editor"), ("老王", 2, "editor")]


def test_batches_lists_only_the_units_the_user_may_see(units, capsys):
    path, batch_b = units
    code, out, _ = cli(capsys, "batches", "--json", "--user", "ed_a")
    assert code == 0 and batch_b not in [b["batch_id"] for b in json.loads(out)]
    assert {b["institution"] for b in json.loads(out)} == {"西安市科学技术馆"}
    code, out, _ = cli(capsys, "batches", "--json", "--user", "view_b")
    assert [b["batch_id"] for b in json.loads(out)] == [batch_b]
    code, out, _ = cli(capsys, "batches", "--json")  # the operator at the server's shell: every batch, as before
    assert batch_b in [b["batch_id"] for b in json.loads(out)] and len(json.loads(out)) > 1


def test_demoting_an_account_takes_its_write_rights_away_in_every_unit(units, capsys):
    path, _ = units
    with db.session(path) as con:
        assert rights.can_in(con, "ed_b", "upload", 3)
        auth.set_role(con, "ed_b", "viewer", actor="t")
        assert not rights.can_in(con, "ed_b", "upload", 3) and rights.can_in(con, "ed_b", "view", 3)


def test_compare_and_pending_show_only_the_units_the_user_may_view(units, capsys):
    path, _ = units
    code, out, err = cli(capsys, "compare", "--period", "2024", "--json", "--user", "view_a", "--db", str(path))
    assert code == 0, err
    assert {row["institution"] for row in json.loads(out)} == {"西安市科学技术馆"}
    code, out, err = cli(capsys, "compare", "--period", "2024", "--json", "--user", "boss", "--db", str(path))
    assert code in (0, 1), err  # the sponsor sees S and B (neither may hold 2024 data), never A
    assert "西安市科学技术馆" not in out
    assert cli(capsys, "settings", "review", "on", "--institution", UNIT_B, "--db", str(path))[0] == 0
    code, out, err = cli(capsys, "ingest", str(INTAKE / "good_long_gbk.csv"), "--institution", UNIT_B, "--json",
                         "--user", "ed_b", "--db", str(path))
    assert code == 0 and json.loads(out)["status"] == "pending", (out, err)
    for user, expected in (("view_a", 0), ("view_b", 1), ("root", 1)):
        code, out, err = cli(capsys, "pending", "--json", "--user", user, "--db", str(path))
        assert code == 0 and len(json.loads(out)) == expected, (user, out, err)


def test_the_same_file_for_another_unit_is_no_duplicate(units, capsys):
    """Unit B's batch of good_long_utf8.csv does not make the same bytes a duplicate for unit A."""
    path, batch_b = units
    code, out, err = cli(capsys, "ingest", str(INTAKE / "good_long_utf8.csv"), "--institution", "1", "--json", "--db", str(path))
    assert code == 0 and json.loads(out)["status"] == "committed", (out, err)
    code, out, _ = cli(capsys, "ingest", str(INTAKE / "good_long_utf8.csv"), "--institution", UNIT_B, "--json", "--db", str(path))
    assert json.loads(out)["status"] == "duplicate"  # within one unit it is


def test_a_units_own_admin_approves_there_and_nowhere_else(units, capsys):
    """An editor account granted admin in unit B approves B's pending batches and switches B's review,
    but approves nothing in A and manages no accounts (issue 24: a role in each unit, viewer / editor / admin)."""
    path, _ = units
    assert cli(capsys, "users", "grant", "ed_a", "--institution", UNIT_B, "--role", "admin", "--db", str(path))[0] == 0
    assert cli(capsys, "settings", "review", "on", "--institution", UNIT_B, "--user", "ed_a", "--db", str(path))[0] == 0
    assert cli(capsys, "settings", "review", "on", "--institution", "1", "--user", "ed_a", "--db", str(path))[0] == 1
    code, out, _ = cli(capsys, "enter", "--period", "2025-04", "posts=10", "--institution", UNIT_B, "--user", "ed_b",
                       "--json", "--db", str(path))
    batch = str(json.loads(out)["batch_id"])
    assert json.loads(out)["status"] == "pending"
    assert cli(capsys, "approve", batch, "--user", "view_b", "--db", str(path))[0] == 1
    assert cli(capsys, "approve", batch, "--user", "ed_a", "--db", str(path))[0] == 0
    with db.session(path, read_only=True) as con:
        assert not rights.can_in(con, "ed_a", "manage_accounts", 3) and not rights.can_in(con, "ed_a", "backup", 3)
        assert rights.menu_role(con, "ed_a") == "editor"  # the menu: no 系统管理


def test_a_new_account_among_several_units_names_its_units(units, capsys):
    """With several units, `users add` of a non-admin names where the role applies (exit 2 listing the
    units); with --institution it gets that unit only."""
    path, _ = units
    code, _, err = cli(capsys, "users", "add", "neu", "--role", "editor", "--password-stdin", "--db", str(path),
                       stdin="password-1\n")
    assert code == 2 and "--institution" in err and UNIT_B in err
    assert cli(capsys, "users", "add", "neu", "--role", "editor", "--institution", UNIT_B, "--password-stdin",
               "--db", str(path), stdin="password-1\n")[0] == 0
    with db.session(path, read_only=True) as con:
        assert [rights.role_in(con, "neu", unit) for unit in (1, 3)] == [None, "editor"]


def test_an_existing_unit_gets_its_sponsor(units, capsys):
    """The install's own unit (or one a report created) gets a 举办单位 later; its sponsor then sees it."""
    path, _ = units
    with db.session(path, read_only=True) as con:
        assert not rights.can_in(con, "boss", "view", 1)
    assert cli(capsys, "institutions", "sponsor", "1", "--sponsor", SPONSOR, "--user", "ed_a", "--db", str(path))[0] == 1
    assert cli(capsys, "institutions", "sponsor", "1", "--sponsor", "1", "--db", str(path))[0] == 1
    code, out, _ = cli(capsys, "institutions", "sponsor", "1", "--sponsor", SPONSOR, "--db", str(path))
    assert code == 0 and SPONSOR in out
    with db.session(path, read_only=True) as con:
        assert rights.can_in(con, "boss", "view", 1) and not rights.can_in(con, "boss", "upload", 1)
