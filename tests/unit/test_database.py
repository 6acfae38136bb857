"""Building the database: migrations, idempotent init, every named query runs, versioned writes."""

import shutil
from datetime import datetime

import pandas as pd
import pytest

from museum import kpis, seed
from museum.store import batches, db
from museum.errors import DatabaseError, InputRejected


def test_init_is_idempotent(empty_db_path):
    with db.session(empty_db_path) as con:
        first = seed.init(con)
        counts = db.query(con, "data_counts")
        second = seed.init(con)
        assert db.query(con, "data_counts").equals(counts)
    assert first["migrations"] and len(first["seed_batches"]) == 1
    assert second == {"migrations": [], "seed_batches": []}


def test_unknown_query_fails_loudly(con):
    with pytest.raises(DatabaseError) as error:
        db.query(con, "no_such_query")
    assert error.value.message("en") == "There is no query named no_such_query (queries/no_such_query.sql)."
    with pytest.raises(DatabaseError):
        db.query(con, "../secrets")


# Parameters that make every named query runnable against the test database.
PARAMS = {
    "institution_id": 1, "batch_id": 1, "target": 1, "rollback_batch": 999, "year": 2024, "name": "x",
    "version": 9999, "sha256": "0" * 64, "size": 1, "content": b"x", "kind": "upload", "file_name": "f.csv",
    "file_sha256": None, "file_size": None, "user_name": "t", "note": None, "is_demo": False, "rolls_back": None,
    "inserted": 0, "updated": 0, "unchanged": 0, "skipped": 0, "metric_id": "posts", "name_zh": "a",
    "name_en": "a", "unit_zh": "篇", "unit_en": "posts", "category": "online_media", "aliases": "",
    "higher_is_better": True, "non_negative": True, "sort_order": 1, "competition": "c", "level": "national",
    "grade": "first", "count": 1, "sentence": "s", "title": "t", "subject": None, "awarded_by": None,
    "item_type": "paper", "role": None, "stage": "published", "description": "d", "field": "name", "value": "v",
    "month": None, "factor": 10, "tolerance": 0.005,
}


OVERRIDES: dict[str, dict] = {}

# Accounts, audit and backups (migration 0003).
PARAMS.update({
    "password_hash": "$2b$04$" + "x" * 53, "created_at": datetime(2030, 1, 2), "disabled": False, "failures": 1,
    "last_failure_at": datetime(2030, 1, 2), "locked_until": None, "occurred_at": datetime(2030, 1, 2),
    "action": "export", "detail": "d", "since": None, "until": None, "text": None, "max_rows": None,
    "table_name": "metric",
})
OVERRIDES.update({"auth_user_insert": {"role": "viewer"}, "auth_user_set_role": {"role": "viewer"}, "membership_set": {"role": "viewer"}})

# Plans and targets (migration 0006).
PARAMS.update({
    "target_id": 1, "task_id": 1, "event_id": 1, "position": 1, "level1": "产出指标", "level2": "数量指标",
    "indicator": "科普图文", "operator": ">=", "target_value": 6000.0, "target_text": "≥6000篇", "unit": "篇", "weight": 20.0,
    "actual_value": None, "actual_qualifier": None, "actual_text": None, "actual_score": None, "actual_note": None,
    "deviation": None, "initial_budget": 1040.0, "full_year_budget": 1100.0, "executed": 1050.0, "group_title": None,
    "item_number": "1", "status": "not_started", "status_note": None, "status_date": None, "source": "manual",
    "start_date": datetime(2024, 9, 14).date(), "end_date": datetime(2024, 9, 20).date(), "label": "全国科普日",
})
OVERRIDES.update({"events_insert": {"kind": "campaign"}, "targets_import_by_sha256": {"note": "targets:2024"}})
# Sign-in limits and credential versions (migration 0007), backups (museum.backup.load).
PARAMS.update({"credential_version": 7, "client": "127.0.0.1", "now": datetime(2030, 1, 2), "sequence_name": "audit_id_seq",
               "steps": 1, "before": datetime(2030, 1, 1)})
# Remembered sign-ins (migration 0017).
PARAMS.update({"session_hash": "0" * 64, "expires_at": datetime(2030, 1, 8),
               "revoked_at": datetime(2030, 1, 2)})
# Returns between installs (migration 0018): a period's months, the keys that sign and verify.
PARAMS.update({"first": 1, "last": 3, "whole_year": False, "key_id": "0" * 16, "private_key": b"k" * 32,
               "public_key": b"p" * 32, "created_by": "t", "registered_at": datetime(2030, 1, 2), "registered_by": "t"})
# Rights per institution (migration 0016): a sponsor other than institution 1.
PARAMS.update({"sponsor_id": 2})
# Review before figures are official and typed-entry drafts (migration 0014).
PARAMS.update({"decided_by": "b", "decided_at": datetime(2030, 1, 2), "reason": "r", "review_on": True,
               "changed_by": "a", "changed_at": datetime(2030, 1, 2), "submitted_by": "a",
               "submitted_at": datetime(2030, 1, 2), "proposal": "{}", "cells": "{}", "saved_at": datetime(2030, 1, 2),
               "first_key": 24288, "last_key": 24299})
