"""机构概况 and the 数据来源 tables as a reader sees them (AppTest): every row, units, no pipes."""

from __future__ import annotations

import pandas as pd

from museum.sections import Table
from tests.app.conftest import open_page
from ui import blocks


def test_profile_page_shows_headcount_with_its_unit_and_named_assets(app_db):
    at = open_page("app_pages/profile.py")
    frame = at.dataframe[0].value
    shown = dict(zip(frame["字段"], frame["数值"]))
    assert shown["从业人数"] == "31人" and shown["资产年末数"] == "59.27万元"
    assert len(frame) == 13


def test_a_table_block_shows_every_row_instead_of_a_ten_row_window(monkeypatch):
    calls = []
    monkeypatch.setattr(blocks.st, "markdown", lambda *a, **k: None)
    monkeypatch.setattr(blocks.st, "dataframe", lambda frame, **options: calls.append(options))
    blocks.table(Table("profile_2024", "登记信息", pd.DataFrame({"a": range(13)})))
    blocks.table(Table("long_2024", "长表", pd.DataFrame({"a": range(500)})))
    assert [c["height"] for c in calls] == ["content", "auto"]


def test_the_sources_table_names_the_batch_without_repeating_the_sentence(app_db):
    at = open_page(lang="zh")
    sources = at.dataframe[0].value
    written_by = sources["写入批次"].tolist()
    assert all(text.startswith("批次 #") for text in written_by), written_by[:3]
    assert not sources["原文"].str.contains("|", regex=False).any()
