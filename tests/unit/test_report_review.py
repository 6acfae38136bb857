"""Report import review in words (issue 11 §3): labels instead of codes, and unchanged values
that are not marked as changed (same value and qualifier = 不变; another sentence = 不变（来源更新）)."""

from __future__ import annotations

import pandas as pd
import pytest

from museum import numbers, seed
from museum.report import importer as report_import, parser as report_parser
from museum.store import batches, db
from museum.report.parser import review

SEED_REPORT = seed.SEED_DIR / "annual-report-2024" / "report.txt"
INSTITUTION = "西安市科学技术馆"


def report_2023(assets: str = "66.42万元 | 63.1万元") -> str:
    """The embedded report rewritten as the same museum's 2023 report (assets, headcount, livestreams changed)."""
    text = SEED_REPORT.read_text(encoding="utf-8").replace("2024", "2023")
    return (text.replace("63.1万元 | 59.27万元", assets).replace("从业人数 31", "从业人数 28")
            .replace("各类直播活动7场次", "各类直播活动5场次"))


def parse(text: str, name: str = "r2023.txt") -> report_parser.ParsedReport:
    return report_parser.parse_text(text, file_name=name)


def stored(con, metric_id: str, year: int):
    found = db.query(con, "report_prior_value", institution_id=1, metric_id=metric_id, year=year)
    return None if found.empty else float(found["value"].iloc[0])


def upload(con, records: list[dict]) -> int:
    """Values as staff upload them: no sentence (or another one), in one batch."""
    institution = batches.institution_id(con, INSTITUTION)
    with db.transaction(con, institution=institution):
        batch_id = batches.create_batch(con, "upload", institution=institution, user="张三", file_name="2023.xlsx")
        counts = batches.write_observations(con, batch_id, institution, records)
        batches.finish_batch(con, batch_id, counts)
    return batch_id


def obs(metric_id, value, qualifier="exact", sentence=None):
    return {"metric_id": metric_id, "year": 2023, "month": None, "value": value, "qualifier": qualifier, "note": None, "sentence": sentence}


# ---------------------------------------------------------------------------------------------
# (b) unchanged values are unchanged


def test_floats_read_from_text_compare_equal_and_another_sentence_is_only_a_source_update(con):
    # the same figures as the 2023 report, read from other text: a staff sheet that gives the
    # assets as two parts (固定资产 + 流动资产, in 万元) and the counts with their units
    read = lambda text, unit: numbers.parse_quantity(text, unit).value  # noqa: E731
    assets_start = read("66.35万元", "万元") + read("0.07万元", "万元")
    assets_end = read("63.05万元", "万元") + read("0.05万元", "万元")
    assert (assets_start, assets_end) == (66.41999999999999, 63.099999999999994)  # float noise, not a change
    upload(con, [obs("assets_year_start", assets_start), obs("assets_year_end", assets_end),
                 obs("headcount", read("28人", "人")), obs("livestreams", read("5场次", "场次"))])
    parsed = parse(report_2023())
    dataset, errors = review.to_dataset(parsed)
    assert errors == []
    plan = report_import.preview(con, dataset)
    statuses = dict(zip(plan["observations"]["metric_id"], plan["observations"]["status"]))
    assert {m: statuses[m] for m in ("assets_year_start", "assets_year_end", "headcount", "livestreams")} == {
        "assets_year_start": "source_updated", "assets_year_end": "source_updated", "headcount": "source_updated",
        "livestreams": "source_updated"}
    table = report_import.change_table(plan["observations"], "zh")
    rows = {r["metric"]: r for r in table.to_dict("records")}
    assert rows["资产年初数"] == {"metric": "资产年初数", "old": "66.42万元", "new": "66.42万元", "status": "不变（来源更新）"}
    assert rows["直播活动"] == {"metric": "直播活动", "old": "5场次", "new": "5场次", "status": "不变（来源更新）"}
    assert report_import.change_table(plan["observations"], "en").iloc[2]["status"] == "unchanged (source updated)"
    assert report_import.change_counts(plan["observations"]) == {"new": 16, "changed": 0, "unchanged": 0, "source_updated": 4}
    assert report_import.change_summary(plan["observations"], "zh") == "新增 16 个，修改 0 个，不变 4 个（其中 4 个仅更新来源原文）。"
    assert report_import.change_summary(plan["observations"], "en") == (
        "16 new, 0 changed, 4 unchanged (4 of them with a new source sentence).")

    outcome = report_import.commit(con, parsed, dataset, actor="test")
    assert (outcome["status"], outcome["inserted"], outcome["updated"]) == ("committed", 16 + 16 + 8 + 8 + 9, 0)
    # the noise-equal value was left as stored; the report's sentence is now its source
    assert stored(con, "assets_year_start", 2023) == assets_start
    sentence = db.query(con, "metric_values", institution_id=1).query("metric_id == 'headcount' and year == 2023")["sentence"].iloc[0]
    assert sentence == "网上名称 | 无 | 从业人数 28 |"


