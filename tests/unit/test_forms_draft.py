"""The 年度报告 draft: exact JSON, fill rules, placeholders, and the round trip through parse-report into an empty database."""

from __future__ import annotations

import json

import pytest

from museum import catalog, demo, kpis
from museum.cli import main
from museum.forms import draft as draft_module
from museum.forms import edits, fields
from museum.report import importer
from museum.store import metrics, migrations
from museum.report import parser as report_parser
from museum.sections.scope import Scope
from museum.store import audit, batches, db

NAME = "西安市科学技术馆"
DEMO_YEARS = (2020, 2021, 2022, 2023, 2025)


def draft_json(db_path, year, out, capsys) -> dict:
    capsys.readouterr()
    assert main(["draft-report", "--year", str(year), "--out", str(out), "--json", "--db", str(db_path)]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def with_demo(db_path):
    with db.session(db_path) as con:
        demo.load(con, batches.institution_id(con, NAME), actor="test")
    return db_path


def imported(tmp_path, text: str):
    """The draft's text imported into an empty database: (values of the year, profile fields, awards)."""
    path = tmp_path / f"empty-{abs(hash(text))}.duckdb"
    with db.session(path) as con:
        migrations.migrate(con)
        with db.transaction(con):
            metrics.sync(con)   # the schema and the catalog, without the embedded report
        parsed = report_parser.parse_text(text, file_name="draft.txt")
        outcome = importer.commit(con, parsed, actor="test")
        assert outcome["status"] == "committed", outcome
        institution = batches.institution_id(con, parsed.institution, create=False)
        values = kpis.load_values(con, institution)
        profile = db.query(con, "profile_fields", institution_id=institution)
        awards = db.query(con, "awards_by_year", institution_id=institution)
    return parsed.year, values, profile, awards


def test_the_json_is_exactly_the_contract_and_the_files_are_written(db_path, tmp_path, capsys):
    found = draft_json(db_path, 2024, tmp_path, capsys)
    assert tuple(found) == ("year", "fields", "figures", "missing", "files")
    assert list(found["fields"]) == [label for _key, label in fields.FIELDS]
    assert all(tuple(f) == ("metric", "value", "qualifier", "sentence") for f in found["figures"])
    assert [p.rsplit("/", 1)[-1] for p in found["files"]] == ["事业单位法人年度报告-2024-草稿.docx", "事业单位法人年度报告-2024-草稿.txt"]
    assert all((tmp_path / p.rsplit("/", 1)[-1]).stat().st_size > 0 for p in found["files"])


def test_the_seed_year_is_written_in_the_reports_own_words(db_path, tmp_path, capsys):
    found = draft_json(db_path, 2024, tmp_path, capsys)
    activities = found["fields"]["开展业务活动情况"]
    for words in ("共发布科普图文5528篇", "总访问量超500万次", "粉丝增长2万余人", "“三探五进”公益行科普活动超50场"):
        assert words in activities
    assert "一、2024年业务活动情况" in activities and "二、取得社会效益" in activities
    assert "三、存在问题【待填写】" in activities and "四、下一步打算" in activities
    visits = next(f for f in found["figures"] if f["metric"] == "online_visits")
    assert (visits["value"], visits["qualifier"]) == (5000000, "at_least") and "总访问量超500万次" in visits["sentence"]
    assert found["fields"]["年初数(万元)"] == "63.10万元" and found["fields"]["年末数(万元)"] == "59.27万元"
    assert found["fields"]["从业人数"] == "31" and found["fields"]["网上名称"] == "无"
    assert found["missing"] == ["存在问题"]


def test_what_the_data_lacks_is_a_visible_placeholder_listed_as_missing(with_demo, tmp_path, capsys):
    found = draft_json(with_demo, 2025, tmp_path, capsys)
    assert found["fields"]["年末数(万元)"] == "【待填：年末数(净资产，万元)】"
    assert found["fields"]["从业人数"] == "【待填：从业人数(年末)】"
    assert found["fields"]["年初数(万元)"] == "59.27万元"   # last year's 年末数
    assert "年末数(净资产，万元)" in found["missing"] and "从业人数(年末)" in found["missing"]
    assert any(item.startswith("2025年全年数据") for item in found["missing"])
    assert "2025年1–9月" in found["fields"]["开展业务活动情况"]


def test_a_year_start_that_is_not_last_years_end_is_said(with_demo, tmp_path, capsys):
    found = draft_json(with_demo, 2021, tmp_path, capsys)
    assert any("与2020年年末数" in item and "不一致" in item for item in found["missing"])


@pytest.mark.parametrize("year", (2024, *DEMO_YEARS))
def test_each_years_draft_reads_back_to_the_same_fields_and_figures(with_demo, tmp_path, capsys, year):
    found = draft_json(with_demo, year, tmp_path, capsys)
    text = (tmp_path / f"事业单位法人年度报告-{year}-草稿.txt").read_text(encoding="utf-8")
    parsed_year, values, profile, _awards = imported(tmp_path, text)
    assert parsed_year == year
    stored = {r.metric_id: (r.value, r.qualifier) for r in values[(values["year"] == year) & values["month"].isna()].itertuples()}
    for figure in found["figures"]:
        assert stored.get(figure["metric"]) == (pytest.approx(figure["value"]), figure["qualifier"]), figure["metric"]
    texts = {r.field: r.value for r in profile[profile["year"] == year].itertuples()}
    for key, label in fields.FIELDS:
        if key in ("name", "purpose", "address", "legal_representative", "funding_source", "sponsor", "website",
                   "compliance_statement", "activities", "qualifications", "performance_and_litigation", "donations"):
            assert texts.get(key) == found["fields"][label], key


def test_the_seed_years_awards_read_back_as_the_same_records(db_path, tmp_path, capsys):
    draft_json(db_path, 2024, tmp_path, capsys)
    text = (tmp_path / "事业单位法人年度报告-2024-草稿.txt").read_text(encoding="utf-8")
    _year, _values, _profile, awards = imported(tmp_path, text)
    with db.session(db_path) as con:
        original = db.query(con, "awards_by_year", institution_id=batches.institution_id(con, NAME))
    columns = ["competition", "level", "grade", "count"]
    assert sorted(map(tuple, awards[columns].values.tolist())) == sorted(map(tuple, original[columns].values.tolist()))


def test_an_editors_text_is_a_batch_the_draft_uses_and_a_rollback_undoes(db_path, tmp_path, capsys):
    with db.session(db_path) as con:
        institution = batches.institution_id(con, NAME)
        batch_id = edits.save(con, institution, 2024, "activities", "2024年，本馆…三、存在问题场地不足。", actor="test")
        edits.save(con, institution, 2024, "address", "西安市新地址1号", actor="test")
    found = draft_json(db_path, 2024, tmp_path, capsys)
    assert found["fields"]["开展业务活动情况"] == "2024年，本馆…三、存在问题场地不足。"
    assert found["fields"]["住所"] == "西安市新地址1号"
    assert found["missing"] == []   # 存在问题 was written by the editor
    with db.session(db_path) as con:
        kinds = db.query(con, "batches")
        assert "draft_edit" in set(kinds["kind"])
        with db.transaction(con, institution=institution):
            batches.rollback(con, batch_id + 1, user="test")
        assert set(edits.current(con, institution, 2024)) == {"activities"}
        trail = audit.entries(con, action="draft_edit")
        assert len(trail) == 2


def test_an_empty_or_unknown_field_is_refused_and_changes_nothing(con):
    institution = batches.institution_id(con, NAME)
    from museum.errors import InputRejected
    with pytest.raises(InputRejected):
        edits.save(con, institution, 2024, "activities", "   ", actor="test")
    with pytest.raises(InputRejected):
        edits.save(con, institution, 2024, "nonsense", "x", actor="test")
    assert edits.current(con, institution, 2024) == {}


def test_a_draft_covers_a_whole_year(con):
    scope = Scope.from_connection(con, batches.institution_id(con, NAME), NAME, "2024-Q1", "zh")
    with pytest.raises(ValueError):
        draft_module.build(scope)


@pytest.fixture
def with_form_values(db_path, capsys):
    from tests.unit.test_forms_sheets import DATA

    assert main(["ingest", str(DATA / "form_values.csv"), "--db", str(db_path)]) == 0
    capsys.readouterr()
    return db_path


@pytest.mark.parametrize("year", (2024, 2025))
def test_venue_funding_volunteer_and_area_figures_read_back_too(with_form_values, tmp_path, capsys, year):
    found = draft_json(with_form_values, year, tmp_path, capsys)
    text = (tmp_path / f"事业单位法人年度报告-{year}-草稿.txt").read_text(encoding="utf-8")
    _year, values, _profile, _awards = imported(tmp_path, text)
    stored = {r.metric_id: (r.value, r.qualifier) for r in values[(values["year"] == year) & values["month"].isna()].itertuples()}
    assert {"onsite_visitors", "open_days", "popsci_funding_used", "volunteer_hours", "exhibition_area",
            "volunteers_registered"} <= {
        f["metric"] for f in found["figures"]}
    for figure in found["figures"]:
        assert stored.get(figure["metric"]) == (pytest.approx(figure["value"]), figure["qualifier"]), figure["metric"]
    assert "展厅面积5200平方米" in found["fields"]["开展业务活动情况"]


def test_every_category_of_figures_has_its_part_of_the_activities():
    from museum.forms import activities

    parts = {category for category, _title in activities.PARTS}
    wanted = {m.category for m in catalog.load() if m.kind != "event" and m.metric_id not in activities.FORM_FIELDS}
    assert wanted - {"assets"} <= parts
