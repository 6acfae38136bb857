"""A commit made from a preview writes what the preview showed, or nothing (issue 18, item 9)."""

from __future__ import annotations

import pytest

from museum.errors import InputRejected
from museum.intake import ingest


def csv_bytes(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def posts(con, year=2023):
    return con.execute("select value from observation where metric_id = 'posts' and year = ? and month is null "
                       "and retired_by_batch is null", [year]).fetchall()


def test_a_preview_made_before_another_commit_is_refused_and_nothing_is_written(con):
    first = ingest.analyse(csv_bytes("年份,指标,数值", "2023,posts,4870"), "tab-a.csv")
    ingest.preview(con, 1, first)
    assert first.counts.inserted == 1
    # another tab commits the same month in between
    other = ingest.ingest(con, 1, csv_bytes("年份,指标,数值", "2023,posts,5000"), "tab-b.csv", actor="test")
    assert other.status == "committed"
    batches = con.execute("select count(*) from batch").fetchone()
    with pytest.raises(InputRejected) as refused:
        ingest.commit(con, 1, first, actor="test")
    assert refused.value.key == "intake.error.stale_preview"
    assert "预览已过期" in refused.value.message("zh") and "tab-a.csv" in refused.value.message("zh")
    assert posts(con) == [(5000.0,)]
    assert con.execute("select count(*) from batch").fetchone() == batches
    # previewed again, it says old -> new and commits
    ingest.preview(con, 1, first)
    assert (first.counts.updated, first.compared["old_value"].tolist()) == (1, [5000.0])
    assert ingest.commit(con, 1, first, actor="test").status == "committed"
    assert posts(con) == [(4870.0,)]


def test_a_rollback_since_the_preview_refuses_it_too(con):
    committed = ingest.ingest(con, 1, csv_bytes("年份,指标,数值", "2023,posts,4870"), "a.csv", actor="test")
    later = ingest.analyse(csv_bytes("年份,指标,数值", "2023,posts,4900"), "b.csv")
    ingest.preview(con, 1, later)
    ingest.rollback(con, committed.batch_id, actor="test")
    with pytest.raises(InputRejected):
        ingest.commit(con, 1, later, actor="test")


def test_a_commit_of_other_months_leaves_the_preview_valid(con):
    first = ingest.analyse(csv_bytes("年份,指标,数值", "2023,posts,4870"), "a.csv")
    ingest.preview(con, 1, first)
    ingest.ingest(con, 1, csv_bytes("年份,指标,数值", "2022,posts,4000"), "b.csv", actor="test")
    assert ingest.commit(con, 1, first, actor="test").status == "committed"


def test_a_correction_meets_the_uploads_bound_and_a_confirmed_old_value(con):
    from museum.intake import corrections
    from museum.numbers import format_value

    with pytest.raises(InputRejected) as beyond:
        corrections.correct_value(con, 1, "posts", 2023, None, "99,999,999", actor="test")
    assert beyond.value.key == "intake.correction.implausible" and "200,000篇" in beyond.value.message("zh")
    planned = corrections.plan(con, 1, "posts", 2023, None, "99,999,999", allow_implausible=True)
    assert (planned.old, planned.record["value"]) == (None, 99_999_999.0)
    assert format_value(99_999_999, "exact", "zh", "篇") == "1亿篇"
    ingest.ingest(con, 1, csv_bytes("年份,指标,数值", "2023,posts,4870"), "a.csv", actor="test")
    with pytest.raises(InputRejected) as stale:  # confirmed "no value yet", but one came in since
        corrections.correct_value(con, 1, "posts", 2023, None, "4900", actor="test", confirmed_batch=None)
    assert stale.value.key == "intake.correction.stale"
    assert posts(con) == [(4870.0,)]
