"""Office sheets a tester brought that the product had not seen: months typed 2025.10 (Excel keeps
2025.1), mapped headers with 万, 接待观众（人次） headers, Excel error cells, quarter rows, months as
columns without a year in the header."""

from __future__ import annotations

import io
import re

import openpyxl
import pandas as pd
import pytest

from museum.intake import ingest


def xlsx(rows: list[list], title: str = "Sheet1") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def values(analysis) -> dict:
    return {(r.metric_id, int(r.year), None if pd.isna(r.month) else int(r.month)): r.value
            for r in analysis.observations.itertuples()}


def english(analysis) -> list[str]:
    return [n.message("en") for n in analysis.notices] + [e.message("en") for e in analysis.errors]


def no_chinese_outside_quotes(messages: list[str]) -> bool:
    return not any(re.search(r"[、，；：（）「」。\u4e00-\u9fff]", re.sub(r"“[^”]*”", "", m)) for m in messages)


# --- 1. 2025.10 typed as a number is 2025.1 -------------------------------------------------------

def test_decimal_month_followed_by_november_is_october():
    content = xlsx([["月份", "接待观众人次", "科普图文"], [2025.1, 30000, 40], [2025.11, 20000, 41], [2025.12, 15000, 42]])
    result = ingest.analyse(content, "q4.xlsx")
    assert result.status == "valid", result.errors
    got = values(result)
    assert got[("onsite_visitors", 2025, 10)] == 30000
    assert ("onsite_visitors", 2025, 1) not in got
    assert result.period == {"from": "2025-10-01", "to": "2025-12-31"}
    told = [n for n in result.notices if n.key == "intake.warning.decimal_month"]
    assert len(told) == 1 and told[0].params["row"] == 2 and told[0].params["month"] == 10
    assert no_chinese_outside_quotes(english(result))


def test_decimal_month_alone_under_a_title_naming_october_is_october():
    content = xlsx([["2025年10月接待统计"], ["月份", "接待观众人次"], [2025.1, 30000]])
    result = ingest.analyse(content, "oct.xlsx")
    assert result.status == "valid", result.errors
    assert values(result) == {("onsite_visitors", 2025, 10): 30000}


def test_full_year_of_decimal_months_keeps_january_and_october_apart():
    """2025.01 … 2025.12 typed as numbers: 2025.01 stays, 2025.10 becomes 2025.1."""
    months = [2025.01, 2025.02, 2025.03, 2025.04, 2025.05, 2025.06, 2025.07, 2025.08, 2025.09, 2025.10, 2025.11, 2025.12]
    content = xlsx([["月份", "接待观众人次"]] + [[m, 1000 * (k + 1)] for k, m in enumerate(months)])
    result = ingest.analyse(content, "year.xlsx")
    assert result.status == "valid", result.errors
    got = values(result)
    assert got[("onsite_visitors", 2025, 1)] == 1000 and got[("onsite_visitors", 2025, 10)] == 10000
    assert len(got) == 12


def test_2025_1_appearing_twice_is_january_then_october():
    months = [2025.1, 2025.2, 2025.3, 2025.4, 2025.5, 2025.6, 2025.7, 2025.8, 2025.9, 2025.1, 2025.11, 2025.12]
    content = xlsx([["月份", "科普图文"]] + [[m, k + 1] for k, m in enumerate(months)])
    result = ingest.analyse(content, "twice.xlsx")
    assert result.status == "valid", result.errors
    got = values(result)
    assert got[("posts", 2025, 1)] == 1 and got[("posts", 2025, 10)] == 10 and len(got) == 12


def test_decimal_month_without_evidence_is_refused_with_where_what_and_how():
    content = xlsx([["月份", "接待观众人次"], [2025.1, 30000]], title="接待")
    result = ingest.analyse(content, "alone.xlsx")
    assert result.status == "rejected"
    [error] = result.errors
    assert (error.key, error.row, error.column, error.value) == ("intake.error.decimal_month", 2, "月份", "2025.1")
    zh, en = error.message("zh"), error.message("en")
    assert "接待" in zh and "第 2 行" in zh and "月份" in zh and "2025-10" in zh and "10月" in zh
    assert "row 2" in en and "January" in en and "October" in en and "2025-10" in en
    assert no_chinese_outside_quotes([en])


def test_decimal_month_after_september_in_the_same_column_is_october():
    content = xlsx([["月份", "科普图文"], ["2025年9月", 9], [2025.1, 10]])
    result = ingest.analyse(content, "sep.xlsx")
    assert result.status == "valid", result.errors
    assert values(result) == {("posts", 2025, 9): 9, ("posts", 2025, 10): 10}


def test_decimal_month_before_february_is_january_and_text_2025_10_is_october():
    january = ingest.analyse(xlsx([["月份", "科普图文"], [2025.1, 1], [2025.2, 2]]), "jan.xlsx")
    assert values(january) == {("posts", 2025, 1): 1, ("posts", 2025, 2): 2}
    text = ingest.analyse("月份,科普图文\r\n2025.10,10\r\n".encode(), "text.csv")
    assert values(text) == {("posts", 2025, 10): 10}


