"""Real wordings of annual reports (texts/ from make_texts.py): every number placed or kept for review."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from museum import numbers
from museum.report import parser as report_parser
from museum.errors import InputRejected
from tests.unit import report_figures

TEXTS = Path(__file__).resolve().parent.parent / "data" / "report" / "texts"
REFUSED = {"not_a_report.txt"}  # refused as a whole, with its reason (test_report_refusals.py)


def parse(name: str) -> report_parser.ParsedReport:
    return report_parser.parse_bytes((TEXTS / name).read_bytes(), name)


def placed(parsed, metric_id: str):
    figure = parsed.metric(metric_id)
    return None if figure is None else (figure.value, figure.qualifier)


def unplaced_texts(parsed) -> list[str]:
    return [u["text"] for u in parsed.unplaced]


@pytest.mark.parametrize("path", report_figures.corpus(), ids=lambda p: p.name)
def test_every_number_of_the_activity_text_is_placed_or_kept_for_review(path):
    if path.name in REFUSED:
        with pytest.raises(InputRejected):
            report_parser.parse_bytes(path.read_bytes(), path.name)
        return
    parsed = report_parser.parse_bytes(path.read_bytes(), path.name)
    counts = report_figures.activity_counts(parsed)
    assert counts["dropped_items"] == []


def test_the_property_sees_numbers_and_not_dates_ordinals_or_names():
    text = "2024年1月，第三届《二零二四》大赛上获一等奖1项；(一)接待观众15余万人，开展活动上千场、讲座两百余场，十八部委，top50，5·18。"
    assert report_figures.tokens(text) == Counter({"1": 1, "15": 1, "千": 1, "两百": 1, "十八": 1})


def test_the_corpus_holds_every_wording_file():
    assert {p.name for p in report_figures.corpus()} >= {p.name for p in TEXTS.glob("*.txt")} and len(list(TEXTS.glob("*.txt"))) >= 10


def test_yu_before_wan_and_visitors_counted_in_people():
    parsed = parse("visitors_yu_wan.txt")
    assert placed(parsed, "onsite_visitors") == (150000, "at_least")
    assert parsed.metric("onsite_visitors").text == "15余万人"
    assert placed(parsed, "lecture_attendance") == (2800, "at_least")
    assert placed(parsed, "exhibition_area") == (3200, "exact")  # 平米
    assert placed(parsed, "open_days") == (306, "exact")        # 对外开放天数
    assert placed(parsed, "education_sessions") == (90, "approx")  # 近90期


def test_service_to_the_public_and_open_days_counted_through_the_year():
    parsed = parse("service_public.txt")
    assert placed(parsed, "onsite_visitors") == (50000, "approx")
    assert placed(parsed, "open_days") == (270, "exact")
    assert placed(parsed, "exhibition_area") == (12000, "exact")


def test_a_figure_after_a_colon_and_a_figure_without_a_unit():
    parsed = parse("every_year.txt")
    assert placed(parsed, "onsite_visitors") == (1040000, "exact")
    assert placed(parsed, "video_plays") == (300000, "at_least")
    assert placed(parsed, "exhibition_area") == (4500, "approx")


def test_groups_and_individuals_are_visitors_and_an_unknown_unit_is_kept():
    parsed = parse("group_individual.txt")
    assert placed(parsed, "onsite_visitors") == (30000, "at_least")
    assert placed(parsed, "lectures") == (20, "at_least")
    assert "12站" in unplaced_texts(parsed)
    assert placed(parsed, "exhibition_area") == (3000, "exact")  # 展厅总面积…㎡


def test_traditional_script_is_read_and_quoted_as_written():
    parsed = parse("traditional.txt")
    assert parsed.year == 2023
    assert placed(parsed, "onsite_visitors") == (801500, "exact")
    assert placed(parsed, "short_term_exhibitions") == (3, "exact")
    assert placed(parsed, "lectures") == (20, "exact")
    assert placed(parsed, "exhibition_area") == (2600, "exact")
    assert placed(parsed, "open_days") == (298, "exact")
    visitors = parsed.metric("onsite_visitors")
    assert visitors.text == "80.15萬人次" and "接待觀眾" in visitors.sentence
    assert parsed.institution == "海澄市科學館"
    text = (TEXTS / "traditional.txt").read_text(encoding="utf-8")
    assert all(m.sentence in text for m in parsed.metrics)


def test_numbers_without_digits_are_kept_for_review_with_their_words():
    parsed = parse("digitless.txt")
    prose = [m.metric for m in parsed.metrics if m.metric not in {"startup_capital", "assets_year_start", "assets_year_end", "headcount"}]
    assert prose == []
    assert set(unplaced_texts(parsed)) >= {"万余人次", "上千场", "逾万次", "百万余次", "数十场", "上万名"}


def test_breakthrough_is_at_least_and_stays_in_the_text():
    parsed = parse("breakthrough.txt")
    assert placed(parsed, "onsite_visitors") == (800000, "at_least")
    assert parsed.metric("onsite_visitors").text == "突破80万人次"
    assert placed(parsed, "video_plays") == (300000, "at_least")
    assert placed(parsed, "posts") == (1280, "exact")


def test_figures_since_opening_are_not_the_years_and_the_opening_is_not_the_report_year():
    parsed = parse("cumulative.txt")
    assert parsed.year == 2021
    assert placed(parsed, "onsite_visitors") == (460000, "exact")
    assert placed(parsed, "short_term_exhibitions") == (5, "exact")
    assert placed(parsed, "open_days") == (312, "exact")
    assert {"520万人次", "46个"} <= set(unplaced_texts(parsed))


def test_exhibits_on_show_are_not_exhibits_updated():
    parsed = parse("exhibits_and_titles.txt")
    assert placed(parsed, "exhibits_updated") == (35, "exact")
    assert any("200" in text for text in unplaced_texts(parsed))


def test_a_persons_title_is_not_a_unit_honour():
    parsed = parse("exhibits_and_titles.txt")
    assert [(h["title"], h["subject"]) for h in parsed.honors] == [("科普教育基地", None)]
    assert any("余斌" in text for text in unplaced_texts(parsed))


def test_a_placeholder_dash_is_an_empty_field():
    parsed = parse("exhibits_and_titles.txt")
    assert {"address", "sponsor", "legal_representative"}.isdisjoint(parsed.fields)
    assert parsed.institution_json()["address"] is None


def test_qualifiers_in_every_position():
    parsed = parse("qualifier_positions.txt")
    assert placed(parsed, "onsite_visitors") == (20000, "approx")
    assert placed(parsed, "lectures") == (30, "approx")
    assert placed(parsed, "lecture_attendance") == (3000, "at_least")
    assert placed(parsed, "education_sessions") == (120, "at_least")
    assert placed(parsed, "volunteer_hours") == (15000, "approx")
    assert placed(parsed, "short_videos") == (200, "exact")


def test_the_corpus_generator_is_byte_reproducible(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_texts", TEXTS.parent / "make_texts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    module.main()
    for made in tmp_path.iterdir():
        assert made.read_bytes() == (TEXTS / made.name).read_bytes(), made.name
    assert {p.name for p in tmp_path.iterdir()} == {p.name for p in TEXTS.glob("*.txt")}


def test_visitor_volume_opening_days_and_area_wordings():
    parsed = parse("visitor_volume.txt")
    assert placed(parsed, "onsite_visitors") == (300000, "approx")   # 年接待量约30万人次
    assert placed(parsed, "open_days") == (310, "exact")              # 全年开馆310天
    assert placed(parsed, "exhibition_area") == (5000, "at_least")    # 展厅面积达到5000余平方米
    assert "1.8万平方米" in unplaced_texts(parsed)                    # 建筑面积 is not the exhibition area


def test_chinese_numerals_with_yu_and_wan():
    parsed = parse("chinese_magnitudes.txt")
    assert placed(parsed, "onsite_visitors") == (100000, "at_least")  # 十余万人次
    assert placed(parsed, "lectures") == (30, "at_least")             # 三十余场
    assert placed(parsed, "short_videos") == (200, "at_least")        # 两百余条


def test_the_year_named_again_after_a_figure_since_opening():
    parsed = parse("since_then_year.txt")
    assert placed(parsed, "onsite_visitors") == (300000, "exact")
    assert unplaced_texts(parsed) == ["300万人次"]


def test_persons_honoured_in_several_wordings_are_kept_for_review():
    parsed = parse("persons_honoured.txt")
    assert [(h["title"], h["subject"], h["level"]) for h in parsed.honors] == [("科普教育基地", None, "provincial")]
    assert unplaced_texts(parsed) == ["张三同志被评为全省优秀科技辅导员", "我馆讲解员李四获评“十佳讲解员”"]


def test_traditional_script_in_a_pipe_table():
    parsed = parse("traditional_pipe.txt")
    assert parsed.institution == "澄海市科技館"
    assert placed(parsed, "lectures") == (12, "exact")
    assert placed(parsed, "exhibits_updated") == (18, "exact")
    assert unplaced_texts(parsed) == ["萬餘人次"]


def test_breakthrough_is_said_as_the_report_says_it():
    assert numbers.parse_quantity("突破800万人次") == numbers.Quantity(8_000_000, "at_least", "人次")
    assert numbers.format_words(8_000_000, "at_least", unit="人次", word="突破") == "突破800万人次"


def test_a_traditional_report_is_stored_with_its_sentences_as_written(con):
    from museum.report import importer as report_import
    from museum.store import batches, db
    from museum.report.parser import review

    parsed = parse("traditional.txt")
    dataset, errors = review.to_dataset(parsed)
    assert errors == []
    visitors = next(o for o in dataset.observations if o["metric_id"] == "onsite_visitors")
    assert "全年接待觀眾80.15萬人次" in visitors["sentence"]
    outcome = report_import.commit(con, parsed, dataset, actor="test")
    assert outcome["status"] == "committed"
    institution_id = batches.institution_id(con, "海澄市科學館", create=False)
    found = db.query(con, "report_prior_value", institution_id=institution_id, metric_id="onsite_visitors", year=2023)
    assert float(found["value"].iloc[0]) == 801500


def test_a_report_with_placeholder_fields_imports_without_them(con):
    from museum.report.parser import review

    dataset, errors = review.to_dataset(parse("exhibits_and_titles.txt"))
    assert errors == []
    assert {p["field"] for p in dataset.profile}.isdisjoint({"address", "sponsor", "legal_representative"})