OVERRIDES.update({"entry_draft_insert": {"month": 4}})
# Platform exports and column aliases (migration 0005): the staged export is `items` and `daily`.
PARAMS.update({"platform": "douyin", "source_format": "douyin_works", "totals_only": False})


def _register_platform_relations(con) -> None:
    from museum.sources import PlatformExport, parsers, store

    export = PlatformExport("douyin_works", "douyin", None, pd.DataFrame(columns=parsers.ITEM_COLUMNS),
                            pd.DataFrame(columns=parsers.DAILY_COLUMNS))
    con.register("items", export.items_table)
    con.register("daily", export.daily_table)
    con.register("rules", store.rules())
    from museum.sources import volunteer_months, volunteer_store

    con.register("records", volunteer_store.records_table(pd.DataFrame(columns=volunteer_months.COLUMNS)))


@pytest.fixture(scope="module")
def shared_con(tmp_path_factory, seeded_template, pg_server):
    """One seeded database for the read-only sweep; each query runs in a rolled-back transaction."""
    if pg_server is not None:
        path = pg_server.create("queries", template="museum_template")
    else:
        path = tmp_path_factory.mktemp("queries") / "q.duckdb"
        shutil.copyfile(seeded_template, path)
    with db.session(path) as connection:
        yield connection
    if pg_server is not None:
        pg_server.drop(path)


@pytest.fixture(scope="module")
def parquet_file(tmp_path_factory):
    import duckdb

    path = tmp_path_factory.mktemp("parquet") / "metric.parquet"
    duckdb.connect().sql("select 'posts' as metric_id").write_parquet(str(path))
    return path


def run_named(con, name: str, parquet_file) -> list[str]:
    """Run one named query with the parameters above (rolled back); the names of the columns it returned."""
    params = {**PARAMS, "path": str(parquet_file), **OVERRIDES.get(name, {})}
    # a year without stored values: observation_insert_all then adds a current value, where on
    # PostgreSQL a second current value of a stored key is refused (migration 0019)
    frame = batches.observation_frame([{"metric_id": "posts", "year": 2030, "month": None, "value": 1.0,
                                        "qualifier": "exact", "note": None, "sentence": None}])
    # intake queries name the file row of each staged value; stored_file_insert reads one file's bytes
    # … and metric_upsert_all reads catalog rows; the observation inserts take the ids drawn for them,
    # intake_jumps the value a year earlier in the same file
    con.register("frame", frame.assign(row=2, observation_id=1, prior_in_file=1.0, sha256="0" * 64, size=1, content=b"x", column_text="x", name_zh="a", name_en="a",
                                       unit_zh="篇", unit_en="posts", kind="flow", category="online_media", aliases="",
                                       higher_is_better=True, non_negative=True, sort_order=1))
    _register_platform_relations(con)
    con.execute("begin transaction")
    try:
        sql = db.load_query(name, db.engine_of(con))
        cursor = con.execute(sql, {k: params[k] for k in db.parameters_of(sql)})
        return [d[0] for d in cursor.description or []]
    finally:
        con.execute("rollback")
        con.unregister("frame")


# The DuckDB file backup (museum.backup) reads and writes Parquet through DuckDB itself; the
# PostgreSQL store is backed up with pg_dump instead (issue 25), so these never run there.
DUCKDB_ONLY = {"backup_parquet_columns", "backup_foreign_keys", "backup_sequence_advance", "backup_sequence_columns",
               "backup_sequences", "backup_table_columns"}


@pytest.mark.parametrize("name", db.query_names())
def test_every_named_query_runs(shared_con, parquet_file, name):
    if db.engine_of(shared_con) == "postgresql" and name in DUCKDB_ONLY:
        pytest.skip("the DuckDB file backup's own query")
    run_named(shared_con, name, parquet_file)


def _posts(con):
    values = kpis.load_values(con, 1)
    return values[(values["metric_id"] == "posts")][["year", "month", "value"]].to_dict("records")


def test_write_then_rollback_restores_exactly(con):
    before = kpis.load_values(con, 1)
    with db.transaction(con, institution=1):
        batch = batches.create_batch(con, "upload", institution=1, user="tester", file_name="a.csv", content=b"a")
        counts = batches.write_observations(con, batch, 1, [
            {"metric_id": "posts", "year": 2024, "month": None, "value": 6000.0, "qualifier": "exact", "note": None, "sentence": None},
            {"metric_id": "posts", "year": 2023, "month": None, "value": 4000.0, "qualifier": "exact", "note": None, "sentence": None},
            {"metric_id": "short_videos", "year": 2024, "month": None, "value": 356.0, "qualifier": "exact",
             "note": None, "sentence": DATASET_SENTENCE},
        ])
        batches.finish_batch(con, batch, counts)
    assert (counts.inserted, counts.updated, counts.unchanged) == (1, 1, 1)
    assert sorted(r["value"] for r in _posts(con)) == [4000.0, 6000.0]
    with db.transaction(con, institution=1):
        rollback_batch = batches.rollback(con, batch, user="tester")
    # the 2 rows it wrote are retired and the 1 row it replaced is revived: 2 values change back
    assert db.query(con, "batch_by_id", batch_id=rollback_batch).iloc[0]["updated"] == 2
    after = kpis.load_values(con, 1)
    columns = ["metric_id", "year", "month", "value", "qualifier", "sentence"]
    pd.testing.assert_frame_equal(before[columns].reset_index(drop=True), after[columns].reset_index(drop=True))
    with pytest.raises(InputRejected) as error:
        batches.rollback(con, batch)
    assert error.value.key == "batches.already_rolled_back"