def test_the_same_report_again_is_unchanged_everywhere(con):
    assert report_import.commit(con, parse(report_2023()), actor="test")["status"] == "committed"
    again = parse(report_2023() + "\n", "pasted.txt")  # other bytes: not a duplicate
    plan = report_import.preview(con, review.to_dataset(again)[0])
    assert set(plan["observations"]["status"]) == {"unchanged"}
    assert report_import.change_summary(plan["observations"], "zh") == "新增 0 个，修改 0 个，不变 20 个。"
    outcome = report_import.commit(con, again, actor="test")
    assert (outcome["inserted"], outcome["updated"], outcome["unchanged"]) == (0, 0, 61)


def test_every_digit_survives_the_review_table(con):
    """A report value with more than two decimals: the page's path (review table, edited or not)
    stores what the CLI stores, so the comparison shows 不变, never 66.43 → 66.43 修改."""
    text = report_2023("66.4251万元 | 63.1万元")
    assert report_import.commit(con, parse(text), actor="cli")["status"] == "committed"
    parsed = parse(text + " ", "pasted.txt")
    shown = review.display_tables(review.review_tables(parsed, "zh"), "zh")
    assert shown["figures"].loc[shown["figures"]["key"] == "资产年初数", "value"].tolist() == ["66.4251"]
    dataset, errors = review.to_dataset(parsed, shown, "zh")
    assert errors == []
    plan = report_import.preview(con, dataset)
    assert set(plan["observations"]["status"]) == {"unchanged"}
    assert next(p["value"] for p in dataset.profile if p["field"] == "assets_year_start") == "66.4251万元"


def test_a_real_change_shows_the_decimals_that_differ(con):
    upload(con, [obs("assets_year_start", 66.4249)])
    def assets_row():
        plan = report_import.preview(con, review.to_dataset(parse(report_2023()))[0])
        table = report_import.change_table(plan["observations"], "zh")
        return table[table["metric"] == "资产年初数"].iloc[0].to_dict()

    assert assets_row() == {"metric": "资产年初数", "old": "66.4249万元", "new": "66.42万元", "status": "修改"}
    upload(con, [obs("assets_year_start", 66.42, "at_least")])
    assert assets_row() == {"metric": "资产年初数", "old": "66.42+万元", "new": "66.42万元", "status": "修改"}


# ---------------------------------------------------------------------------------------------
# (a) labels instead of codes


def test_display_tables_speak_the_language_and_empty_cells_are_empty():
    tables = review.review_tables(parse(SEED_REPORT.read_text(encoding="utf-8"), "r.txt"), "zh")
    shown = review.display_tables(tables, "zh")
    figures = shown["figures"]
    visits = figures[figures["key"] == "总访问量"].iloc[0]
    assert (visits["name"], visits["value"], visits["qualifier"], visits["unit"]) == ("总访问量", "5000000", "下限（超/余/多）", "次")
    name = figures[figures["key"] == "单位名称"].iloc[0]
    assert (name["value"], name["qualifier"], name["unit"]) == ("西安市科学技术馆", "", "")
    assert figures[figures["key"] == "从业人数"]["qualifier"].tolist() == ["精确值"]
    assert shown["awards"][["level", "grade"]].values.tolist()[:3] == [["国家级", "一等奖"], ["国家级", "二等奖"], ["国家级", "三等奖"]]
    research = shown["research"]
    assert research[["item_type", "role", "stage"]].values.tolist() == [
        ["课题项目", "主持", "申报"], ["课题项目", "参与", "申报"], ["课题项目", "主持", "立项"], ["课题项目", "参与", "立项"],
        ["地方标准", "", "申报"], ["地方标准", "", "立项"], ["国家标准", "参与", "立项"], ["课题项目", "", "结题"], ["学术论文", "", "发表"]]
    codes = {"exact", "at_least", "approx", "national", "provincial", "municipal", "first", "second", "third", "excellence",
             "project", "lead", "participant", "applied", "approved", "concluded", "published", "local_standard",
             "national_standard", "paper", "None", "nan"}
    for table, frame in shown.items():
        cells = {str(v) for column in frame.columns if column not in ("confidence", "keep", "count") for v in frame[column]}
        assert not cells & codes, table
        assert not any(v is None for column in frame.columns for v in frame[column]), table
    english = review.display_tables(tables, "en")
    assert english["awards"][["level", "grade"]].values.tolist()[0] == ["National", "First prize"]
    assert english["figures"][english["figures"]["key"] == "Online visits"]["qualifier"].tolist() == ["At least (超/余/多)"]