# --- 2. a mapped column keeps the 万 of its header --------------------------------------------------

def test_mapped_header_takes_its_multiplier_like_an_unmapped_one():
    rows = [["月份", "接待观众（万人次）"], ["2025年1月", 1.2], ["2025年2月", 2.35]]
    mapped = ingest.analyse(xlsx(rows), "m.xlsx", mapping={"接待观众（万人次）": "onsite_visitors"})
    assert mapped.status == "valid", mapped.errors
    assert values(mapped) == {("onsite_visitors", 2025, 1): 12000, ("onsite_visitors", 2025, 2): 23500}
    unmapped = ingest.analyse(xlsx([["月份", "接待观众人次（万人次）"], ["2025年1月", 1.2], ["2025年2月", 2.35]]), "u.xlsx")
    assert values(unmapped) == values(mapped)


def test_mapped_header_with_words_in_brackets_that_are_no_unit_is_not_scaled():
    rows = [["月份", "观众（含线上）"], ["2025年1月", 1200]]
    result = ingest.analyse(xlsx(rows), "m.xlsx", mapping={"观众（含线上）": "onsite_visitors"})
    assert result.status == "valid", result.errors
    assert values(result) == {("onsite_visitors", 2025, 1): 1200}


# --- 3. 接待观众（人次）, 接待观众(人次), 接待观众 ------------------------------------------------------

@pytest.mark.parametrize("header,factor", [("接待观众(人次)", 1), ("接待观众（人次）", 1), ("接待观众", 1), ("接待观众（万人次）", 10000),
                                           ("观众（人次）", 1)])
def test_visitors_header_with_the_unit_of_the_catalog_name_in_brackets(header, factor):
    rows = [["月份", header, "科普图文（篇）"]] + [[f"2025年{m}月", m, 10] for m in range(1, 7)]
    result = ingest.analyse(xlsx(rows), "v.xlsx")
    assert result.status == "valid", result.errors
    assert result.unmatched == []
    got = values(result)
    assert [got[("onsite_visitors", 2025, m)] for m in range(1, 7)] == [m * factor for m in range(1, 7)]


def test_a_bare_alias_stem_is_not_taken_for_a_metric():
    """"接待" + 人次 is an alias, but a column named only 接待 says too little: it stays unmatched."""
    result = ingest.analyse(xlsx([["月份", "科普图文", "接待"], ["2025年1月", 1, 2]]), "b.xlsx")
    assert [u.column for u in result.unmatched] == ["接待"]


# --- 4. Excel error cells -----------------------------------------------------------------------

def test_excel_error_cells_are_each_told_with_sheet_row_column_and_error():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2025年"
    sheet.append(["月份", "科普图文", "服务对象满意度"])
    sheet.append(["2025年1月", 40, "#DIV/0!"])
    sheet.append(["2025年2月", "#REF!", "98.5%"])
    sheet.append(["2025年3月", "#N/A", "#VALUE!"])
    sheet.append(["2025年4月", "#NAME?", "97%"])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("#"):
                cell.data_type = "e"
    buffer = io.BytesIO()
    book.save(buffer)
    result = ingest.analyse(buffer.getvalue(), "errors.xlsx")
    assert result.status == "valid", result.errors
    told = [n for n in result.notices if n.key == "intake.warning.excel_error"]
    assert [(n.params["sheet"], n.params["row"], n.params["column"], n.params["error"]) for n in told] == [
        ("2025年", 2, "服务对象满意度", "#DIV/0!"), ("2025年", 3, "科普图文", "#REF!"), ("2025年", 4, "科普图文", "#N/A"),
        ("2025年", 4, "服务对象满意度", "#VALUE!"), ("2025年", 5, "科普图文", "#NAME?")]
    message = told[1].message("zh")
    assert "2025年" in message and "第 3 行" in message and "科普图文" in message and "#REF!" in message and "没有导入" in message
    assert "not imported" in told[1].message("en") and "formula" in told[1].message("en")
    assert no_chinese_outside_quotes(english(result))
    got = values(result)
    assert ("posts", 2025, 2) not in got and got[("posts", 2025, 1)] == 40
    assert result.skipped == 5


def test_excel_error_text_in_a_csv_is_told_too():
    result = ingest.analyse("月份,科普图文\r\n2025年1月,#DIV/0!\r\n2025年2月,5\r\n".encode(), "e.csv")
    assert result.status == "valid", result.errors
    assert [(n.key, n.params["row"], n.params["error"]) for n in result.notices] == [("intake.warning.excel_error", 2, "#DIV/0!")]


# --- 5. quarter and half-year rows --------------------------------------------------------------

