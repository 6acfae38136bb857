"""A sheet's own 合计 is checked against its months: whole numbers exactly, decimals up to rounding (issue 18, item 15)."""

from __future__ import annotations

import numpy as np

from museum.intake import ingest
from museum.intake.checks import differs_from_sum


def analyse(*lines: str):
    return ingest.analyse(("\r\n".join(lines) + "\r\n").encode("utf-8"), "2023年运营月报.csv")


def differs(result) -> list[str]:
    return [n.message("zh") for n in result.notices if n.key == "intake.warning.total_differs"]


def test_a_total_row_two_off_the_months_is_a_warning():
    result = analyse("月份,科普图文", *[f"2023年{m}月,139" for m in range(1, 13)], "合计,1666")
    assert result.status == "valid"
    assert differs(result) == ["第 14 行「科普图文」的合计为 1,666，而各月之和为 1,668，两者不一致，请核对。"]


def test_a_total_column_one_off_is_a_warning():
    result = analyse("指标,2023年1月,2023年2月,2023年3月,合计", "科普图文,500,600,568,1666")
    assert len(differs(result)) == 1 and "1,668" in differs(result)[0]


def test_a_matching_total_and_a_rounded_decimal_total_are_quiet():
    assert differs(analyse("月份,科普图文", *[f"2023年{m}月,139" for m in range(1, 13)], "合计,1668")) == []
    # 万元 written with two decimals: 10.33 + 10.33 + 10.33 = 30.99, the office writes 31.00
    assert differs(analyse("月份,运行经费（万元）", "2023年1月,10.33", "2023年2月,10.33", "2023年3月,10.33", "合计,31.00")) == []


def test_differs_from_sum_on_arrays():
    assert differs_from_sum(np.array([1666.0, 1668.0, 31.0]), np.array([1668.0, 1668.0, 30.99])).tolist() == [True, False, False]