DATASET_SENTENCE = seed.read_dataset(seed.SEED_DIR / "annual-report-2024").observations[1]["sentence"]


def test_rollback_refused_when_a_later_batch_changed_the_values(con):
    def upload(value):
        with db.transaction(con, institution=1):
            batch = batches.create_batch(con, "upload", institution=1)
            batches.write_observations(con, batch, 1, [{"metric_id": "posts", "year": 2023, "month": None, "value": value,
                                                        "qualifier": "exact", "note": None, "sentence": None}])
        return batch

    first, second = upload(100.0), upload(200.0)
    with pytest.raises(InputRejected) as error:
        batches.rollback(con, first)
    assert error.value.message("zh") == f"不能回滚批次 #{first}：之后的批次 #{second} 修改了它写入的数值。请先回滚这些较新的批次。"
    with db.transaction(con, institution=1):
        batches.rollback(con, second)
        batches.rollback(con, first)
    assert [r for r in _posts(con) if r["year"] == 2023] == []


def test_old_versions_are_kept(con):
    with db.transaction(con, institution=1):
        batch = batches.create_batch(con, "correction", institution=1)
        batches.write_observations(con, batch, 1, [{"metric_id": "posts", "year": 2024, "month": None, "value": 5600.0,
                                                    "qualifier": "exact", "note": "typo", "sentence": None}])
    versions = con.execute("select value, retired_by_batch from observation where metric_id = 'posts' order by observation_id").fetchall()
    assert versions == [(5528.0, batch), (5600.0, None)]


@pytest.mark.duckdb_only
def test_busy_database_raises_database_busy(db_path):
    import subprocess
    import sys

    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db_path)!r}); print('held', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        from museum.errors import DatabaseBusy

        with pytest.raises(DatabaseBusy) as error:
            db.connect(db_path, wait_seconds=0.3)
        # the CLI and the log get the holder; a visitor of the dashboard gets neither path nor PID
        assert f"PID {holder.pid}" in error.value.detail("en")
        assert error.value.detail("en").startswith(f"The database {db_path} is in use by another program (")
        assert error.value.message("en") == "The data is being updated. Please try again in a few seconds."
        assert error.value.message("zh") == "数据正在更新，请几秒钟后再试。"
    finally:
        holder.kill()
        holder.wait()


def test_a_statement_run_per_record_checks_its_parameters_like_one_statement(con):
    """db.executemany binds each record as db.execute does: a missing value is the project's
    message naming the statement, not a KeyError."""
    with pytest.raises(DatabaseError) as missing:
        db.executemany(con, "award_insert", [{"year": 2024}])
    assert missing.value.key == "db.missing_parameter"
    assert "award_insert" in missing.value.message("en")


def test_busy_postgresql_store_raises_database_busy(engine, db_path):
    """On PostgreSQL a writer waits MUSEUM_DB_WAIT_SECONDS for another's locks, then DatabaseBusy
    with the same visitor message as a busy DuckDB file."""
    if engine != "postgresql":
        pytest.skip("the PostgreSQL store's busy case")
    from museum.errors import DatabaseBusy

    with db.session(db_path) as holder, db.transaction(holder):
        holder.execute("lock table audit in exclusive mode")
        with db.session(db_path, wait_seconds=0.3) as waiter, pytest.raises(DatabaseBusy) as error:
            db.execute(waiter, "audit_insert", occurred_at=datetime(2030, 1, 2), user_name="t", action="export",
                       detail=None, file_sha256=None)
    assert error.value.message("zh") == "数据正在更新，请几秒钟后再试。"


def test_postgresql_keeps_one_current_value_per_key(engine, con):
    """Migration 0019 on PostgreSQL: a second current value of (institution, metric, year, month,
    platform) is refused, null month and null platform included; a retired one is not counted."""
    if engine != "postgresql":
        pytest.skip("DuckDB has no partial keys: museum.store.batches retires before it inserts")
    insert = ("insert into observation (institution_id, metric_id, year, month, platform, value, batch_id) "
              "values (1, 'posts', $year, null, null, 1, 1)")
    with pytest.raises(Exception) as refused, db.transaction(con, institution=1):
        con.execute(insert, {"year": 2024})
    assert "observation_current_key" in str(refused.value)
    with db.transaction(con, institution=1):
        con.execute("update observation set retired_by_batch = 1 where metric_id = 'posts' and year = 2024 "
                    "and month is null and platform is null and retired_by_batch is null")
        con.execute(insert, {"year": 2024})
