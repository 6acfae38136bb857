"""Parsing numbers as Chinese offices write them, and formatting them back."""

import pytest

from museum.numbers import NotANumber, Quantity, chinese_numeral, format_change_pct, format_value, parse_quantity


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


@pytest.mark.parametrize(
    "value,qualifier,lang,unit,expected",
    [
        (5528, "exact", "zh", "篇", "5528篇"),
        (5528, "exact", "en", "posts", "5,528 posts"),
        (5_000_000, "at_least", "zh", "", "500万+"),
        (5_000_000, "at_least", "en", "", "5,000,000+"),
        (3000, "approx", "zh", "人", "约3000人"),
        (3000, "approx", "en", "", "≈3,000"),
        (20_000, "at_least", "zh", "人", "2万+人"),
        (59.27, "exact", "zh", "万元", "59.27万元"),
        (123_456_789, "exact", "zh", "", "1.23亿"),
        (None, "exact", "zh", "", "—"),
    ],
)
def test_format_value(value, qualifier, lang, unit, expected):
    assert format_value(value, qualifier, lang, unit) == expected


def test_format_change_pct_marks_approximate_changes():
    assert format_change_pct(12.345, False, "zh") == "+12.3%"
    assert format_change_pct(12.345, True, "zh") == "约 +12.3%"
    assert format_change_pct(-5, True, "en") == "≈ -5.0%"
    assert format_change_pct(None, False, "zh") == "—"
