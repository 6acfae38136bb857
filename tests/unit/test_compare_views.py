"""单位对比 from the materialized view of migration 0020 (PostgreSQL): the same rows as each unit's own
frames give, refreshed after every committed batch and rollback, '截至 hh:mm（正在更新）' while behind.
On DuckDB the comparison reads unit by unit (the same function, no view)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from museum import compare, headlines, institutions, kpis
from museum.cli import main
from museum.intake import ingest
from museum.compare import display, sources
from museum.store import batches, db, views

PERIODS = ("2024", "2025", "2024-Q2", "2025-03", "2024-01..2024-06")


def demo_units(path, count: int, capsys, *more: str) -> None:
    assert main(["demo", "--units", str(count), "--db", str(path), *more]) == 0
    capsys.readouterr()


@pytest.fixture
def three(db_path, capsys):
    demo_units(db_path, 3, capsys)
    views.wait()
    return db_path


@pytest.fixture
def pg_only(engine):
    if engine != "postgresql":
        pytest.skip("the materialized view is PostgreSQL's (migration 0020)")


@pytest.fixture
def no_background(monkeypatch):
    """Refresh requests recorded instead of run, so a test sees the view behind until it refreshes."""
    asked: list[str] = []
    monkeypatch.setattr(views, "refresh_soon", lambda url: asked.append(str(url)))
    return asked


def units_of(con) -> list[tuple[int, str]]:
    table = institutions.table(con)
    return sorted((int(i), str(n)) for i, n in zip(table["institution_id"], table["name"]))


def same_as_per_unit(con, period: str) -> list[dict]:
    """The rows from the view (where there is one) equal the per-unit path's, field by field."""
    units = units_of(con)
    viewed, _ = sources.compare_rows(con, units, period, from_view=None)
    each, state = sources.compare_rows(con, units, period, from_view=False)
    assert state is None
    assert viewed == each, period  # every Row field: KPI, completion, 序时进度, per staff, rank
    assert [compare.row_json(r) for r in viewed] == [compare.row_json(r) for r in each]
    return [compare.row_json(r) for r in viewed]


def latest(months: pd.Series) -> int | None:
    known = months.dropna()
    return None if known.empty else int(known.max())


def plain(frame: pd.DataFrame) -> list[list]:
    return frame.astype(object).where(frame.notna(), None).values.tolist()


def test_the_view_gives_the_per_unit_rows_for_three_demo_units(three, engine):
    with db.session(three, read_only=True) as con:
        for period in PERIODS:
            rows = same_as_per_unit(con, period)
            assert len({r["institution"] for r in rows}) == 3
        _, state = sources.compare_rows(con, units_of(con), "2024")
    assert (state is not None and not state.behind) if engine == "postgresql" else state is None
    rows = same_as_per_unit(db.connect(three, read_only=True), "2024")
    assert any(r["completion_pct"] is not None for r in rows)  # targets come through the one-read path too
    assert any(r["per_staff"] is not None for r in rows) and any(r["rank"] == 1 for r in rows)


def test_every_units_view_rows_are_its_values_frame_of_what_is_compared(three, pg_only):
    """Per unit the view's rows are its own metric_values rows: of the compared metrics those of the year
    and the year before, its staff counts up to the year, and rows of the year for 序时进度; targets and
    budgets as its own."""
    headline = set(headlines.headline_ids())
    with db.session(three, read_only=True) as con:
        ids = [uid for uid, _ in units_of(con)]
        for year in (2024, 2025):
            frames = sources.bulk_frames(con, ids + [999], year)
            for uid in ids:
                own = kpis.load_values(con, uid)
                compared = own[(own["year"] <= year) & (((own["year"] >= year - 1) & own["metric_id"].isin(headline))
                                                         | (own["metric_id"] == "headcount"))]
                read = frames["values"][uid]
                assert list(read.columns) == list(own.columns)
                mine = read[read["metric_id"].isin(headline | {"headcount"})]
                assert plain(mine) == plain(compared) and not compared.empty
                assert all(row in plain(own) for row in plain(read))  # the others are its rows too
                months = own.loc[own["year"] == year, "month"]
                assert latest(read.loc[read["year"] == year, "month"]) == latest(months)
                assert read.loc[read["year"] == year, "month"].isna().any() == months.isna().any()
                assert plain(frames["targets"][uid]) == plain(db.query(con, "targets_current", institution_id=uid))
                assert plain(frames["target_budget"][uid]) == plain(db.query(con, "budget_current", institution_id=uid))
            assert frames["values"][999].empty and list(frames["values"][999].columns) == list(own.columns)
        assert (kpis.load_values(con, 1)["year"] < 2023).any()  # older years exist and are left out
        viewed, _ = sources.unit_scopes(con, units_of(con), "2024", "zh")
        each, _ = sources.unit_scopes(con, units_of(con), "2024", "zh", from_view=False)
        assert [s.demo for s in viewed] == [s.demo for s in each] == [True, True, True]  # the demo banner


