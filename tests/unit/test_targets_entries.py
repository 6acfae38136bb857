"""The entry table of 目标管理: all actuals and 偏差原因 in one save, and a save built on an older version refused
(issue 18 items 9 and 14)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from museum.catalog import normalize_name
from museum.errors import InputRejected
from museum.sections.scope import Scope
from museum.targets import edit, entries, importer, store, view

CORPUS = Path(__file__).resolve().parents[1] / "data" / "targets"


def _rows(con, lang="zh"):
    scope = Scope.from_connection(con, 1, "西安市科学技术馆", 2024, lang)
    return entries.entry_rows(view.year_targets(scope, today=date(2025, 3, 1)), scope.catalog, lang)


@pytest.fixture
def imported(con):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    return con


def test_the_table_shows_every_indicator_and_where_its_actual_comes_from(imported):
    rows = _rows(imported)
    assert [r["indicator"] for r in rows][:5] == ["“科普西安”融媒体矩阵发布科普图文", "全国科普日专题活动", "新媒体总访问量",
                                                 "免费开放天数", "项目支出预算"]
    assert [r["source"] for r in rows][:5] == ["数据：科普图文", "在此录入", "数据：总访问量", "数据：开放天数", "预算执行数（可在此录入覆盖）"]
    assert rows[0]["actual"] == "5528篇" and rows[1]["actual"] == ""
    assert list(entries.table(rows, "en").columns) == ["Indicator", "Annual target", "Actual from", "Actual",
                                                       "Score (qualitative)", "Source note", "Reasons for deviation and improvements"]


def test_many_rows_in_one_save(imported):
    base = _rows(imported)
    edited = [dict(r) for r in base]
    edited[1]["actual"], edited[1]["note"] = "12", "活动台账"
    edited[3]["deviation"] = "设备检修闭馆 2 天"
    edited[0]["deviation"] = "春节假期发布减少"
    qualitative = next(i for i, r in enumerate(base) if r["indicator"] == "科普服务社会影响")
    edited[qualitative]["actual"], edited[qualitative]["score"] = "达到预期", 5.0
    batch_id, count = entries.save_entries(imported, 1, 2024, base, edited, actor="t")
    assert count == 4
    stored = {r["indicator"]: r for r in store.year_targets(imported, 1, 2024)}
    assert stored["全国科普日专题活动"]["actual_value"] == 12 and stored["全国科普日专题活动"]["actual_note"] == "活动台账"
    assert stored["免费开放天数"]["deviation"] == "设备检修闭馆 2 天"
    assert stored["“科普西安”融媒体矩阵发布科普图文"]["deviation"] == "春节假期发布减少"
    assert (stored["科普服务社会影响"]["actual_text"], stored["科普服务社会影响"]["actual_score"]) == ("达到预期", 5.0)
    assert len({r["batch_id"] for r in stored.values() if r["batch_id"] == batch_id}) == 1


def test_a_second_save_built_on_an_older_version_is_refused_not_lost(imported):
    """Two windows: the first saves a 偏差原因; the second, opened before, must not overwrite it silently."""
    first = _rows(imported)
    second = [dict(r) for r in first]
    edited = [dict(r) for r in first]
    edited[3]["deviation"] = "第一个窗口的原因"
    entries.save_entries(imported, 1, 2024, first, edited, actor="t")
    late = [dict(r) for r in second]
    late[3]["deviation"] = "第二个窗口的原因"
    with pytest.raises(InputRejected) as refused:
        entries.save_entries(imported, 1, 2024, second, late, actor="t")
    assert refused.value.message("zh").startswith("未保存：免费开放天数 在本表打开后已被修改")
    assert store.year_targets(imported, 1, 2024)[3]["deviation"] == "第一个窗口的原因"
    # the page refreshes the versions of the refused rows; the next save keeps the second window's text
    versions = entries.current_versions(imported, 1, 2024)
    refreshed = [{**r, "target_id": versions[normalize_name(r["indicator"])]} for r in second]
    entries.save_entries(imported, 1, 2024, refreshed, late, actor="t")
    assert store.year_targets(imported, 1, 2024)[3]["deviation"] == "第二个窗口的原因"


def test_the_single_deviation_form_refuses_a_stale_version(imported):
    target_id = store.year_targets(imported, 1, 2024)[3]["target_id"]
    edit.set_deviation(imported, 1, target_id, "第一次", actor="t")
    with pytest.raises(InputRejected):
        edit.set_deviation(imported, 1, target_id, "第二次", actor="t")
    assert store.year_targets(imported, 1, 2024)[3]["deviation"] == "第一次"


def test_a_wrong_value_names_its_row_and_column_and_writes_nothing(imported):
    base = _rows(imported)
    edited = [dict(r) for r in base]
    edited[3]["deviation"] = "原因"
    edited[1]["actual"] = "很多"
    edited[0]["actual"] = "6000"
    before = store.year_targets(imported, 1, 2024)
    with pytest.raises(InputRejected) as refused:
        entries.save_entries(imported, 1, 2024, base, edited, actor="t")
    # a linked indicator's actual comes from the data: typing one is refused with the reason
    assert refused.value.message("zh").startswith("未保存：第 1 行““科普西安”融媒体矩阵发布科普图文”的“实际完成值”：")
    assert "科普图文" in refused.value.params["problem_zh"]
    assert store.year_targets(imported, 1, 2024) == before
    edited[0]["actual"] = base[0]["actual"]
    with pytest.raises(InputRejected) as refused:
        entries.save_entries(imported, 1, 2024, base, edited, actor="t")
    assert refused.value.message("en") == ("Not saved: row 2 “全国科普日专题活动”, Actual: “很多” is not a figure in 场: "
                                           "write e.g. 5600, 超50 or 约3000.")
    assert store.year_targets(imported, 1, 2024) == before


def test_nothing_changed_is_said(imported):
    base = _rows(imported)
    with pytest.raises(InputRejected) as refused:
        entries.save_entries(imported, 1, 2024, base, [dict(r) for r in base], actor="t")
    assert refused.value.key == "targets.edit.unchanged"
