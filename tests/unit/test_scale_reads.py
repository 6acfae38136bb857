"""The per-institution read path made for national size (issue 13) gives exactly what it gave before.

metric_values was rewritten for fewer steps, the KPI arithmetic reads a frame once, and the
institution chooser reads the institution table alone; each is compared here with its former
version on a database with every kind of value (the report, demo history, platform exports with
and without a matrix total, records of every kind, retired rows, a second institution). The
former metric_values is kept as tests/data/scale/metric_values_before.sql, the oracle.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from museum import catalog, demo, institutions, kpis
from museum.intake import ingest
from museum.store import batches, db

ROOT = Path(__file__).resolve().parents[2]
BEFORE = (ROOT / "tests" / "data" / "scale" / "metric_values_before.sql").read_text(encoding="utf-8")
SOURCES = ROOT / "tests" / "data" / "sources"


def _records(con, institution: int) -> None:
    """Records the report never has: a year with provincial awards only, sentences missing, an
    unclassifiable research item, an honour, and a retired award that must not count."""
    with db.transaction(con, institution=institution):
        batch = batches.create_batch(con, "correction", institution=institution, user="test")
        rows = [(2019, "省赛", "provincial", "second", 2, "省赛二等奖2项"), (2019, "市赛", "provincial", "third", 1, None),
                (2019, "旧赛", "national", "first", 5, "撤回")]
        for year, competition, level, grade, count, sentence in rows:
            con.execute("insert into award (institution_id, year, competition, level, grade, count, sentence, batch_id, "
                        "retired_by_batch) values ($i, $y, $c, $l, $g, $n, $s, $b, $r)",
                        {"i": institution, "y": year, "c": competition, "l": level, "g": grade, "n": count, "s": sentence,
                         "b": batch, "r": batch if sentence == "撤回" else None})
        con.execute("insert into research (institution_id, year, item_type, role, stage, description, count, sentence, batch_id) "
                    "values ($i, 2019, 'project', 'lead', 'published', '无法归类', 1, null, $b), "
                    "($i, 2019, 'national_standard', 'participant', 'approved', '国标', 2, '参与国标2项', $b)",
                    {"i": institution, "b": batch})
        con.execute("insert into honor (institution_id, year, title, sentence, batch_id) values ($i, 2019, '先进单位', null, $b)",
                    {"i": institution, "b": batch})


@pytest.fixture
def rich(con):
    """The embedded report, demo history, platform exports, an office total, records; a second institution."""
    demo.load(con, 1, actor="test")
    for name in ("douyin_works_20210415.xlsx", "toutiao_videos_20210430.xlsx"):
        ingest.ingest(con, 1, (SOURCES / name).read_bytes(), name, actor="test")
    # the matrix total of one platform month: it wins over the platforms' sum there
    ingest.ingest(con, 1, "年份,月份,指标,数值\r\n2021,4,科普短视频,6\r\n".encode(), "o.csv", actor="test")
    _records(con, 1)
    with db.transaction(con):
        second = batches.institution_id(con, "第二测试馆")
    ingest.ingest(con, second, "年份,月份,指标,数值\r\n2024,1,科普图文,7\r\n2024,2,科普图文,9\r\n".encode(), "s.csv", actor="test")
    _records(con, second)
    return con, second


@pytest.mark.duckdb_only  # the oracle is the former DuckDB text
def test_values_are_those_of_the_former_query(rich):
    con, second = rich
    for institution in (1, second, second + 1):
        now = db.query(con, "metric_values", institution_id=institution)
        before = con.execute(BEFORE, {"institution_id": institution}).df()
        pd.testing.assert_frame_equal(now, before)
    values = db.query(con, "metric_values", institution_id=1)
    by_key = {(r.metric_id, r.year, None if pd.isna(r.month) else int(r.month)): r for r in values.itertuples()}
    # the cases the comparison covers: a level without awards is 0, the retired award is not counted
    assert [by_key[(m, 2019, None)].value for m in ("awards_total", "awards_national", "awards_provincial")] == [3.0, 0.0, 3.0]
    assert by_key[("awards_national", 2019, None)].sentence == "省赛二等奖2项"
    assert by_key[("honors_received", 2019, None)].value == 1.0 and pd.isna(by_key[("honors_received", 2019, None)].sentence)
    assert by_key[("national_standards_participated", 2019, None)].value == 2.0
    # a platform month without a total is the labelled sum; with one, the total
    assert (by_key[("video_plays", 2021, 4)].value, by_key[("video_plays", 2021, 4)].platforms) == (147049.0, "douyin,toutiao")
    assert by_key[("short_videos", 2021, 4)].value == 6.0 and pd.isna(by_key[("short_videos", 2021, 4)].platforms)
    assert values["is_demo"].any() and values["from_records"].any()


def test_the_institution_chooser_lists_what_the_years_query_lists(rich):
    con, second = rich
    chooser = institutions.table(con)
    with_years = institutions.with_years(con)
    pd.testing.assert_frame_equal(chooser, with_years[["institution_id", "name"]])
    assert chooser.values.tolist() == [[second, "第二测试馆"], [1, "西安市科学技术馆"]]  # by name
    assert with_years[["latest_year", "years"]].values.tolist() == [[2024, 2], [2025, 7]]


def test_kpis_for_year_are_those_of_each_metric_compared_alone(rich):
    """The one-pass grouping gives what comparing each metric's own rows gives (the public `compare`)."""
    con, second = rich
    cat = catalog.load()
    for institution in (1, second):
        values = kpis.load_values(con, institution)
        for year in sorted(set(values["year"])) + [2030]:
            alone = []
            for metric in cat:
                rows = values[values["metric_id"] == metric.metric_id]
                found = kpis.compare(metric, rows[rows["year"] == year], rows[rows["year"] == year - 1], year)
                if found is not None:
                    alone.append(found)
            assert kpis.kpis_for_year(values, cat, year) == alone
    assert len(kpis.kpis_for_year(kpis.load_values(con, 1), cat, 2024)) == 34