def test_time_elapsed_sees_a_whole_year_figure_of_a_metric_not_compared(three, engine):
    """序时进度 of a past year is whole (100%) once any metric has a whole-year figure: the view's read
    carries that row even when the metric is not compared, so the figures still equal the unit's own."""
    with db.session(three, read_only=True) as con:
        before = {(r["institution"], r["metric"]): r for r in same_as_per_unit(con, "2025")}
        rows, _ = sources.compare_rows(con, units_of(con), "2025", from_view=False)
        assert {r.progress_pct for r in rows if r.progress_pct is not None} == {75.0}  # months 1–9 only
    with db.session(three) as con:
        with db.transaction(con, institution=2):
            batch = batches.create_batch(con, "upload", institution=2, user="test")
            batches.write_observations(con, batch, 2, [{"metric_id": "lectures", "year": 2025, "month": None,
                                                         "value": 12.0, "qualifier": "exact"}])
    views.wait()
    with db.session(three, read_only=True) as con:
        after = same_as_per_unit(con, "2025")
        rows, _ = sources.compare_rows(con, units_of(con), "2025")
    assert {r.progress_pct for r in rows if r.progress_pct is not None and r.institution_id == 2} == {100.0}
    assert len(after) == len(before)


def test_a_committed_batch_marks_the_view_behind_then_a_refresh_brings_it_up(three, pg_only, no_background, capsys):
    with db.session(three, read_only=True) as con:
        before = views.state(con)
    assert not before.behind
    demo_units(three, 3, capsys, "--remove", "--institution", "1")  # committed batches: the demo rolled back
    with db.session(three, read_only=True) as con:
        behind = views.state(con)
        assert behind.behind and behind.refreshed_version == before.refreshed_version
        assert str(three) in no_background  # the commit asked for a refresh
        stale, _ = sources.compare_rows(con, units_of(con), "2024")
        assert {r.institution_id for r in stale if r.kpi is not None} == {1, 2, 3}  # the view's data, as it was
        assert views.refresh(three) is True
        assert views.refresh(three) is False  # already current: nothing done
        after = views.state(con)
        assert not after.behind and after.refreshed_at >= before.refreshed_at
        assert after.data_version == behind.data_version  # a refresh is not a write of data
        rows = same_as_per_unit(con, "2024")
    assert {r["institution"] for r in rows if r["value"] is not None} == {"西安市科学技术馆"}


def test_the_background_refresh_follows_a_commit(three, pg_only, capsys):
    demo_units(three, 3, capsys, "--remove", "--institution", "1")
    views.wait()
    with db.session(three, read_only=True) as con:
        assert not views.state(con).behind
        rows = same_as_per_unit(con, "2024")
        viewed, _ = sources.unit_scopes(con, units_of(con), "2024", "zh")
        assert [s.demo for s in viewed] == [False, False, False]  # no demo banner once the demo is removed
    assert {r["institution"] for r in rows if r["value"] is not None} == {"西安市科学技术馆"}


def test_rolling_back_a_batch_refreshes_the_view(three, pg_only, capsys):
    with db.session(three, read_only=True) as con:
        batches = ingest.history(con)
        batch = int(batches.loc[batches["institution"] == "示例·某区科普基地", "batch_id"].max())
    assert main(["rollback", str(batch), "--db", str(three)]) == 0
    capsys.readouterr()
    views.wait()
    with db.session(three, read_only=True) as con:
        assert not views.state(con).behind
        rows = same_as_per_unit(con, "2024")
    assert all(r["value"] is None for r in rows if r["institution"] == "示例·某区科普基地")


def test_a_reader_that_finds_the_view_behind_refreshes_it(three, pg_only):
    with db.session(three) as con:
        con.execute("select nextval('data_version_seq')")  # as another process's commit moves it
        assert views.state(con).behind
        assert not views.catch_up(con).behind  # asked, and waited the moment it takes


def test_the_cli_says_as_of_when_behind_and_keeps_its_json_rows(three, pg_only, no_background, capsys):
    assert main(["compare", "--period", "2024", "--json", "--db", str(three)]) == 0
    current = json.loads(capsys.readouterr().out)
    with db.session(three) as con:
        con.execute("select nextval('data_version_seq')")
    assert main(["compare", "--period", "2024", "--json", "--db", str(three)]) == 0
    assert json.loads(capsys.readouterr().out) == current  # the JSON is rows only, as before
    assert main(["compare", "--period", "2024", "--db", str(three)]) == 0
    assert "（正在更新）" in capsys.readouterr().out.splitlines()[-1]
    assert main(["compare", "--period", "2024", "--db", str(three), "--lang", "en"]) == 0
    assert "(being updated)" in capsys.readouterr().out.splitlines()[-1]


def test_the_as_of_note_in_both_languages(monkeypatch):
    monkeypatch.setenv("MUSEUM_TIME_ZONE", "Asia/Shanghai")
    at = dt.datetime(2025, 5, 1, 6, 5)  # stored UTC: 14:05 in Beijing
    behind, current = views.ViewState(at, 10, 12), views.ViewState(at, 12, 12)
    today = dt.datetime(2025, 5, 1, 9, 0, tzinfo=dt.timezone.utc)
    assert display.as_of_note(behind, "zh", today).startswith("数据截至北京时间 14:05（正在更新）")
    assert display.as_of_note(behind, "en", today).startswith("Figures as of 14:05 Beijing time (being updated)")
    later = today + dt.timedelta(days=2)
    assert "2025-05-01 14:05" in display.as_of_note(behind, "zh", later)
    assert display.as_of_note(current, "zh", today) is None and display.as_of_note(None, "en") is None
