"""Hostile text through every path that reaches a query: stored as text, nothing else happens.

Each payload goes in as a metric name, a note, a file name, a user name, an institution name,
an audit detail and an audit filter; afterwards every table is still there with the rows it
should have, and the payload reads back byte for byte.
"""

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

from museum import catalog, kpis, settings
from museum.access import auth
from museum.store import audit, batches, db, metrics, pg
from museum.errors import DatabaseError, InputRejected

PAYLOADS = [
    "'; DROP TABLE observation; --",
    "x'); DELETE FROM app_user; --",
    "1' OR '1'='1",
    '" OR ""="',
    "Robert'); DROP TABLE audit;--",
    "' UNION SELECT password_hash, 1, 1, 1, 1 FROM app_user --",
    "$institution_id",
    "?; COPY observation TO '/tmp/stolen.csv'",
    "%_\\",
    "<script>alert('x')</script>",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "名称\x00带空字符",
]


def stored(con, payload: str) -> str:
    """What the store keeps of a payload: the text itself; on PostgreSQL, whose text cannot hold NUL,
    a NUL becomes U+FFFD (museum/store/pg.py) — still data, never a truncation or an error."""
    return payload.replace("\x00", "\ufffd") if pg.is_pg(con) else payload


def tables(con) -> dict[str, int]:
    return {name: db.scalar(con, "backup_table_rows", table_name=name) for (name,) in db.rows(con, "backup_tables")}


@pytest.fixture
def hardened(con, monkeypatch):
    monkeypatch.setenv("MUSEUM_BCRYPT_ROUNDS", "4")
    auth.add_user(con, "boss", "admin", "password-1", actor="test")
    return con


def test_payload_as_note_file_name_user_and_institution(hardened):
    con = hardened
    for number, payload in enumerate(PAYLOADS):
        before = tables(con)
        with db.transaction(con):
            institution = batches.institution_id(con, payload)
            db.set_institution(con, institution)  # the new unit's rows (row-level security on PostgreSQL)
            batch = batches.create_batch(con, "upload", institution=institution, user=payload, file_name=payload,
                                         content=payload.encode("utf-8"), note=payload)
            batches.write_observations(con, batch, institution, [
                {"metric_id": "posts", "year": 2030, "month": None, "value": 1.0, "qualifier": "exact",
                 "note": payload, "sentence": payload},
            ])
        after = tables(con)
        assert set(after) == set(before)
        assert after["app_user"] == before["app_user"] == 1
        assert after["observation"] == before["observation"] + 1
        assert after["institution"] == before["institution"] + 1
        row = db.query(con, "batches").iloc[0]
        kept = stored(con, payload)
        assert (row["institution"], row["file_name"], row["user_name"], row["note"]) == (kept, kept, kept, kept)
        # the raw bytes are stored under their hash, never under the client's file name
        assert row["file_sha256"] == batches.sha256(payload.encode("utf-8"))
        values = kpis.load_values(con, institution)
        assert values[["note", "sentence"]].values.tolist() == [[kept, kept]]


def test_payload_as_metric_name(hardened):
    con = hardened
    for number, payload in enumerate(PAYLOADS):
        metric_id = f"hostile_{number}"
        before = tables(con)
        row = {"metric_id": metric_id, "name_zh": payload, "name_en": payload, "unit_zh": payload, "unit_en": payload,
               "kind": "flow", "category": "outreach", "aliases": payload, "higher_is_better": True, "non_negative": True,
               "sort_order": 999}
        db.insert_frame(con, "metric_upsert_all", pd.DataFrame([row], columns=list(metrics.SYNCED_COLUMNS)))
        stored_now = con.execute("select name_zh, aliases from metric where metric_id = $id", {"id": metric_id}).fetchone()
        assert stored_now == (stored(con, payload), stored(con, payload))
        assert tables(con) == {**before, "metric": before["metric"] + 1}
        # a payload typed where a metric is named resolves to no metric (intake reports it) …
        assert catalog.load().resolve(payload) is None
        # … and even written directly as a metric id it is refused, not run, with
        # the project's own error (the writing transaction checks every metric reference)
        with pytest.raises(DatabaseError) as refused:
            with db.transaction(con, institution=1):
                batch = batches.create_batch(con, "upload", institution=1, user="li")
                batches.write_observations(con, batch, 1, [
                    {"metric_id": payload, "year": 2030, "month": None, "value": 1.0, "qualifier": "exact",
                     "note": None, "sentence": None},
                ])
        assert refused.value.key == "batches.unknown_metric" and stored(con, payload) in refused.value.params["metrics"]
        assert tables(con) == {**before, "metric": before["metric"] + 1}