def test_edited_labels_go_back_to_codes_and_give_the_same_dataset():
    parsed = parse(SEED_REPORT.read_text(encoding="utf-8"), "r.txt")
    tables = review.review_tables(parsed, "zh")
    for lang in ("zh", "en"):
        shown = review.display_tables(tables, lang)
        back = review.code_tables(shown, lang)
        cells = lambda frame: [[None if pd.isna(v) else v for v in row] for row in frame[["item_type", "role", "stage"]].values.tolist()]  # noqa: E731
        assert cells(back["research"]) == cells(tables["research"])
        assert back["figures"]["key"].tolist() == tables["figures"]["key"].tolist()
        assert review.to_dataset(parsed, shown, lang) == review.to_dataset(parsed, tables, lang)


def test_a_reviewer_edits_with_labels_and_adds_a_row_by_name():
    parsed = parse(SEED_REPORT.read_text(encoding="utf-8"), "r.txt")
    shown = review.display_tables(review.review_tables(parsed, "zh"), "zh")
    shown["awards"].loc[0, "level"] = "省级"
    shown["awards"].loc[0, "grade"] = "优秀奖"
    shown["figures"].loc[shown["figures"]["key"] == "志愿者后备人选", "qualifier"] = "精确值"
    added = pd.DataFrame([{"key": "签署战略合作协议", "name": "", "value": "3", "qualifier": "", "unit": "", "sentence": "", "keep": True}])
    shown["figures"] = pd.concat([shown["figures"].query("key != '签署战略合作协议'"), added], ignore_index=True)
    dataset, errors = review.to_dataset(parsed, shown, "zh")
    assert errors == []
    assert (dataset.awards[0]["level"], dataset.awards[0]["grade"]) == ("provincial", "excellence")
    values = {o["metric_id"]: (o["value"], o["qualifier"], o["sentence"]) for o in dataset.observations}
    assert values["partnership_agreements"] == (3, "exact", None)
    assert values["volunteer_reserve"][:2] == (3000, "exact")
    shown["figures"].loc[shown["figures"]["key"] == "志愿者后备人选", "value"] = "近3000"  # a qualifier word in the value wins
    assert next(o for o in review.to_dataset(parsed, shown, "zh")[0].observations if o["metric_id"] == "volunteer_reserve")["qualifier"] == "approx"


def test_options_offer_labels_with_an_empty_choice_where_a_cell_may_be_empty():
    assert review.column_options("awards", "level", "zh") == ["国家级", "省级", "市级"]
    assert review.column_options("research", "role", "zh") == ["", "主持", "参与"]
    assert review.column_options("research", "item_type", "en") == ["Project", "Local standard", "National standard", "Paper"]
    assert review.column_options("figures", "qualifier", "zh") == ["", "精确值", "下限（超/余/多）", "约数（约/近/左右）"]
    keys = review.column_options("figures", "key", "zh")
    assert keys[:3] == ["单位名称", "宗旨和业务范围", "住所"] and "从业人数" in keys and "科普图文" in keys
    assert len(keys) == len(set(keys)) and "获奖总数" not in keys  # counted from records, not typed
    assert review.column_label("item_type", "en") == "Type"


@pytest.mark.parametrize("lang,typed,message", [
    ("zh", "县级", "不是允许的取值：国家级 / 省级 / 市级"),
    ("en", "County", "is not one of: National / Provincial / Municipal"),
])
def test_an_unknown_label_is_refused_with_the_labels_allowed(lang, typed, message):
    parsed = parse(SEED_REPORT.read_text(encoding="utf-8"), "r.txt")
    shown = review.display_tables(review.review_tables(parsed, lang), lang)
    shown["awards"].loc[1, "level"] = typed
    _, errors = review.to_dataset(parsed, shown, lang)
    assert [(e["column"], e["value"], e["message"]) for e in errors] == [("级别" if lang == "zh" else "Level", typed, message)]