def test_the_scale_benchmark_builds_a_marked_synthetic_database_the_same_way_twice(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    import scale_build

    facts = []
    for name in ("a.duckdb", "b.duckdb"):
        built = scale_build.build(tmp_path / name, institutions=3, years=2, metrics=100, progress=lambda _: None)
        with db.session(tmp_path / name, read_only=True) as con:
            digest = con.execute("select sum(hash(institution_id, metric_id, year, month, platform, value, qualifier, batch_id, "
                                 "retired_by_batch)) from observation").fetchall()[0][0]
            names = [r[0] for r in con.execute("select name from institution order by institution_id").fetchall()]
            notes = {r[0] for r in con.execute("select note from batch where user_name = 'bench:scale'").fetchall()}
        facts.append((built["counts"], digest, names, notes))
    counts, digest, names, notes = facts[0]
    assert facts[1] == facts[0]
    assert names[1:] == ["合成测试馆0001", "合成测试馆0002", "合成测试馆0003"]  # after the embedded report's institution
    assert notes == {scale_build.NOTE}
    with db.session(tmp_path / "a.duckdb", read_only=True) as con:
        current, retired = con.execute(
            "select count(*) filter (where retired_by_batch is null), count(*) filter (where retired_by_batch is not null) "
            "from observation where institution_id > 1").fetchall()[0]
        kinds = dict(con.execute("select kind, count(*) from batch where user_name = 'bench:scale' group by kind").fetchall())
        awards = con.execute("select count(*) from award where institution_id > 1").fetchall()[0][0]
    # per institution, year and month: 99 totals (short_videos has none) and 4 platform values
    assert current == 3 * 2 * 12 * 103
    assert 0 < retired < current // 50 and counts["observation"] > current + retired
    assert kinds == {"upload": 3 * 2, "correction": 3}
    assert awards == 3 * 2 * scale_build.PER_YEAR["award"]
