"""The annual-report parser: the seed report gives the seed data; every layout gives every field.
What is not a report: test_report_refusals.py; the prose of the activities: test_report_sentences.py."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from museum import seed
from museum.report import parser as report_parser
from museum.report.parser import review
from museum.report.parser.inputs import read_report_bytes

DATA = Path(__file__).resolve().parent.parent / "data" / "report"
SEED = seed.SEED_DIR / "annual-report-2024"
SHARED_SEED = Path("/work/shared/seed/annual-report-2024.txt")


def parse(name: str) -> report_parser.ParsedReport:
    return report_parser.parse_bytes((DATA / name).read_bytes(), name)


def rows(records, keys):
    return sorted((tuple(r.get(k) for k in keys) for r in records), key=repr)


def assert_quotes_exact(parsed: report_parser.ParsedReport) -> None:
    """Every sentence is an exact passage of the report and contains the figure read from it."""
    text, _ = read_report_bytes(parsed.source_bytes, parsed.source_name)
    text = text.replace("\r\n", "\n")
    for figure in parsed.fields.values():
        assert figure.sentence in text
    for metric in parsed.metrics:
        assert metric.sentence in text, metric
        assert metric.text in metric.sentence, metric
    for record in (*parsed.awards, *parsed.honors, *parsed.research, *parsed.unplaced):
        assert record["sentence"] in text, record
    for item in parsed.unplaced:
        assert item["text"] in item["sentence"]


# ---------------------------------------------------------------------------------------------
# The seed report yields exactly the seed data


@pytest.fixture(scope="module")
def seed_pair():
    parsed = report_parser.parse_bytes((SEED / "report.txt").read_bytes(), "report.txt")
    dataset, errors = review.to_dataset(parsed)
    assert errors == []
    return parsed, dataset, seed.read_dataset(SEED)


def test_seed_report_copy_is_the_shared_one():
    if SHARED_SEED.exists():
        assert (SEED / "report.txt").read_bytes() == SHARED_SEED.read_bytes()


def test_seed_report_gives_the_seed_observations(seed_pair):
    _, parsed, expected = seed_pair
    keys = ("metric_id", "year", "month", "value", "qualifier", "sentence")
    assert rows(parsed.observations, keys) == rows(expected.observations, keys)
    assert len(parsed.observations) == 20


def test_seed_report_gives_the_seed_records(seed_pair):
    _, parsed, expected = seed_pair
    for table, keys in (
        ("awards", ("competition", "level", "grade", "count", "sentence")),
        ("honors", ("title", "subject", "awarded_by", "level", "sentence")),
        ("research", ("item_type", "role", "stage", "description", "count", "sentence")),
        ("profile", ("field", "value", "sentence")),
    ):
        assert rows(getattr(parsed, table), keys) == rows(getattr(expected, table), keys), table
    assert (parsed.institution, parsed.year) == (expected.institution, expected.year)
    assert parsed.source_bytes == expected.source_bytes


def test_seed_report_quotes_are_exact_and_unplaced_listed(seed_pair):
    parsed, _, _ = seed_pair
    assert_quotes_exact(parsed)
    # 十八部委, 十六部门 and 百名青少年 are numbers no rule reads: listed for review, never dropped
    assert [u["text"] for u in parsed.unplaced] == ["两个", "十八部", "十六部", "百名", "两项"]
    assert parsed.unplaced[-1]["sentence"].startswith("2.线下科普活动追求品牌化和精品化")
    assert parsed.layout == "pipe_table" and parsed.encoding == "utf-8"


def test_seed_json_institution(seed_pair):
    parsed, _, _ = seed_pair
    info = parsed.to_json()["institution"]
    assert list(info) == list(report_parser.INSTITUTION_KEYS)
    assert info["startup_capital_wan"] == 5 and info["assets_year_start_wan"] == 63.1
    assert info["assets_year_end_wan"] == 59.27 and info["headcount"] == 31 and info["website"] == "无"


# ---------------------------------------------------------------------------------------------
# Other layouts, other institutions, other years

PIPE_INSTITUTION = {
    "name": "青岚市科技馆",
    "purpose": "开展科学技术普及活动，促进公众科学素质提升。",
    "address": "江南省青岚市湖滨路8号",
    "legal_representative": "林晓",
    "startup_capital_wan": 120,
    "funding_source": "财政补助(财政补助(全额))",
    "sponsor": "青岚市科学技术协会",
    "assets_year_start_wan": 1210.5,
    "assets_year_end_wan": 1188.25,
    "website": "青岚科技馆.公益",
    "headcount": 46,
}
PIPE_METRICS = [
    ("startup_capital", 120, "exact", "万元"),
    ("assets_year_start", 1210.5, "exact", "万元"),
    ("assets_year_end", 1188.25, "exact", "万元"),
    ("headcount", 46, "exact", "人"),
    ("open_days", 306, "exact", "天"),
    ("onsite_visitors", 126000, "approx", "人次"),
    ("lectures", 24, "exact", "次"),
    ("lecture_attendance", 3200, "at_least", "人次"),
    ("short_term_exhibitions", 5, "exact", "个"),
    ("exhibits_updated", 120, "exact", "件"),
    ("posts", 812, "exact", "篇"),
    ("short_videos", 96, "exact", "条"),
    ("online_visits", 1500000, "at_least", "次"),
    ("volunteer_person_times", 4600, "exact", "人次"),
    ("volunteer_hours", 12000, "exact", "小时"),
]


def metric_tuples(parsed):
    return [(m["metric"], m["value"], m["qualifier"], m["unit"]) for m in parsed.to_json()["metrics"]]


def test_pipe_table_with_several_fields_per_row():
    parsed = parse("pipe_multi.txt")
    out = parsed.to_json()
    assert out["year"] == 2022
    assert out["institution"] == PIPE_INSTITUTION
    assert metric_tuples(parsed) == PIPE_METRICS
    assert [(a["competition"], a["level"], a["grade"], a["count"]) for a in out["awards"]] == [
        ("江南省科技馆辅导员大赛", "provincial", "first", 1),
        ("江南省科技馆辅导员大赛", "provincial", "third", 2),
        ("全国科普讲解大赛", "national", "excellence", 1),
    ]
    assert [(h["title"], h["subject"], h["awarded_by"], h["level"]) for h in out["honors"]] == [
        ("科普教育基地", None, "江南省", "provincial"),
    ]
    assert [(r["item_type"], r["role"], r["stage"], r["description"], r["count"]) for r in out["research"]] == [
        ("project", "lead", "approved", "市级课题", 2),
        ("paper", None, "published", "论文", 3),
    ]
    # a percentage with no metric, a grade the schema has no code for, a plan, a donation
    assert [u["text"] for u in out["unplaced"]] == ["8%", "获得全国科学实验展演汇演金奖1项", "3个", "3万元"]
    assert out["unplaced"][2]["sentence"] == "二、下一步工作计划：计划新建3个科普展区。"
    assert parsed.metric("headcount").sentence == "网上名称 | 青岚科技馆.公益 | 从业人数 46 |"
    assert parsed.fields["compliance_statement"].value == "本年度无变更登记事项。"
    assert parsed.fields["donations"].value == "接受社会捐赠3万元，全部用于青少年科普活动。"
    assert parsed.layout == "pipe_table"
    assert_quotes_exact(parsed)


CELL_INSTITUTION = {
    "name": "梧桐县青少年科技馆",
    "purpose": "组织青少年科技教育活动，开展科普展览与培训。",
    "address": "梧桐县城关镇文化路3号",
    "legal_representative": "周敏",
    "startup_capital_wan": 8,
    "funding_source": "财政补助(财政补助(全额))",
    "sponsor": "梧桐县科学技术协会",
    "assets_year_start_wan": 147.2,
    "assets_year_end_wan": 150.3,
    "website": "无",
    "headcount": 12,
}


@pytest.mark.parametrize("name, encoding", [("cell_per_line.txt", "utf-8"), ("cell_per_line_blank_gb18030.txt", "gb18030")])
def test_one_cell_per_line_with_broken_labels(name, encoding):
    parsed = parse(name)
    out = parsed.to_json()
    assert (out["year"], parsed.encoding, parsed.layout) == (2021, encoding, "cell_per_line")
    assert out["institution"] == CELL_INSTITUTION
    assert metric_tuples(parsed) == [
        ("startup_capital", 8, "exact", "万元"),
        ("assets_year_start", 147.2, "exact", "万元"),
        ("assets_year_end", 150.3, "exact", "万元"),
        ("headcount", 12, "exact", "人"),
        ("education_sessions", 36, "exact", "场"),
    ]
    assert [(a["competition"], a["level"], a["grade"], a["count"]) for a in out["awards"]] == [
        ("全国青少年科技创新大赛", "national", "second", 1),
    ]
    assert out["honors"] == [] and out["research"] == []
    assert [u["text"] for u in out["unplaced"]] == ["约5000人次"]
    # the sentence runs over a line break of the page and is quoted as it stands
    assert out["metrics"][4]["sentence"] == "2021年，本馆开展科技教育活动36场，\n服务学生约5000人次。"
    assert parsed.fields["qualifications"].value == "无"
    assert_quotes_exact(parsed)


LABEL_INSTITUTION = {
    "name": "江汀市自然科学博物馆",
    "purpose": "收藏、研究和展示自然标本，开展科普教育。",
    "address": "江汀市滨江大道100号",
    "legal_representative": "吴海",
    "startup_capital_wan": 63.1,
    "funding_source": "全额拨款",
    "sponsor": "江汀市文化和旅游局",
    "assets_year_start_wan": 2345.6,
    "assets_year_end_wan": 2401,
    "website": "江汀自然博物馆",
    "headcount": 58,
}


@pytest.mark.parametrize("name, encoding", [("label_value.txt", "utf-8"), ("label_value_utf16.txt", "utf-16")])
def test_padded_labels_with_colons_and_year_from_the_activities(name, encoding):
    parsed = parse(name)
    out = parsed.to_json()
    assert (out["year"], parsed.encoding, parsed.layout) == (2023, encoding, "label_value")
    assert out["institution"] == LABEL_INSTITUTION
    assert metric_tuples(parsed) == [
        ("startup_capital", 63.1, "exact", "万元"),
        ("assets_year_start", 2345.6, "exact", "万元"),
        ("assets_year_end", 2401, "exact", "万元"),
        ("headcount", 58, "exact", "人"),
        ("onsite_visitors", 350000, "at_least", "人次"),
        ("short_term_exhibitions", 6, "exact", "个"),
        ("education_sessions", 120, "exact", "场"),
        ("partnership_agreements", 3, "exact", "项"),
    ]
    assert [(h["title"], h["subject"], h["awarded_by"], h["level"]) for h in out["honors"]] == [("文明单位", None, "江南省", "provincial")]
    assert out["awards"] == [] and out["research"] == [] and out["unplaced"] == []
    assert parsed.fields["name"].sentence == "名       称：江汀市自然科学博物馆"
    assert parsed.fields["donations"].value == "无"
    assert "compliance_statement" not in parsed.fields
    assert_quotes_exact(parsed)


def test_truncated_text_keeps_what_is_there():
    parsed = parse("truncated.txt")
    out = parsed.to_json()
    assert out["year"] == 2022 and out["institution"] == PIPE_INSTITUTION
    assert metric_tuples(parsed) == PIPE_METRICS[:7]
    assert [u["text"] for u in out["unplaced"]] == ["8%"]
    assert out["awards"] == out["honors"] == out["research"] == []
    for missing in ("qualifications", "performance_and_litigation", "donations"):
        assert missing not in parsed.fields
    assert parsed.fields["activities"].value.endswith("参加讲座听")
    assert_quotes_exact(parsed)


def test_missing_labels_leave_fields_empty_and_values_unplaced():
    parsed = parse("missing_labels.txt")
    out = parsed.to_json()
    assert out["year"] == 2020
    assert out["institution"] == {
        "name": "北沙市科普中心",
        "purpose": "普及科学知识。",
        "address": None,
        "legal_representative": "郑强",
        "startup_capital_wan": 5,
        "funding_source": "全额拨款",
        "sponsor": "北沙市科学技术协会",
        "assets_year_start_wan": 20.5,
        "assets_year_end_wan": 22,
        "website": "无",
        "headcount": None,
    }
    assert out["unplaced"] == [
        {"text": "北沙市新华路12号", "sentence": "| 北沙市新华路12号 | |"},
        {"text": "31", "sentence": "网上名称 | 无 | 31 |"},
    ]
    assert metric_tuples(parsed)[3:] == [("livestreams", 12, "exact", "场次"), ("lectures", 8, "exact", "次")]
    assert_quotes_exact(parsed)


def test_html_page_keeps_cell_boundaries_and_never_runs_markup():
    parsed = parse("portal_page.html")
    out = parsed.to_json()
    assert (out["year"], parsed.encoding, parsed.layout) == (2019, "html/utf-8", "pipe_table")
    assert out["institution"] == {
        "name": "南湖市科技馆",
        "purpose": "开展科普展教活动；承办科技竞赛。",
        "address": "南湖市中山路1号",
        "legal_representative": "钱&程",
        "startup_capital_wan": 50,
        "funding_source": "财政补助(财政补助(全额))",
        "sponsor": "南湖市科学技术协会",
        "assets_year_start_wan": 310.4,
        "assets_year_end_wan": 305,
        "website": "南湖科技馆",
        "headcount": 25,
    }
    assert metric_tuples(parsed)[4:] == [
        ("onsite_visitors", 180000, "at_least", "人次"),
        ("lectures", 15, "exact", "次"),
        ("posts", 300, "exact", "篇"),
    ]
    assert [u["text"] for u in out["unplaced"]] == ["40场"]
    # the page's script is dropped; escaped text in a cell stays text
    assert "假的" not in str(out)
    assert "<script>alert(1)</script>" in parsed.fields["activities"].value
    assert_quotes_exact(parsed)


def build_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("事业单位法人年度报告书")
    document.add_paragraph("2018年度")
    table = document.add_table(rows=0, cols=4)
    for cells in (
        ("单位名称", "东川市少年科学宫", "", ""),
        ("住所", "东川市解放路20号", "法定代表人", "冯丽"),
        ("开办资金", "30(万元)", "经费来源", "差额拨款"),
        ("举办单位", "东川市教育局", "", ""),
        ("年初数", "88", "期末数", "90.5"),
        ("网上名称", "无", "从业人数", "17"),
        ("开展业务活动情况", "2018年，举办科普讲座10次，开展青少年科技教育活动60场。\n获东川市科技辅导员大赛二等奖2项。", "", ""),
        ("接收捐赠资助及使用情况", "无", "", ""),
    ):
        row = table.add_row()
        for cell, value in zip(row.cells, cells):
            cell.text = value
    row = table.rows[0]
    row.cells[1].merge(row.cells[3])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_table_cells():
    parsed = report_parser.parse_bytes(build_docx(), "年度报告.docx")
    out = parsed.to_json()
    assert (out["year"], parsed.encoding, parsed.layout) == (2018, "docx", "pipe_table")
    assert out["institution"] == {
        "name": "东川市少年科学宫",
        "purpose": None,
        "address": "东川市解放路20号",
        "legal_representative": "冯丽",
        "startup_capital_wan": 30,
        "funding_source": "差额拨款",
        "sponsor": "东川市教育局",
        "assets_year_start_wan": 88,
        "assets_year_end_wan": 90.5,
        "website": "无",
        "headcount": 17,
    }
    assert metric_tuples(parsed)[4:] == [("lectures", 10, "exact", "次"), ("education_sessions", 60, "exact", "场")]
    assert [(a["competition"], a["level"], a["grade"], a["count"]) for a in out["awards"]] == [
        ("东川市科技辅导员大赛", "municipal", "second", 2),
    ]
    assert out["unplaced"] == []


def test_table_copied_from_a_browser_with_tabs():
    text = (DATA / "pipe_multi.txt").read_text(encoding="utf-8")
    tabbed = "\n".join(line.rstrip(" |").replace(" | ", "\t") for line in text.splitlines())
    parsed = report_parser.parse_text(tabbed, file_name="copied.txt")
    assert parsed.to_json()["institution"] == PIPE_INSTITUTION
    assert metric_tuples(parsed) == PIPE_METRICS
    assert parsed.metric("headcount").sentence == "网上名称\t青岚科技馆.公益\t从业人数 46"
