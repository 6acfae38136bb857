"""`python -m museum compare` and `demo --units`: JSON keys, unit choice by name or id, exit codes, translated tables."""

import json

import pytest

from museum import institutions
from museum.cli import main
from museum.compare import COMPARE_JSON_KEYS

MUSEUM, EXCHANGE, BASE = "西安市科学技术馆", "示例·西安市科技交流馆", "示例·某区科普基地"


@pytest.fixture
def three(db_path, capsys):
    assert main(["demo", "--units", "3", "--db", str(db_path)]) == 0
    assert "示例·西安市科技交流馆、示例·某区科普基地" in capsys.readouterr().out
    return db_path


def records(capsys, *args) -> list[dict]:
    assert main(["compare", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_every_unit_by_default(three, capsys):
    rows = records(capsys, "--period", "2024", "--json", "--db", str(three))
    assert all(tuple(r) == COMPARE_JSON_KEYS for r in rows)
    assert COMPARE_JSON_KEYS == ("institution", "metric", "value", "qualifier", "change_pct", "completion_pct", "per_staff", "rank")
    assert [r["institution"] for r in rows[:3]] == [MUSEUM, EXCHANGE, BASE]  # registration order, the install's own first
    by = {(r["institution"], r["metric"]): r for r in rows}
    assert by[(BASE, "short_videos")]["value"] is None and by[(BASE, "short_videos")]["rank"] is None
    assert by[(MUSEUM, "online_visits")]["qualifier"] == "at_least" and by[(MUSEUM, "online_visits")]["rank"] == 1
    assert by[(MUSEUM, "posts")]["per_staff"] == round(5528 / 31, 6)
    assert by[(EXCHANGE, "posts")]["completion_pct"] is not None


def test_units_by_name_or_id_comma_separated_or_repeated(three, capsys):
    rows = records(capsys, "--period", "2024", "--json", "--institutions", f"{BASE},1", "--institutions", "3",
                   "--db", str(three))
    assert list(dict.fromkeys(r["institution"] for r in rows)) == [BASE, MUSEUM]  # as given, each once
    assert {r["rank"] for r in rows if r["metric"] == "posts"} == {1, 2}


def test_an_unknown_unit_is_a_usage_error_that_lists_the_units(three, capsys):
    assert main(["compare", "--period", "2024", "--institutions", "1,某某馆", "--db", str(three)]) == 2
    err = capsys.readouterr().err
    assert "某某馆" in err and f"{MUSEUM} (1)" in err and f"{BASE} (3)" in err
    assert main(["compare", "--period", "2024", "--institutions", "9", "--db", str(three), "--lang", "en"]) == 2
    assert "No unit named or numbered “9”" in capsys.readouterr().err


def test_a_period_without_data_is_rejected(three, capsys):
    assert main(["compare", "--period", "2031", "--db", str(three)]) == 1
    assert "所选单位在2031年均无主要指标数据" in capsys.readouterr().err


def test_the_table_speaks_the_readers_language(three, capsys):
    assert main(["compare", "--period", "2024", "--db", str(three)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["指标", "单位", "数值", "排名", "同比", "目标完成", "序时进度", "人均（按从业人数）"]
    assert "超500万次" in out and "未报送" in out and "1/3（并列）" in out
    assert main(["compare", "--period", "2024", "--db", str(three), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Per staff member" in out and "Not reported" in out and "1 of 3 (tied)" in out
    assert "None" not in out and "nan" not in out


def test_demo_units_are_checked_and_the_default_demo_adds_none(db_path, capsys):
    assert main(["demo", "--units", "4", "--db", str(db_path)]) == 2
    assert "--units 取 1 到 3" in capsys.readouterr().err
    assert main(["demo", "--db", str(db_path)]) == 0
    from museum.store import db

    with db.session(db_path) as con:
        assert list(institutions.table(con)["name"]) == [MUSEUM]
