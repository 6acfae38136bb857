"""Counts that agree (issue 18, item 20): a rollback counts values, not rows; every batch says what it holds."""

from __future__ import annotations

import pandas as pd

from museum import catalog
from museum.intake import corrections, ingest, present
from museum.targets import edit


def test_a_one_value_rollback_changes_one_value_back(con):
    batch_id, _ = corrections.correct_value(con, 1, "posts", 2024, None, "6,000", actor="test")
    rollback_id = ingest.rollback(con, batch_id, actor="test")
    history = ingest.history(con).set_index("batch_id")
    assert (int(history.loc[rollback_id, "inserted"]), int(history.loc[rollback_id, "updated"])) == (0, 1)


def test_a_rollback_of_new_and_changed_values_counts_each_value_once(con):
    content = "年份,指标,数值\r\n2024,posts,6000\r\n2023,posts,4000\r\n".encode()  # 2024 changes, 2023 is new
    committed = ingest.ingest(con, 1, content, "a.csv", actor="test")
    assert (committed.counts.inserted, committed.counts.updated) == (1, 1)
    rollback_id = ingest.rollback(con, committed.batch_id, actor="test")
    assert int(ingest.history(con).set_index("batch_id").loc[rollback_id, "updated"]) == 2


def test_every_batch_says_what_it_holds(con):
    cat = catalog.load()
    corrections.correct_value(con, 1, "posts", 2023, 4, "400", actor="test")
    target = con.execute("select target_id, year, indicator from target where retired_by_batch is null limit 1").fetchone()
    if target is not None:
        edit.remove_target(con, 1, target[0], actor="test")
    table = present.history_table(ingest.history(con), "zh", cat)
    rows = dict(zip(table["批次"], table["文件或内容"]))
    assert rows[2] == "科普图文 2023年4月"
    assert rows[1] == "report.txt"
    assert all(text for text in table["文件或内容"]), table
    row = pd.Series({"file_name": None, "kind": "target_edit", "rolls_back": None, "note": "target:2024:职工参加行业竞赛获奖总数"})
    assert present.batch_description(row, "zh") == "绩效目标 2024：职工参加行业竞赛获奖总数"
    rollback = pd.Series({"file_name": None, "kind": "rollback", "rolls_back": 5, "note": None})
    assert present.batch_description(rollback, "en") == "rolls back batch #5"


def test_the_rows_written_query_names_every_versioned_table(con):
    """A rollback counts the values it changes back in every table it rolls back (merged branches added tables)."""
    from museum.store import batches, db

    named = {row[0] for row in db.rows(con, "rollback_rows_written", target=1)}
    assert named == {"observation", *batches.EVENT_TABLES, *batches.PLAN_TABLES, *batches.INTAKE_TABLES, *batches.FORM_TABLES}
