"""`values --period`: the stored values of the period's months; a whole-year value only in a whole-year period."""

from __future__ import annotations

import json

import pytest

from museum.cli import main
from museum.intake import entry
from museum.store import db


@pytest.fixture
def months(db_path):
    with db.session(db_path) as con:
        for month, posts in ((3, "30"), (4, "40"), (6, "60"), (7, "70")):
            entry.submit(con, 1, 2025, month, {"posts": posts}, actor="test")
    return db_path


def values(db_path, capsys, *options) -> list[dict]:
    assert main(["values", "--db", str(db_path), "--metric", "posts", "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_quarter_keeps_its_months(months, capsys):
    assert [(v["year"], v["month"], v["value"]) for v in values(months, capsys, "--period", "2025-Q2")] == [
        (2025, 4, 40.0), (2025, 6, 60.0)]
    assert [v["month"] for v in values(months, capsys, "--period", "2025-03..2025-07")] == [3, 4, 6, 7]
    assert [v["month"] for v in values(months, capsys, "--period", "2025-07")] == [7]


def test_a_whole_year_value_belongs_to_the_whole_year_only(months, capsys):
    year = values(months, capsys, "--period", "2024")  # the embedded 2024 report: 科普图文 5528 for the year
    assert [(v["month"], v["value"]) for v in year] == [(None, 5528.0)]
    assert values(months, capsys, "--period", "2024") == values(months, capsys, "--year", "2024")
    assert values(months, capsys, "--period", "2024-Q1") == []


def test_year_and_period_together_or_a_bad_period_are_refused(months, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["values", "--db", str(months), "--year", "2025", "--period", "2025-Q2"])
    assert stopped.value.code == 2
    capsys.readouterr()
    assert main(["values", "--db", str(months), "--period", "2025-Q5"]) != 0
    assert "2025-Q2" in capsys.readouterr().err  # the message names the forms a period takes
