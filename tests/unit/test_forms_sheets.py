"""The 科普统计 and 科协综合统计 sheets: the committed mappings, the number rules, the plan, the JSON and the XLSX."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from museum import catalog
from museum.cli import main
from museum.forms import mapping, sheets
from museum.store import db
from museum.targets import edit

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "forms"
KEPU_NAMES = ("科普专职人员", "科普兼职人员", "科普讲解与辅导人员", "注册科普志愿者", "年度科普经费筹集额", "年度科普经费使用额",
              "科普类网站", "科普类微信公众号", "科普类微信公众号关注数", "科普类微博", "科普类微博粉丝数",
              "线上线下科普(技)讲座次数", "线上线下科普(技)讲座参加人次", "科普(技)专题展览次数", "科普(技)竞赛次数")


def sheet(db_path, form, year, out, capsys) -> dict:
    capsys.readouterr()
    assert main(["stats-sheet", "--form", form, "--year", str(year), "--out", str(out), "--json", "--db", str(db_path)]) == 0
    return {row["indicator"]: row for row in json.loads(capsys.readouterr().out)}


@pytest.fixture
def with_values(db_path, capsys):
    assert main(["ingest", str(DATA / "form_values.csv"), "--db", str(db_path)]) == 0
    capsys.readouterr()
    return db_path


# --- the mappings ------------------------------------------------------------------------------

@pytest.mark.parametrize("form", mapping.FORMS)
def test_every_mapped_metric_exists_and_its_unit_fits(form):
    cat = catalog.load()
    for line in mapping.load(form):
        assert line.kind in mapping.KINDS, line
        if line.metric is not None:
            assert line.metric in {m.metric_id for m in cat}, line
            assert mapping.units_fit(line.unit, cat[line.metric].unit_zh), line
            assert cat[line.metric].kind != "event", line


@pytest.mark.parametrize("form", mapping.FORMS)
def test_short_videos_and_livestreams_are_the_museums_additions_never_form_lines(form):
    lines = mapping.load(form)
    for metric in ("short_videos", "livestreams"):
        assert [line.kind for line in lines if line.metric == metric] == ["addition"]
    assert all(line.table.startswith("本馆补充") == (line.kind == "addition") for line in lines)


def test_the_kepu_mapping_uses_the_current_surveys_indicator_names():
    names = {line.indicator for line in mapping.load("kepu")}
    assert set(KEPU_NAMES) <= names
    tables = {line.table for line in mapping.load("kepu") if line.kind == "field"}
    assert tables == {"科普人员", "科普场地", "科普经费", "科普传媒", "科普活动"}


def test_units_fit_only_the_same_quantity():
    assert mapping.units_fit("平方米", "m²") and mapping.units_fit("人次", "人次")
    assert not mapping.units_fit("人", "人次") and not mapping.units_fit("万元", "元")


def test_whole_numbers_round_half_up():
    assert [sheets.whole(v) for v in (0, 0.4, 12.5, 149.99, 144000)] == ["0", "0", "13", "150", "144000"]


# --- kepu -------------------------------------------------------------------------------------

def test_kepu_fills_what_the_data_holds_zero_as_0_and_missing_as_dash(with_values, tmp_path, capsys):
    rows = sheet(with_values, "kepu", 2024, tmp_path / "kepu.xlsx", capsys)
    assert rows["线上线下科普(技)讲座次数"]["value"] == "36"
    assert rows["科技馆参观人次"]["value"] == "144000"
    assert rows["年度科普经费使用额"]["value"] == "150"
    assert rows["科技馆展厅面积"]["value"] == "5200"
    assert rows["注册科普志愿者"]["value"] == "860" and rows["注册科普志愿者"]["metric"] == "volunteers_registered"
    assert rows["科普(技)专题展览次数"]["value"] == "0" and rows["科普(技)专题展览次数"]["actual"] == 0
    assert rows["线上线下科普(技)讲座参加人次"]["value"] == "-" and rows["线上线下科普(技)讲座参加人次"]["actual"] is None
    assert rows["科普专职人员"]["value"] == "-" and rows["科普专职人员"]["metric"] is None
    assert rows["科普专职人员"]["source"].startswith("待收集")
    lectures = rows["线上线下科普(技)讲座次数"]
    assert lectures["metric"] == "lectures" and lectures["source"].startswith("lectures 2024 批次#")
    assert rows["科普短视频"]["value"] == "356" and rows["科普短视频"]["table"].startswith("本馆补充")


@pytest.mark.parametrize("form,year", [("kepu", 2024), ("kepu", 2023), ("kexie", 2025), ("kexie", 2022)])
def test_the_json_rows_are_exactly_the_contract_and_no_missing_value_is_0(with_values, tmp_path, capsys, form, year):
    rows = sheet(with_values, form, year, tmp_path / "s.xlsx", capsys)
    assert len(rows) == len(mapping.load(form))
    for row in rows.values():
        assert tuple(row) == sheets.ROW_JSON_KEYS
        assert row["value"] == "-" or row["value"].isdigit()
        if row["actual"] is None and row["planned"] is None:
            assert row["value"] == "-"
        else:
            assert row["value"] == sheets.whole((row["actual"] or 0) + (row["planned"] or 0))


# --- kexie ------------------------------------------------------------------------------------

def test_kexie_is_january_to_october_plus_last_years_november_and_december(with_values, tmp_path, capsys):
    rows = sheet(with_values, "kexie", 2025, tmp_path / "kexie.xlsx", capsys)
    lectures = rows["举办科普讲座"]
    assert (lectures["actual"], lectures["planned"], lectures["value"]) == (30, 6, "36")
    assert "2025-01..2025-10" in lectures["source"] and "上年同期" in lectures["source"]
    area = rows["展厅面积"]
    assert (area["actual"], area["planned"], area["value"]) == (5200, None, "5200")   # a stock has no plan
    assert rows["科技馆从业人员"]["value"] == "-"


def test_kexie_plans_the_remaining_target_where_one_is_linked(with_values, tmp_path, capsys):
    with db.session(with_values) as con:
        edit.add_target(con, 1, 2025, {"level1": "产出指标", "level2": "数量指标", "indicator": "科普讲座",
                                       "target_text": "≥40次", "weight": 5, "metric_id": "lectures"}, actor="test")
    lectures = sheet(with_values, "kexie", 2025, tmp_path / "kexie.xlsx", capsys)["举办科普讲座"]
    assert (lectures["actual"], lectures["planned"], lectures["value"]) == (30, 10, "40")
    assert "全年目标余量" in lectures["source"]


def test_the_xlsx_shows_the_lines_planned_numbers_labelled_and_what_to_collect(with_values, tmp_path, capsys):
    out = tmp_path / "kexie.xlsx"
    sheet(with_values, "kexie", 2025, out, capsys)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["统计表", "本馆补充", "待收集"]
    main_rows = {r[1]: r for r in book["统计表"].iter_rows(min_row=3, values_only=True)}
    assert main_rows["举办科普讲座"][3] == "36" and main_rows["举办科普讲座"][5] == "计划 6"
    assert main_rows["科普讲座参加人次"][3] == "-"
    assert main_rows["注册科普志愿者"][3] == "860" and main_rows["注册科普志愿者"][5] is None
    assert list(book["待收集"].iter_rows(min_row=3, values_only=True)) == []   # every 科协 line is mapped
    sheet(with_values, "kepu", 2024, tmp_path / "kepu.xlsx", capsys)
    collect = {r[1] for r in openpyxl.load_workbook(tmp_path / "kepu.xlsx")["待收集"].iter_rows(min_row=3, values_only=True)}
    assert {"科普专职人员", "科普兼职人员", "科普类网站", "科普(技)竞赛次数"} <= collect
    assert "科普短视频" in {r[1] for r in book["本馆补充"].iter_rows(min_row=3, values_only=True)}


def test_the_test_input_is_reproducible(tmp_path):
    before = (DATA / "form_values.csv").read_bytes()
    subprocess.run([sys.executable, str(DATA / "make_forms.py")], check=True)
    assert (DATA / "form_values.csv").read_bytes() == before
