"""`python -m museum kpis` on partial years (issue 11 §1): months both years have, the share of last
year, and the two JSON keys added at the end of every object."""

import json

from museum.store import batches, db
from museum.cli import main
from museum.present import KPI_JSON_KEYS


def upload_months(db_path, rows):
    """rows: (metric_id, year, month, value) written as one staff upload."""
    with db.session(db_path) as con, db.transaction(con, institution=1):
        batch_id = batches.create_batch(con, "upload", institution=1, user="张三", file_name="months.xlsx")
        counts = batches.write_observations(con, batch_id, 1, [
            {"metric_id": m, "year": y, "month": mo, "value": v, "qualifier": "exact", "note": None, "sentence": None}
            for m, y, mo, v in rows])
        batches.finish_batch(con, batch_id, counts)


def test_months_of_both_years_are_compared_and_named(db_path, capsys):
    """Issue 11: 2024-01…06 and 2025-01…09 of short_videos uploaded; 2024 also has the report's 356."""
    upload_months(db_path, [("short_videos", 2024, m, 25) for m in range(1, 7)]
                  + [("short_videos", 2025, m, 30) for m in range(1, 10)]
                  + [("posts", 2025, m, 400) for m in range(1, 10)])
    assert main(["kpis", "--year", "2025", "--json", "--db", str(db_path)]) == 0
    records = {r["metric"]: r for r in json.loads(capsys.readouterr().out)}
    assert all(tuple(r) == KPI_JSON_KEYS for r in records.values())
    assert KPI_JSON_KEYS[13:15] == ("basis_months", "of_prior_year_pct")  # then the period's keys (issue 17)
    videos = records["short_videos"]
    assert {k: videos[k] for k in ("value", "prior_year", "prior_value", "change", "change_pct", "basis_months", "of_prior_year_pct")} == {
        "value": 270.0, "prior_year": 2024, "prior_value": 150.0, "change": 30.0, "change_pct": 20.0,
        "basis_months": [1, 2, 3, 4, 5, 6], "of_prior_year_pct": None}
    posts = records["posts"]
    assert {k: posts[k] for k in ("value", "prior_value", "change", "change_pct", "basis_months", "of_prior_year_pct")} == {
        "value": 3600.0, "prior_value": 5528.0, "change": None, "change_pct": None, "basis_months": None, "of_prior_year_pct": 65.1230}

    assert main(["kpis", "--year", "2025", "--db", str(db_path)]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert lines["科普短视频"].split()[1:] == ["270条", "(1–9月累计)", "上年1–6月", "150条", "1–6月同比", "+20.0%"]
    assert lines["科普图文"].split()[1:] == ["3600篇", "(1–9月累计)", "上年全年", "5528篇", "已达上年全年的", "65%（截至9月）"]
    assert main(["kpis", "--year", "2025", "--db", str(db_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "270 videos (Jan–Sep total)" in out and "Jan–Jun 2024: 150 videos" in out and "Jan–Jun YoY +20.0%" in out
    assert "65% of 2024 total (as of Sep)" in out


def test_whole_years_have_null_basis_months(db_path, capsys):
    assert main(["kpis", "--year", "2024", "--json", "--db", str(db_path)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {(r["basis_months"], r["of_prior_year_pct"]) for r in records} == {(None, None)}
    assert main(["kpis", "--year", "2024", "--db", str(db_path)]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("总访问量"))
    assert line.split() == ["总访问量", "500万+次", "—", "同比", "—", "(无上年数据)"]


def test_a_period_gives_the_same_objects_plus_its_mom(db_path, capsys):
    """Issue 17: `--period P` keeps every key of `--year`, for the period, and adds the five period keys."""
    upload_months(db_path, [("posts", 2024, m, 100) for m in range(1, 13)]
                  + [("posts", 2025, 3, 120), ("posts", 2025, 4, 150), ("headcount", 2025, 3, 30), ("headcount", 2025, 4, 33)])
    assert main(["kpis", "--period", "2025-04", "--json", "--db", str(db_path)]) == 0
    records = {r["metric"]: r for r in json.loads(capsys.readouterr().out)}
    assert all(tuple(r) == KPI_JSON_KEYS for r in records.values())
    assert KPI_JSON_KEYS[15:] == ("period", "previous_period", "previous_value", "previous_change_pct", "previous_reason")
    assert {k: records["posts"][k] for k in ("year", "value", "prior_value", "change_pct", "basis_months", "period",
                                               "previous_period", "previous_value", "previous_change_pct", "previous_reason")} == {
        "year": 2025, "value": 150.0, "prior_value": 100.0, "change_pct": 50.0, "basis_months": [4], "period": "2025-04",
        "previous_period": "2025-03", "previous_value": 120.0, "previous_change_pct": 25.0, "previous_reason": None}
    assert {k: records["headcount"][k] for k in ("value", "previous_value", "previous_change_pct", "change_pct")} == {
        "value": 33.0, "previous_value": 30.0, "previous_change_pct": 10.0, "change_pct": None}

    assert main(["kpis", "--period", "2025-01..2025-04", "--json", "--db", str(db_path)]) == 0
    posts = {r["metric"]: r for r in json.loads(capsys.readouterr().out)}["posts"]
    assert (posts["value"], posts["previous_period"], posts["previous_reason"]) == (270.0, None, "period_to_date")

    assert main(["kpis", "--period", "2025-04", "--db", str(db_path)]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert lines["指标"].split() == ["指标", "数值", "上年", "同比", "环比"]
    assert lines["科普图文"].split()[1:] == ["150篇", "(4月)", "上年4月", "100篇", "4月同比", "+50.0%", "+25.0%"]


def test_a_year_period_is_the_year_and_a_bad_period_names_the_forms(db_path, capsys):
    assert main(["kpis", "--year", "2024", "--json", "--db", str(db_path)]) == 0
    by_year = capsys.readouterr().out
    assert main(["kpis", "--period", "2024", "--json", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out == by_year
    assert main(["kpis", "--period", "2024-13", "--db", str(db_path)]) == 1
    assert "不是一个期间。可写：2025（全年）、2025-Q2（季度）、2025-04（月份）、2025-01..2025-04" in capsys.readouterr().err
    assert main(["kpis", "--period", "2024-04", "--db", str(db_path)]) == 1  # the report is annual: no month of it
    assert capsys.readouterr().err.strip().endswith("2024年4月没有数据。有数据的年份：2024。")
