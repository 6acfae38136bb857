"""Parsing numbers as Chinese offices write them, and formatting them back."""

import pytest

from museum import numbers
from museum.numbers import (
    NotANumber, Quantity, chinese_numeral, format_change, format_change_pct, format_exact, format_plain, format_points,
    format_value, format_words, parse_quantity,
)


@pytest.mark.parametrize(
    "text,unit,expected",
    [
        ("5528", "篇", Quantity(5528, "exact", "")),
        ("5,528", "篇", Quantity(5528, "exact", "")),
        ("５５２８", "篇", Quantity(5528, "exact", "")),
        ("5528篇", "篇", Quantity(5528, "exact", "")),
        ("500万", "次", Quantity(5_000_000, "exact", "")),
        ("超500万次", "次", Quantity(5_000_000, "at_least", "")),
        ("500万+", "次", Quantity(5_000_000, "at_least", "")),
        ("500万以上", "次", Quantity(5_000_000, "at_least", "")),
        ("2万余人", "人", Quantity(20_000, "at_least", "")),
        ("2万多", "人", Quantity(20_000, "at_least", "")),
        ("近3000", "人", Quantity(3000, "approx", "")),
        ("约3000", "人", Quantity(3000, "approx", "")),
        ("3000左右", "人", Quantity(3000, "approx", "")),
        ("1.2亿", "次", Quantity(120_000_000, "exact", "")),
        ("59.27万元", "万元", Quantity(59.27, "exact", "")),
        ("3.5%", "%", Quantity(3.5, "exact", "")),
        ("3.5%", "", Quantity(3.5, "exact", "%")),
        ("超50场", "场", Quantity(50, "at_least", "")),
    ],
)
def test_parse_quantity(text, unit, expected):
    assert parse_quantity(text, unit) == expected


@pytest.mark.parametrize("text", ["", "-", "—", "/", None, "  "])
def test_missing_marks_mean_not_reported(text):
    assert parse_quantity(text, "篇") is None


@pytest.mark.parametrize("text", ["很多", "abc", "5528篇x1", "=1+1"])
def test_not_a_number(text):
    with pytest.raises(NotANumber):
        parse_quantity(text, "篇")


def test_chinese_numerals():
    assert chinese_numeral("两") == 2
    assert chinese_numeral("二十七") == 27
    assert chinese_numeral("三十二") == 32
    assert chinese_numeral("十一") == 11
    assert chinese_numeral("五进") is None


def test_numbers_from_cells_lose_their_float_noise():
    assert parse_quantity(66.42000000000002) == Quantity(66.42)
    assert parse_quantity(0.1 + 0.2) == Quantity(0.3)
    assert numbers.canonical(-0.0) == 0.0 and str(numbers.canonical(-0.0)) == "0.0"
    assert numbers.same_value(66.42, 66.42000000000002) and not numbers.same_value(66.42, 66.43)


@pytest.mark.parametrize("value,expected", [(66.425, "66.425"), (5_000_000, "5000000"), (63.1, "63.1"), (0.3000000000000001, "0.3"),
                                            (59.2734, "59.2734"), (-3.83, "-3.83"), (7.0, "7")])
def test_format_exact_keeps_every_digit_for_editing(value, expected):
    assert format_exact(value) == expected
    assert parse_quantity(format_exact(value), "万元").value == numbers.canonical(value)


@pytest.mark.parametrize(
    "value,qualifier,lang,unit,expected",
    [
        (5528, "exact", "zh", "篇", "5528篇"),
        (5528, "exact", "en", "posts", "5,528 posts"),
        (5_000_000, "at_least", "zh", "", "500万+"),
        (5_000_000, "at_least", "zh", "次", "500万+次"),
        (5_000_000, "at_least", "en", "", "5,000,000+"),
        (5_000_000, "at_least", "en", "visits", "5,000,000+ visits"),
        (3000, "approx", "zh", "人", "约3000人"),
        (3000, "approx", "en", "", "≈3,000"),
        (3000, "approx", "en", "people", "≈3,000 people"),
        (20_000, "at_least", "zh", "人", "2万+人"),
        (59.27, "exact", "zh", "万元", "59.27万元"),
        (63.1, "exact", "en", "10k CNY", "CNY 631,000"),
        (123_456_789, "exact", "zh", "", "1.23亿"),
        (1, "exact", "en", "projects", "1 project"),
        (2, "exact", "en", "projects", "2 projects"),
        (1, "at_least", "en", "projects", "1+ projects"),
        (1, "exact", "en", "people", "1 person"),
        (97.7, "exact", "en", "%", "97.7%"),
        (1200, "exact", "en", "m²", "1,200 m²"),
        (5, "exact", "en", "units nobody listed", "5 units nobody listed"),
        (-3.83, "exact", "zh", "万元", "−3.83万元"),
        (None, "exact", "zh", "", "—"),
    ],
)
def test_format_value(value, qualifier, lang, unit, expected):
    assert format_value(value, qualifier, lang, unit) == expected


