"""数据填报 (issue 23): the grid's rows, the same parser as files, per-cell warnings, drafts."""

import pytest

from museum import institutions
from museum.errors import InputRejected
from museum.intake import entry


def institution(con) -> int:
    return institutions.choose(institutions.table(con), None)[0]


def test_the_grid_lists_metrics_reported_monthly_with_last_month_and_last_year(con):
    inst = institution(con)
    entry.submit(con, inst, 2024, 4, {"onsite_visitors": "9,000"}, actor="li")
    entry.submit(con, inst, 2025, 3, {"onsite_visitors": "约8000", "outreach_events": "12"}, actor="li")
    frame = entry.grid(con, inst, 2025, 4, "zh")
    rows = frame.set_index("metric_id")
    assert {"onsite_visitors", "outreach_events"} <= set(rows.index)
    assert rows.loc["onsite_visitors", ["name", "unit", "previous", "last_year", "current"]].tolist() == [
        "接待观众人次", "人次", "约8000人次", "9000人次", ""]
    # a metric added from the catalog by name comes after; an unknown id is not a row
    added = entry.grid(con, inst, 2025, 4, "en", added=["posts", "nope"])
    assert added["metric_id"].tolist()[-1] == "posts" and "nope" not in added["metric_id"].tolist()
    assert added.set_index("metric_id").loc["onsite_visitors", "name"] == "On-site visitors"


@pytest.mark.parametrize("text, value, qualifier", [("超50", 50.0, "at_least"), ("2万余", 20000.0, "at_least"),
                                                    ("约3000", 3000.0, "approx"), ("1,234", 1234.0, "exact")])
def test_typed_text_is_read_as_in_files(con, text, value, qualifier):
    checked = entry.check(con, institution(con), 2025, 4, {"onsite_visitors": text})
    assert checked.errors == [] and checked.to_confirm == {}
    assert [(r["value"], r["qualifier"]) for r in checked.records] == [(value, qualifier)]


def test_unknown_text_is_an_error_on_its_row_and_nothing_is_written(con):
    inst = institution(con)
    result = entry.submit(con, inst, 2025, 4, {"outreach_events": "12", "onsite_visitors": "很多"}, actor="li")
    assert result.status == "rejected" and result.batch_id is None
    [problem] = result.to_json()["errors"]
    assert (problem["row"], problem["column"], problem["value"]) == (2, "接待观众人次", "很多")
    assert problem["message"].startswith("第 2 行“接待观众人次”：无法识别为数值")
    assert con.execute("select count(*) from observation where year = 2025 and month = 4").fetchone()[0] == 0


def test_a_jump_against_last_year_and_a_value_beyond_the_bound_are_confirmed_cell_by_cell(con):
    inst = institution(con)
    entry.submit(con, inst, 2024, 4, {"onsite_visitors": "9,000", "outreach_events": "30"}, actor="li")
    typed = {"onsite_visitors": "30,000", "outreach_events": "9", "posts": "1"}  # 3.33×, 0.3×, no last year
    result = entry.submit(con, inst, 2025, 4, typed, actor="li")
    assert result.status == "rejected"
    assert {m: p.key for m, p in result.checked.to_confirm.items()} == {
        "onsite_visitors": "entry.warning.jump", "outreach_events": "entry.warning.jump"}
    partly = entry.submit(con, inst, 2025, 4, typed, actor="li", confirmed={"onsite_visitors"})
    assert partly.status == "rejected" and set(partly.checked.to_confirm) == {"outreach_events"}
    done = entry.submit(con, inst, 2025, 4, typed, actor="li", confirmed={"onsite_visitors", "outreach_events"})
    assert (done.status, done.counts.inserted) == ("committed", 3)
    assert len(done.to_json()["warnings"]) == 2
    beyond = entry.check(con, inst, 2025, 5, {"outreach_events": "200000"})
    assert beyond.to_confirm["outreach_events"].key == "entry.warning.beyond_bound"
    allowed = entry.submit(con, inst, 2025, 5, {"outreach_events": "200000"}, actor="li", confirmed={"outreach_events"})
    assert allowed.status == "committed"


def test_a_month_outside_the_years_and_an_empty_grid_are_refused(con):
    inst = institution(con)
    with pytest.raises(InputRejected):
        entry.check(con, inst, 2025, 13, {"posts": "1"})
    with pytest.raises(InputRejected) as refused:
        entry.submit(con, inst, 2025, 4, {"posts": " "}, actor="li")
    assert refused.value.key == "entry.nothing_typed"


def test_a_draft_is_saved_per_person_and_month_and_resumed(con):
    inst = institution(con)
    assert entry.load_draft(con, inst, 2025, 4, "li") is None
    entry.save_draft(con, inst, 2025, 4, "li", {"posts": "12"}, confirmed={"posts"})
    entry.save_draft(con, inst, 2025, 4, "li", {"posts": "13"})
    entry.save_draft(con, inst, 2025, 4, "wang", {"posts": "99"})
    draft = entry.load_draft(con, inst, 2025, 4, "li")
    assert (draft["cells"], draft["confirmed"]) == ({"posts": "13"}, [])
    assert con.execute("select count(*) from batch where kind = 'entry'").fetchone()[0] == 0  # a draft is no batch
    entry.drop_draft(con, inst, 2025, 4, "li")
    assert entry.load_draft(con, inst, 2025, 4, "li") is None and entry.load_draft(con, inst, 2025, 4, "wang")
