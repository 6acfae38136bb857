"""Target actuals under review (issue 23): the 目标管理 table's save and a single actual go pending, are applied on approval, and a row replaced meanwhile is a conflict."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from museum.errors import InputRejected
from museum.intake import review
from museum.sections.scope import Scope
from museum.targets import edit, entries, importer, store, view

CORPUS = Path(__file__).resolve().parents[1] / "data" / "targets"
EVENT = "全国科普日专题活动"


def rows(con):
    scope = Scope.from_connection(con, 1, "西安市科学技术馆", 2024, "zh")
    return entries.entry_rows(view.year_targets(scope, today=date(2025, 3, 1)), scope.catalog, "zh")


def stored(con, indicator=EVENT):
    return next(r for r in store.year_targets(con, 1, 2024) if r["indicator"] == indicator)


@pytest.fixture
def reviewed(con):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    review.set_required(con, 1, True, actor="boss", role="admin")
    return con


def typed(base, actual):
    edited = [dict(r) for r in base]
    index = next(i for i, r in enumerate(base) if r["indicator"] == EVENT)
    edited[index]["actual"] = actual
    return edited


def test_the_table_save_is_pending_until_approved(reviewed):
    con = reviewed
    base = rows(con)
    batch_id, count = entries.save_entries(con, 1, 2024, base, typed(base, "超12"), actor="li")
    assert count == 1 and stored(con)["actual_value"] is None  # nothing official yet
    [pending] = review.listed(con)
    assert (pending.batch_id, pending.kind) == (batch_id, "target_edit")
    assert [(c["indicator"], c["old_value"], c["new_value"], c["new_qualifier"]) for c in pending.changes] == [
        (EVENT, None, 12.0, "at_least")]
    counts = review.approve(con, batch_id, actor="boss", role="admin")
    assert counts.updated == 1
    assert (stored(con)["actual_value"], stored(con)["actual_qualifier"], stored(con)["batch_id"]) == (12.0, "at_least", batch_id)


def test_a_single_actual_goes_pending_too(reviewed):
    con = reviewed
    batch_id = edit.set_actual(con, 1, stored(con)["target_id"], "约20", actor="li")
    assert stored(con)["actual_value"] is None
    review.approve(con, batch_id, actor="boss", role="admin")
    assert (stored(con)["actual_value"], stored(con)["actual_qualifier"]) == (20.0, "approx")


def test_a_row_replaced_meanwhile_is_a_conflict(reviewed):
    con = reviewed
    base = rows(con)
    first, _ = entries.save_entries(con, 1, 2024, base, typed(base, "12"), actor="li")
    second, _ = entries.save_entries(con, 1, 2024, base, typed(base, "15"), actor="zhao")
    review.approve(con, second, actor="boss", role="admin")
    with pytest.raises(review.ReviewRefused) as refused:
        review.approve(con, first, actor="boss", role="admin")
    assert [(c["indicator"], c["submitted_value"], c["current_value"], c["new_value"]) for c in refused.value.conflicts] == [
        (EVENT, None, 15.0, 12.0)]
    assert stored(con)["actual_value"] == 15.0
    review.approve(con, first, actor="boss", role="admin", over_conflicts=True)
    assert stored(con)["actual_value"] == 12.0


def test_a_report_import_goes_pending_and_is_applied_on_approval(con):
    """The 年度报告 import (a reviewed, edited report): pending with its file, applied with its records on approval."""
    from museum import seed
    from museum.report import importer as report_import, parser as report_parser
    from museum.report.parser import review as report_review
    from museum.store import db

    def posts():
        return con.execute("select value from observation where metric_id = 'posts' and year = 2024 and month is null "
                           "and platform is null and retired_by_batch is null").fetchall()

    review.set_required(con, 1, True, actor="boss", role="admin")
    path = seed.SEED_DIR / "annual-report-2024" / "report.txt"
    parsed = report_parser.parse_bytes(path.read_bytes(), path.name)
    tables = report_review.review_tables(parsed)
    tables["figures"].loc[tables["figures"]["key"] == "posts", "value"] = "5600"
    dataset, _ = report_review.to_dataset(parsed, tables)
    outcome = report_import.commit(con, parsed, dataset, actor="li", edited=True)
    assert (outcome["status"], outcome["updated"]) == ("pending", 1)
    assert posts() == [(5528.0,)]
    [pending] = review.listed(con)
    assert (pending.kind, pending.file_name) == ("report", "report.txt")
    assert [(c["metric_id"], c["old_value"], c["new_value"]) for c in pending.changes] == [("posts", 5528.0, 5600.0)]
    counts = review.approve(con, outcome["batch_id"], actor="boss", role="admin")
    assert counts.updated == 1 and posts() == [(5600.0,)]
    assert db.query(con, "batch_by_id", batch_id=outcome["batch_id"]).iloc[0]["kind"] == "report"


def budget_now(con) -> dict:
    figures = store.year_budget(con, 1, 2024) or {}
    return {key: figures.get(key) for key in ("initial_budget", "full_year_budget", "executed")}


def test_the_budget_figures_go_pending_and_count_once_approved(reviewed):
    """全年执行数 scores 预算执行率: with review on it waits in 待审核 like every actual, named and in 万元 there."""
    from museum import catalog
    from museum.intake import ingest

    con = reviewed
    before = budget_now(con)
    batch_id = edit.set_budget(con, 1, 2024, initial_budget=before["initial_budget"],
                               full_year_budget=before["full_year_budget"], executed=987.65, actor="li")
    assert budget_now(con) == before  # nothing official yet
    [pending] = review.listed(con)
    assert (pending.batch_id, pending.kind) == (batch_id, "target_edit")
    [change] = pending.changes  # only the figure that differs
    assert (change["budget"], change["old_value"], change["new_value"]) == ("executed", before["executed"], 987.65)
    cat = catalog.load()
    assert (review.change_name(change, "zh", cat), review.change_unit(change, "zh", cat)) == ("全年执行数", "万元")
    assert review.change_name(change, "en", cat) == "Full-year spending" and review.described(pending, "en", cat).startswith("Full-year")
    with pytest.raises(InputRejected, match="four eyes"):  # the submitter may not approve it
        review.approve(con, batch_id, actor="li", role="admin")
    counts = review.approve(con, batch_id, actor="boss", role="admin")
    assert counts.updated == 1 and budget_now(con) == {**before, "executed": 987.65}
    ingest.rollback(con, batch_id, actor="boss")  # reversible like every batch
    assert budget_now(con) == before


def test_a_budget_changed_meanwhile_is_a_conflict(reviewed):
    con = reviewed
    before = budget_now(con)
    first = edit.set_budget(con, 1, 2024, **{**before, "executed": 900.0}, actor="li")
    second = edit.set_budget(con, 1, 2024, **{**before, "executed": 950.0}, actor="zhao")
    review.approve(con, second, actor="boss", role="admin")
    with pytest.raises(review.ReviewRefused) as refused:
        review.approve(con, first, actor="boss", role="admin")
    assert [(c["budget"], c["submitted_value"], c["current_value"], c["new_value"]) for c in refused.value.conflicts] == [
        ("executed", before["executed"], 950.0, 900.0)]
    assert budget_now(con)["executed"] == 950.0  # never silently overwritten
    review.approve(con, first, actor="boss", role="admin", over_conflicts=True)
    assert budget_now(con)["executed"] == 900.0


def test_approving_a_budget_over_a_conflict_keeps_another_approved_figure(reviewed):
    """Only the figures the submitter changed are written: another figure approved meanwhile stands."""
    con = reviewed
    before = budget_now(con)
    executed = edit.set_budget(con, 1, 2024, **{**before, "executed": 900.0}, actor="li")
    full_year = edit.set_budget(con, 1, 2024, **{**before, "full_year_budget": 5555.0}, actor="zhao")
    review.approve(con, full_year, actor="boss", role="admin")
    review.approve(con, executed, actor="boss", role="admin")  # a figure it leaves alone is no conflict
    assert budget_now(con) == {**before, "full_year_budget": 5555.0, "executed": 900.0}


def test_a_budget_batch_of_several_figures_is_named_as_the_budget(reviewed):
    from museum import catalog

    con = reviewed
    before = budget_now(con)
    edit.set_budget(con, 1, 2024, initial_budget=1.0, full_year_budget=2.0, executed=3.0, actor="li")
    [pending] = review.listed(con)
    assert len(pending.changes) == sum(1 for v in before.values() if v not in (1.0, 2.0, 3.0)) == 3
    assert review.described(pending, "zh", catalog.load()) == "预算执行 2024年"
    assert review.described(pending, "en", catalog.load()).startswith("Budget execution")


def corpus_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("targets_make_corpus", CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_with_review_on_a_target_sheets_budget_figures_wait_while_its_indicators_are_written(con):
    review.set_required(con, 1, True, actor="boss", role="admin")
    result = importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="li")
    assert result.status == "committed" and store.year_targets(con, 1, 2024)  # definitions, not figures: written
    assert store.year_budget(con, 1, 2024) is None  # 全年执行数 scores 预算执行率: not official yet
    [pending] = review.listed(con)
    assert pending.kind == "target_edit" and pending.batch_id != result.batch_id
    assert [(c["budget"], c["old_value"], c["new_value"]) for c in pending.changes] == [
        ("initial_budget", None, 1040), ("full_year_budget", None, 1100), ("executed", None, 1050)]
    [said] = [n.message("zh") for n in result.notices if n.key == "targets.notice.budget_pending"]
    assert f"#{pending.batch_id}" in said and "待审核" in said
    assert result.to_json()["status"] == "committed"
    review.approve(con, pending.batch_id, actor="boss", role="admin")
    assert store.year_budget(con, 1, 2024)["executed"] == 1050


def test_a_sheet_changing_only_the_budget_is_pending_and_is_not_submitted_twice(con):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="li")
    review.set_required(con, 1, True, actor="boss", role="admin")
    corpus = corpus_module()
    content = corpus.xlsx_targets(corpus.INDICATORS, budget=(1040, 1100, 1090))
    first = importer.import_file(con, 1, content, "t2.xlsx", 2024, actor="li")
    [pending] = review.listed(con)
    assert (first.status, first.batch_id, first.counts.inserted, first.counts.updated) == ("pending", pending.batch_id, 0, 0)
    assert [(c["budget"], c["old_value"], c["new_value"]) for c in pending.changes] == [("executed", 1050, 1090)]
    assert store.year_budget(con, 1, 2024)["executed"] == 1050
    again = importer.import_file(con, 1, content, "t2.xlsx", 2024, actor="li")
    assert (again.status, again.batch_id) == ("pending", pending.batch_id) and len(review.listed(con)) == 1
    assert "targets.notice.budget_already_pending" in [n.key for n in again.notices]
    review.approve(con, pending.batch_id, actor="boss", role="admin")
    assert store.year_budget(con, 1, 2024)["executed"] == 1090
