"""The completeness view (issue 18, item 17): month × source, what is in and what is missing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from museum.intake import completeness, corrections, ingest

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"


def office(con, year: int, months: range, metrics=("posts", "livestreams")):
    rows = "".join(f"{year},{m},{metric},{m + 1}\r\n" for m in months for metric in metrics)
    return ingest.ingest(con, 1, ("年份,月份,指标,数值\r\n" + rows).encode(), f"office-{year}.csv", actor="test")


def test_a_past_year_lists_each_source_by_month_and_the_missing_months(con):
    office(con, 2023, range(1, 11))
    corrections.correct_value(con, 1, "posts", 2023, 12, "20", actor="test")
    frame = completeness.table(con, 1, 2023, "zh", today=dt.date(2025, 3, 1))
    rows = {row.iloc[0]: row.iloc[1:].tolist() for _, row in frame.iterrows()}
    assert list(frame.columns) == ["来源", *[f"{m}月" for m in range(1, 13)]]
    assert rows["办公室表格"] == ["✓ 2"] * 10 + ["缺", "缺"]
    assert rows["抖音"] == ["缺"] * 12
    assert rows["手工录入"] == [""] * 11 + ["✓ 1"]   # typed values are shown, never expected
    summary = completeness.missing_summary(frame, "zh")
    assert summary.startswith("尚缺：办公室表格 2 个月、微信公众号 12 个月、抖音 12 个月")


def test_a_platform_download_fills_its_own_row_en(con):
    name = "douyin_works_20210415.xlsx"
    assert ingest.ingest(con, 1, (SOURCES / name).read_bytes(), name, actor="test").status == "committed"
    frame = completeness.table(con, 1, 2021, "en", today=dt.date(2021, 5, 10))
    rows = {row.iloc[0]: row.iloc[1:].tolist() for _, row in frame.iterrows()}
    assert rows["Douyin"] == ["missing", "missing", "✓ 4", "✓ 4"] + [""] * 8   # the export covers March and April
    assert rows["Office sheets"][:4] == ["missing"] * 4 and rows["Office sheets"][4:] == [""] * 8
    assert "Typed by hand" not in rows


def test_months_due_this_year_stop_at_last_month():
    assert completeness.months_due(2025, set(), dt.date(2025, 6, 10)) == 5
    assert completeness.months_due(2025, {7}, dt.date(2025, 6, 10)) == 7
    assert completeness.months_due(2024, set(), dt.date(2025, 6, 10)) == 12
