"""Hand edits of targets (add, change, remove, actuals, 偏差原因, budget) and the import review table."""

from __future__ import annotations

from pathlib import Path

import pytest

from museum.intake import ingest
from museum.errors import InputRejected
from museum.targets import edit, importer, store

CORPUS = Path(__file__).resolve().parents[1] / "data" / "targets"


def _by_name(con, year=2024) -> dict:
    return {row["indicator"]: row for row in store.year_targets(con, 1, year)}


def test_add_edit_remove_by_hand(con):
    new_id = edit.add_target(con, 1, 2025, {"level1": "产出指标", "level2": "数量指标", "indicator": "科普图文发布",
                                             "target_text": "不少于6000篇", "weight": 20, "metric_id": "posts"}, actor="editor1")
    row = _by_name(con, 2025)["科普图文发布"]
    assert (row["target_id"], row["operator"], row["target_value"], row["unit"], row["metric_id"], row["position"]) == (
        new_id, ">=", 6000, "篇", "posts", 1)
    changed = edit.edit_target(con, 1, new_id, {"target_text": "≥6500篇"}, actor="editor1")
    assert _by_name(con, 2025)["科普图文发布"]["target_value"] == 6500
    with pytest.raises(InputRejected) as error:
        edit.add_target(con, 1, 2025, {"indicator": "科普图文发布", "target_text": "10场", "weight": 5}, actor="editor1")
    assert error.value.message("zh") == "2025 年已有名为“科普图文发布”的指标：请改名，或修改原有指标。"
    with pytest.raises(InputRejected) as error:
        edit.edit_target(con, 1, changed, {"target_text": "较上年提高"}, actor="editor1")
    assert error.value.message("zh") == (
        "“较上年提高”是与上年相比的说法，无法计算完成率：请写出具体数值（如 ≥5600篇），定性指标写“达到预期”。")
    with pytest.raises(InputRejected) as error:
        edit.edit_target(con, 1, changed, {"metric_id": "short_videos"}, actor="editor1")
    assert error.value.message("en") == (
        "The linked metric “Short videos” counts in “条”, which does not fit the target's unit “篇”: "
        "correct the unit, link another metric or leave it unlinked.")
    batch = edit.remove_target(con, 1, changed, actor="editor1")
    assert _by_name(con, 2025) == {}
    ingest.rollback(con, batch, actor="editor1")
    assert _by_name(con, 2025)["科普图文发布"]["target_value"] == 6500
    actions = [r[0] for r in con.execute("select action from audit order by audit_id").fetchall()]
    assert actions[-4:] == ["target_edit", "target_edit", "target_edit", "rollback"]


def test_actuals_by_kind_of_indicator(con):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    rows = _by_name(con)
    edit.set_actual(con, 1, rows["全国科普日专题活动"]["target_id"], "超12", note="活动台账", actor="t")
    entered = _by_name(con)["全国科普日专题活动"]
    assert (entered["actual_value"], entered["actual_qualifier"], entered["actual_note"]) == (12, "at_least", "活动台账")
    with pytest.raises(InputRejected) as error:
        edit.set_actual(con, 1, rows["“科普西安”融媒体矩阵发布科普图文"]["target_id"], "5600", actor="t")
    assert error.value.message("zh") == (
        "这个指标关联了“科普图文”，实际完成值取自该指标的数据：请在数据上传中补充数据，或先取消关联。")
    with pytest.raises(InputRejected) as error:
        edit.set_actual(con, 1, rows["项目支出预算"]["target_id"], "很多", actor="t")
    assert error.value.message("zh") == "“很多”不是以“万元”计的数值：请填写如 5600、超50、约3000。"
    edit.set_actual(con, 1, rows["项目支出预算"]["target_id"], "10,800,000元", actor="t")
    assert _by_name(con)["项目支出预算"]["actual_value"] == 1080
    with pytest.raises(InputRejected) as error:
        edit.set_qualitative(con, 1, rows["科普服务社会影响"]["target_id"], "达到预期", 6, actor="t")
    assert error.value.message("zh") == "得分 6 不在 0 到分值 5 之间：请改正。"
    edit.set_qualitative(con, 1, rows["科普服务社会影响"]["target_id"], "达到预期", 4.5, note="专家评议", actor="t")
    qualitative = _by_name(con)["科普服务社会影响"]
    assert (qualitative["actual_text"], qualitative["actual_score"]) == ("达到预期", 4.5)