@pytest.mark.parametrize(
    "value,qualifier,unit,expected",
    [
        (5_000_000, "at_least", "visits", "5.0M+ visits"),
        (20_000, "at_least", "followers", "20k+ followers"),
        (63.1, "exact", "10k CNY", "CNY 631k"),
        (59.27, "exact", "10k CNY", "CNY 592.7k"),
        (5, "exact", "10k CNY", "CNY 50k"),
        (3000, "approx", "people", "≈3,000 people"),
        (5528, "exact", "posts", "5,528 posts"),
        (999_960, "exact", "visits", "1.0M visits"),
        (1_260_000_000, "exact", "visits", "1.3B visits"),
        (1, "exact", "projects", "1 project"),
    ],
)
def test_english_cards_are_compact(value, qualifier, unit, expected):
    assert format_value(value, qualifier, "en", unit, compact=True) == expected


def test_chinese_is_the_same_compact_or_not():
    assert format_value(5_000_000, "at_least", "zh", "次", compact=True) == "500万+次"
    assert format_plain(-38_300, "zh") == "−3.83万" and format_plain(-38_300, "en") == "−38,300"


@pytest.mark.parametrize(
    "value,qualifier,lang,unit,word,expected",
    [
        (5_000_000, "at_least", "zh", "次", "超", "超500万次"),
        (20_000, "at_least", "zh", "人", "余", "2万余人"),
        (50, "at_least", "zh", "场", "以上", "50场以上"),
        (50, "at_least", "zh", "场", None, "超50场"),
        (3000, "approx", "zh", "人", "近", "近3000人"),
        (3000, "approx", "zh", "人", "左右", "3000人左右"),
        (3000, "approx", "zh", "人", "余", "约3000人"),  # a word of the other qualifier is not used
        (5528, "exact", "zh", "篇", "超", "5528篇"),
        (5_000_000, "at_least", "en", "visits", None, "more than 5.0M visits"),
        (3000, "approx", "en", "people", None, "about 3,000 people"),
        (63.1, "exact", "en", "10k CNY", None, "CNY 631k"),
    ],
)
def test_format_words_writes_numbers_as_prose_does(value, qualifier, lang, unit, word, expected):
    assert format_words(value, qualifier, lang, unit, word=word) == expected


@pytest.mark.parametrize(
    "pct,bound,lang,expected",
    [
        (12.345, "exact", "zh", "+12.3%"),
        (-5, "exact", "en", "−5.0%"),
        (12.345, "approx", "zh", "约 +12.3%"),
        (-5, "approx", "en", "≈ −5.0%"),
        (29.63, "at_least", "zh", "增长超29.6%"),
        (29.63, "at_least", "en", "at least +29.6%"),
        (-5, "at_least", "zh", "下降不超过5.0%"),
        (-5, "at_least", "en", "at least −5.0%"),
        (29.63, "at_most", "zh", "增长不超过29.6%"),
        (29.63, "at_most", "en", "at most +29.6%"),
        (-40, "at_most", "zh", "下降超40.0%"),
        (-40, "at_most", "en", "at most −40.0%"),
        (0.01, "at_least", "zh", "不低于上年"),
        (0.0, "at_most", "zh", "不高于上年"),
        (None, "exact", "zh", "—"),
        (12.345, "approx", "zh", "约 +12.3%"),
        (12.345, "exact", "zh", "+12.3%"),
    ],
)
def test_format_change_pct_with_its_bound(pct, bound, lang, expected):
    assert format_change_pct(pct, bound, lang) == expected


def test_absolute_changes_and_points_carry_the_bound_too():
    assert format_change(7, "exact", "zh", "场次") == "+7场次"
    assert format_change(-3.83, "exact", "zh", "万元") == "−3.83万元"
    assert format_change(-3.83, "exact", "en", "10k CNY") == "−CNY 38.3k"
    assert format_change(0, "exact", "zh", "人") == "±0人"
    assert format_change(20_000, "at_least", "zh", "人") == "增加超2万人"
    assert format_change(2, "at_most", "en", "projects") == "at most +2 projects"
    assert format_points(2.04, "exact", "zh") == "+2.0个百分点"
    assert format_points(-1.5, "exact", "en") == "−1.5 pp"
    assert format_points(2.04, "at_least", "zh") == "增加超2.0个百分点"
    assert format_points(None, "exact", "zh") == "—"


def test_every_english_unit_of_the_catalog_is_known():
    """A unit that is a countable noun needs its singular in data/units.csv ("1 project", not "1 projects")."""
    from museum import catalog

    symbols = {"%", "m²"}
    missing = sorted({m.unit_en for m in catalog.load()} - set(numbers.english_units()) - symbols)
    assert missing == [], f"add these English units with their singular to data/units.csv: {missing}"
    assert numbers.english_units()["10k CNY"] == numbers.EnglishUnit("10k CNY", "10k CNY", "CNY", 10_000.0)


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (1e12, "", "1万亿"),
        (99_999_999, "篇", "1亿篇"),          # not '10000万篇': the rounded number takes the larger unit
        (99_995, "人", "10万人"),
        (9999.5, "", "9999.5"),
        (10_000, "万元", "1亿元"),            # never '1万万元'
        (1e12, "万元", "10000万亿元"),        # never '1万亿万元' or '100000000000亿万元'
        (59.27, "万元", "59.27万元"),
    ],
)
def test_large_chinese_numbers_take_one_scale_word(value, unit, expected):
    assert format_value(value, "exact", "zh", unit) == expected


def test_large_amounts_in_words_and_changes():
    assert numbers.format_words(2e12, "at_least", "zh", "次") == "超2万亿次"
    assert format_change(-10_000, "exact", "zh", "万元") == "−1亿元"