def test_quarter_and_half_year_rows_are_skipped_with_a_notice():
    rows = [["月份", "科普图文", "直播活动"], ["1月", 40, 1], ["2月", 35, 2], ["3月", 45, 3], ["一季度", 120, 6],
            ["4月", 50, 1], ["5月", 52, 1], ["6月", 48, 1], ["第二季度小计", 150, 3], ["1-6月", 270, 9], ["上半年合计", 270, 9]]
    result = ingest.analyse(xlsx(rows, title="2025年"), "q.xlsx")
    assert result.status == "valid", result.errors
    assert len(values(result)) == 12
    told = [n for n in result.notices if n.key == "intake.warning.subtotal_rows"]
    assert len(told) == 1
    assert "5" in told[0].message("zh") and "11" in told[0].message("zh")
    assert not [n for n in result.notices if n.key == "intake.warning.total_differs"]
    assert no_chinese_outside_quotes(english(result))


def test_a_quarter_row_that_is_not_the_sum_of_its_months_is_worth_a_look():
    rows = [["月份", "科普图文"], ["1月", 40], ["2月", 35], ["3月", 45], ["一季度", 999]]
    result = ingest.analyse(xlsx(rows, title="2025年"), "q.xlsx")
    assert result.status == "valid", result.errors
    differs = [n for n in result.notices if n.key == "intake.warning.total_differs"]
    assert [n.params["row"] for n in differs] == [5]


# --- 6. months as columns without a year in the header ------------------------------------------

MONTH_COLUMNS = [["指标", "单位", "1月", "2月", "3月", "4月", "5月", "6月", "合计", "备注"],
                 ["科普图文", "篇", 120, 98, 130, 142, 155, 160, 805, None],
                 ["接待观众", "人次", "12,345", "23,456", "15,000", "18,765", "31,002", "20,111", "120,679", None],
                 ["科普讲座", "次", 4, 3, 5, 6, 8, 7, 33, "含线上"]]


def test_month_columns_take_the_year_option():
    result = ingest.analyse(xlsx(MONTH_COLUMNS), "wide.xlsx", year=2025)
    assert (result.status, result.layout, result.year_from) == ("valid", "wide", "option"), result.errors
    got = values(result)
    assert len(got) == 18
    assert got[("posts", 2025, 6)] == 160 and got[("onsite_visitors", 2025, 1)] == 12345 and got[("lectures", 2025, 3)] == 5


def test_month_columns_take_the_year_of_the_title():
    result = ingest.analyse(xlsx([["2025年1-6月科普工作统计表"]] + MONTH_COLUMNS), "wide.xlsx")
    assert (result.status, result.year_from) == ("valid", "title"), result.errors
    assert result.period == {"from": "2025-01-01", "to": "2025-06-30"}


def test_month_columns_without_any_year_say_so():
    result = ingest.analyse(xlsx(MONTH_COLUMNS, title="数据"), "wide.xlsx")
    assert result.status == "rejected"
    assert [e.key for e in result.errors] == ["intake.error.month_columns_no_year"]
    assert "--year" in result.errors[0].message("en") and "长表" not in result.errors[0].message("zh")
    assert no_chinese_outside_quotes(english(result))


# --- a unit row under the header ------------------------------------------------------------------

def test_a_row_of_units_under_the_header_is_read_as_the_headers_units():
    content = xlsx([["2025年1-3月科普工作统计表"], ["月份", "科普图文", "接待观众", "开放天数"], [None, "（篇）", "（万人次）", "(天)"],
                    ["1月", 40, 1.2, 26], ["2月", 35, 1.5, 24], ["3月", 45, 1.3, 27]])
    result = ingest.analyse(content, "units.xlsx")
    assert result.status == "valid", [e.message("zh") for e in result.errors]
    got = values(result)
    assert (got[("posts", 2025, 1)], got[("onsite_visitors", 2025, 2)], got[("open_days", 2025, 3)]) == (40, 15000, 27)
    assert len(got) == 9


def test_an_empty_month_cell_is_told_as_empty_never_as_nan():
    content = xlsx([["2025年统计"], ["月份", "科普图文"], ["1月", 40], [None, 41]])
    result = ingest.analyse(content, "gap.xlsx")
    assert result.status == "rejected"
    assert all(e.value != "nan" and "nan" not in e.message("zh") for e in result.errors)
    assert [(e.row, e.value) for e in result.errors] == [(4, None)]


def test_a_mapped_header_whose_unit_word_is_not_the_metrics_keeps_only_its_multiplier():
    content = xlsx([["月份", "教育活动（次）", "阅读量（千次）"], ["2025年1月", 3, 4], ["2025年2月", 5, 6]])
    result = ingest.analyse(content, "m.xlsx", mapping={"教育活动（次）": "education_sessions", "阅读量（千次）": "online_visits"})
    assert result.status == "valid", [e.message("zh") for e in result.errors]
    got = values(result)
    assert (got[("education_sessions", 2025, 1)], got[("online_visits", 2025, 2)]) == (3, 6000)


def test_a_decimal_month_in_a_file_named_for_january_is_january():
    result = ingest.analyse(xlsx([["月份", "接待观众人次"], [2025.1, 30000]]), "2025年1月接待统计.xlsx")
    assert result.status == "valid", [e.message("zh") for e in result.errors]
    assert values(result) == {("onsite_visitors", 2025, 1): 30000}
