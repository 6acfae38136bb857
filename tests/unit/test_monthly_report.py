"""The operations report of a month, a quarter and months 1–N (issue 21), over the demo data and the committed
corpus (tests/data/monthly), in both languages: what it says, in which order, its files and its JSON."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from museum.cli import main
from museum.export.monthly import build_monthly
from museum.export.monthly_files import brief_text, file_name
from museum.period import Period
from museum.sections import Chart, KpiCards
from museum.store import audit, db

CORPUS = Path(__file__).resolve().parents[1] / "data" / "monthly"


@pytest.fixture
def corpus_db(db_path):
    assert main(["ingest", str(CORPUS / "months_2022_2023.csv"), "--db", str(db_path)]) == 0
    return db_path


@pytest.fixture
def demo_db(db_path):
    assert main(["demo", "--db", str(db_path)]) == 0
    return db_path


def monthly_of(path, text, lang="zh"):
    with db.session(path) as con:
        return build_monthly(con, text, lang)


def test_regenerating_the_corpus_changes_no_byte(tmp_path):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".py"}
    copy = tmp_path / "make_corpus.py"
    copy.write_text((CORPUS / "make_corpus.py").read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, str(copy)], check=True, capture_output=True)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir() if p.suffix != ".py"}
    assert after == before and len(before) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_month_of_the_corpus_opens_with_its_exceptions(corpus_db, lang):
    monthly = monthly_of(corpus_db, "2023-04", lang)
    assert [(f.kind, f.metric) for f in monthly.findings] == [
        ("yoy_drop", "posts"), ("missing_month", "online_visits"), ("yoy_jump", "short_videos")]
    keys = [s.key for s in monthly.report.sections]
    assert keys[:3] == ["exceptions", "overview", "tasks"] and "online_media" in keys
    assert [k.metric.metric_id for k in monthly.headline] == ["posts", "short_videos", "follower_growth"]
    posts = monthly.headline[0]
    assert (posts.value, round(posts.change_pct, 1), round(posts.previous_change_pct, 1)) == (60, -40.0, -40.0)
    title = monthly.report.title_text()
    assert title.endswith("2023年4月运营月报" if lang == "zh" else "Operations report Apr 2023")


def test_a_quarter_and_months_one_to_four_of_the_corpus(corpus_db):
    quarter = monthly_of(corpus_db, "2023-Q2")
    assert [(f.kind, f.metric) for f in quarter.findings] == [("yoy_drop", "posts"), ("yoy_jump", "short_videos")]
    assert quarter.report.title_text().endswith("2023年第二季度运营季报")
    to_date = monthly_of(corpus_db, "2023-01..2023-04", "en")
    # over 1–4 the posts fall 10%: below the threshold; April's missing 总访问量 still counts
    assert [(f.kind, f.metric) for f in to_date.findings] == [("missing_month", "online_visits")]
    assert all(k.previous_change_pct is None for k in to_date.headline)  # months 1–N: no 环比


def test_the_charts_are_the_period_charts_of_the_sections(corpus_db):
    monthly = monthly_of(corpus_db, "2023-04")
    names = [c.name for c in monthly.report.charts]
    assert names and all(n.endswith(("_monthly_2023-04", "_change_2023-04")) for n in names)
    assert "online_media_change_2023-04" in names and "posts_monthly_2023-04" in names
    media = next(s for s in monthly.report.sections if s.key == "online_media")
    assert isinstance(media.blocks[0], KpiCards) and any(isinstance(b, Chart) for b in media.blocks)


@pytest.mark.parametrize("text, lang", [("2025-04", "zh"), ("2025-Q2", "en"), ("2025-01..2025-04", "zh")])
def test_demo_periods_build_with_tasks_and_environment(demo_db, text, lang):
    monthly = monthly_of(demo_db, text, lang)
    assert monthly.report.demo and monthly.headline
    assert monthly.tasks_done == [] and len(monthly.tasks_next) == 6  # the 2024 report's plan is for 2025
    assert monthly.findings == []  # 2024 is annual only: no 同比, so nothing invented


@pytest.mark.parametrize("kind, text, lang, name", [
    ("docx", "2025-04", "zh", "运营月报-2025年4月.docx"),
    ("pdf", "2025-Q2", "zh", "运营季报-2025年第二季度.pdf"),
    ("pdf", "2025-01..2025-04", "zh", "运营报告-2025年1-4月.pdf"),
    ("txt", "2025-04", "zh", "工作简报-2025年4月.txt"),
    ("pdf", "2025-04", "en", "operations-report-2025-04.pdf"),
    ("docx", "2025-Q2", "en", "operations-report-2025-Q2.docx"),
    ("txt", "2025-01..2025-04", "en", "work-brief-2025-01-04.txt"),
])
def test_files_are_named_by_what_and_when(kind, text, lang, name):
    assert file_name(kind, Period.coerce(text), lang) == name


def test_the_brief_is_numbered_plain_text(demo_db):
    text = brief_text(monthly_of(demo_db, "2025-04"))
    lines = text.splitlines()
    assert lines[0] == "西安市科学技术馆2025年4月工作简报"
    assert lines[2:4] == ["一、本月重点工作完成情况（0项）", "（无）"]
    assert lines[5] == "二、下月重点工作计划（6项）" and lines[6].startswith("1. （一）拓展边界")
    assert lines[11].startswith("6. ")


def test_cli_report_writes_the_files_and_prints_exactly_the_json(corpus_db, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["report", "--period", "2023-04", "--out", str(out), "--db", str(corpus_db), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert list(payload) == ["period", "files", "headline", "exceptions", "tasks_done", "tasks_next"]
    assert payload["period"] == "2023-04"
    assert sorted(Path(p).name for p in payload["files"]) == sorted(p.name for p in out.iterdir()) == [
        "工作简报-2023年4月.txt", "运营月报-2023年4月.docx", "运营月报-2023年4月.pdf"]
    assert payload["headline"][0] == {"metric": "posts", "value": 60.0, "qualifier": "exact", "change_pct": -40.0,
                                      "previous_change_pct": -40.0}
    assert payload["exceptions"][0] == {"kind": "yoy_drop", "metric": "posts", "text": "科普图文60篇，4月同比−40.0%，请核实原因。"}
    assert (out / "运营月报-2023年4月.pdf").read_bytes().startswith(b"%PDF")
    with db.session(corpus_db) as con:
        assert audit.entries(con, action="export")["detail"][0].startswith("report 西安市科学技术馆 2023-04 zh")


def test_a_period_without_data_exits_1(corpus_db, tmp_path, capsys):
    assert main(["report", "--period", "2021-04", "--out", str(tmp_path), "--db", str(corpus_db)]) == 1
    assert "2021年4月" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [] or not any(p.suffix == ".pdf" for p in tmp_path.iterdir())


def test_a_period_kpi_table_names_the_months_compared(corpus_db):
    from museum.export.content import kpi_table

    monthly = monthly_of(corpus_db, "2023-Q2")
    cards = next(b for b in monthly.report.sections[1].blocks if isinstance(b, KpiCards))
    assert list(kpi_table(cards, 2023, "zh").columns[:5]) == ["指标", "2023年第二季度", "2022年第二季度", "同比", "环比"]


def test_a_period_compared_with_last_year_total_says_the_year_not_its_months(demo_db):
    from museum.export.content import kpi_table

    monthly = monthly_of(demo_db, "2025-01..2025-04", "en")  # 2024 is known as a whole year only
    cards = next(b for b in monthly.report.sections[1].blocks if isinstance(b, KpiCards))
    assert list(kpi_table(cards, 2025, "en").columns[1:3]) == ["Jan–Apr 2025", "2024"]


def test_targets_behind_the_schedule_at_the_period_end_come_first(corpus_db):
    targets = Path(__file__).resolve().parents[1] / "data" / "targets" / "good_gbk.csv"
    assert main(["targets", "import", str(targets), "--year", "2023", "--db", str(corpus_db)]) == 0
    monthly = monthly_of(corpus_db, "2023-04")
    assert [(f.kind, f.metric) for f in monthly.findings][:2] == [("behind_schedule", "posts"), ("behind_schedule", "online_visits")]
    assert monthly.findings[0].text == "“科普西安”融媒体矩阵发布科普图文完成 6.0%，序时进度 33.3%，落后 27.3 个百分点。"
    assert monthly.score[0].startswith("2023年绩效自评：已评 ")  # the score on what is assessed (issue 18 §1)
    assert any(s.key == "targets" for s in monthly.report.sections)