def test_budget_figures(con):
    batch = edit.set_budget(con, 1, 2024, initial_budget=1040.0, full_year_budget=1100.0, executed=990.0, actor="t")
    assert store.year_budget(con, 1, 2024)["executed"] == 990
    with pytest.raises(InputRejected) as error:
        edit.set_budget(con, 1, 2024, initial_budget=1040.0, full_year_budget=1100.0, executed=990.0, actor="t")
    assert error.value.message("zh") == "内容与现有记录相同，未作修改。"
    with pytest.raises(InputRejected) as error:
        edit.set_budget(con, 1, 2024, initial_budget=-1.0, full_year_budget=None, executed=None, actor="t")
    assert error.value.message("zh") == "年初预算数“-1.0”不是有效金额：请填写不小于 0 的数字（万元）。"
    ingest.rollback(con, batch, actor="t")
    assert store.year_budget(con, 1, 2024) is None


def test_review_table_round_trip_with_the_editors_changes(con):
    parsed = importer.parse((CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024)
    table = importer.review_table(parsed, "zh")
    # the link beside its indicator (on screen at 1366 px), by name only; an unlinked row says 不关联
    assert list(table.columns) == ["行", "三级指标", "关联指标", "关联依据", "年度指标值", "比较方式", "读作", "分值", "一级指标", "二级指标"]
    assert table.iloc[0].tolist() == [5, "“科普西安”融媒体矩阵发布科普图文", "科普图文", "名称含“科普图文”，单位 篇 相符（建议，可修改）",
                                      "≥6000篇", "≥ 不少于", "≥6000篇", 15.0, "产出指标", "数量指标"]
    assert not any(value is None or value in ("", "None") for value in table["关联指标"])
    assert "不关联" in set(table["关联指标"])
    assert table.iloc[2]["读作"] == "≥450万次"
    assert importer.metric_options("zh")[:2] == ["不关联", "科普图文"]
    assert not any("（" in option for option in importer.metric_options("zh"))
    assert importer.operator_options("en") == ["≥ at least", "≤ at most", "= exactly", "qualitative"]
    edited = table.copy()
    edited.loc[1, "比较方式"] = "= 等于"      # 10场 exactly
    edited.loc[2, "关联指标"] = "不关联"        # the editor unlinks 新媒体总访问量
    edited.loc[3, "关联指标"] = "科普图文"      # and links 免费开放天数 wrongly
    refused = importer.validate_review(parsed, edited, "zh")
    assert refused.status == "rejected"
    assert [p.as_json("zh") for p in refused.errors] == [{"row": 4, "column": "关联指标", "value": "科普图文", "message":
        "关联指标“科普图文”以“篇”计，与目标的单位“天”不符：请改正目标的单位，或关联其他指标、留空不关联。"}]
    edited.loc[3, "关联指标"] = "开放天数"
    accepted = importer.validate_review(parsed, edited, "zh")
    assert accepted.status == "valid"
    # the file as read is untouched by both reviews: the page reviews it again after the next edit
    assert (parsed.status, parsed.errors) == ("valid", [])
    assert importer.review_table(parsed, "zh").equals(table)
    assert [(r["operator"], r["metric_id"]) for r in accepted.records[1:4]] == [("=", None), (">=", None), ("=", "open_days")]
    committed = importer.commit(con, 1, accepted, actor="t")
    assert committed.status == "committed" and committed.links["新媒体总访问量"] is None