def test_payload_as_user_name_at_sign_in_and_in_the_audit(hardened):
    con = hardened
    for number, payload in enumerate(PAYLOADS):
        before = tables(con)
        with pytest.raises(InputRejected) as caught:
            auth.sign_in(con, payload, payload)
        assert caught.value.key == "auth.sign_in_failed"
        with pytest.raises(InputRejected):
            auth.add_user(con, payload, "admin", "password-1", actor="test")
        audit.record(con, "export", payload, payload, payload)
        after = tables(con)
        assert after["app_user"] == 1
        assert after["audit"] == before["audit"] + 2
        assert after["sign_in_throttle"] == before["sign_in_throttle"] + 1
        kept = stored(con, payload)
        assert audit.entries(con, user=payload)[["user_name", "detail"]].values.tolist() == [[kept, kept]]
        assert audit.entries(con, text=payload)["detail"].tolist() == [kept]
        # the failed sign-in on a name that is no account is recorded under a hash, never the text
        failed = audit.entries(con, action="sign_in_failed").iloc[0]
        assert failed["detail"] == "unknown user" and failed["user_name"].startswith("unknown:")
        assert db.rows(con, "auth_throttle_get", user_name=payload, client="") == []
        assert db.rows(con, "auth_throttle_get", user_name=failed["user_name"], client="")[0][0] == 1


def test_the_injected_statements_did_not_run_anywhere(hardened):
    assert not Path("/tmp/stolen.csv").exists()


def test_no_query_is_built_from_values():
    """Every execute() in museum/ runs a named query or a fixed statement: no f-string with values,
    except the two backup statements whose path goes through backup.sql_path_literal."""
    allowed = {("backup/__init__.py", "export database"), ("backup/__init__.py", "import database")}
    found = []
    for path in sorted((settings.ROOT / "museum").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("execute", "executemany", "sql", "query"):
                if node.args and isinstance(node.args[0], (ast.JoinedStr, ast.BinOp)):
                    text = ast.unparse(node.args[0])
                    found.append((path.relative_to(settings.ROOT / "museum").as_posix(), next((a for a in ("export database", "import database") if a in text), text)))
    assert set(found) <= allowed, found


SQL_START = re.compile(r"^\s*(select|insert|update|delete|export|import|copy|attach|create|drop|alter)\b", re.I)


def test_sql_text_is_built_only_where_identifiers_are_allow_listed():
    """Anywhere in museum/, an f-string or concatenation that starts like SQL is built in one of the
    functions that put only allow-listed text into it: the backup directory (sql_path_literal) and
    the tables and columns of the project's own schema when a restore loads a backup (_identifier)."""
    allowed = {("backup/__init__.py", "export_statement"), ("backup/load.py", "insert_statement"),
               ("backup/load.py", "delete_statement"), ("backup/load.py", "continue_sequences")}
    found = set()
    for path in sorted((settings.ROOT / "museum").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
            for node in ast.walk(function):
                parts = []
                if isinstance(node, ast.JoinedStr):
                    parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
                elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant):
                    parts = [node.left.value] if isinstance(node.left.value, str) else []
                if parts and SQL_START.match(parts[0]):
                    found.add((path.relative_to(settings.ROOT / "museum").as_posix(), function.name))
    assert found == allowed


def test_no_page_renders_html():
    """Only ui/blocks.py writes HTML (the KPI cards, every text escaped: tests/unit/test_card_html.py)."""
    sources = [settings.ROOT / "dashboard.py", *(settings.ROOT / "app_pages").glob("*.py"), *(settings.ROOT / "ui").glob("*.py")]
    assert len(sources) > 10
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html=True" not in text, path
        assert "components.html(" not in text, path
        if path.name != "blocks.py":
            assert "st.html(" not in text, path


def test_the_plain_package_never_imports_streamlit():
    import subprocess
    import sys

    code = ("import sys; import museum.access.auth, museum.store.audit, museum.backup, museum.safe_csv, museum.intake.safety, "
            "museum.store.pool, museum.access.throttle, museum.access.names, museum.backup.load, museum.backup.manifest, "
            "museum.cli.users, museum.cli.audit, museum.cli.backup; print('streamlit' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=settings.ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
