"""The reporting calendar: the committed file, due dates by rule, the next filing within 30 days, each obligation's status."""

from __future__ import annotations

from datetime import date

import pytest

from museum.forms import calendar, status
from museum.period import Period
from museum.sections.scope import Scope
from museum.store import batches

NAME = "西安市科学技术馆"


def test_the_committed_calendar_has_the_five_filings_with_their_due_dates():
    due = {o.key: o.due for o in calendar.of_year(2025)}
    assert due["annual_report"] == date(2026, 3, 31)
    assert due["kepu"] == date(2026, 6, 30)
    assert due["kexie"] == date(2025, 11, 30)
    assert due["self_evaluation"] == date(2026, 3, 31)
    assert due["monthly_brief-12"] == date(2026, 1, 10) and due["monthly_brief-01"] == date(2025, 2, 10)
    opens = {o.key: o.opens for o in calendar.of_year(2025)}
    assert opens["annual_report"] == date(2026, 1, 1)
    assert [e.key for e in calendar.entries() if e.approximate] == ["kexie", "self_evaluation"]


def test_a_rule_it_cannot_read_is_refused():
    with pytest.raises(ValueError):
        calendar.resolve("next March", 2025)


@pytest.mark.parametrize("today,key,year", [
    (date(2026, 3, 5), "monthly_brief-02", 2026),      # the brief of February, due 10 March
    (date(2026, 3, 11), "annual_report", 2025),        # then the 2025 report, due 31 March
    (date(2026, 6, 11), "kepu", 2025),
    (date(2025, 11, 11), "kexie", 2025),
])
def test_the_next_filing_due_within_30_days(today, key, year):
    found = calendar.next_due(today)
    assert (found.key, found.year) == (key, year)


def test_the_overview_line_names_the_filing_its_data_and_the_days_left():
    line = calendar.next_due_line(date(2026, 6, 11), "zh")
    assert line == "下一项报送：全国科普统计调查（2025年），2026-06-30 截止，还有 19 天。"
    assert calendar.next_due_line(date(2026, 6, 11), "en").startswith("Next filing: National science-popularisation")


def test_status_overdue_missing_or_ready(con):
    institution = batches.institution_id(con, NAME)
    scope_of = lambda period: Scope.from_connection(con, institution, NAME, Period.coerce(period), "zh")  # noqa: E731
    early = {s.obligation.key: s for s in status.of_year(2024, scope_of, date(2024, 12, 1))}
    assert early["annual_report"].state == "missing" and early["annual_report"].missing == 1   # 存在问题
    assert early["annual_report"].text("zh") == "缺 1 项" and early["annual_report"].text("en") == "1 item(s) missing"
    assert early["self_evaluation"].missing == 1   # no targets for 2024 in the embedded data
    assert early["monthly_brief-03"].missing == 1  # the embedded report has no months
    late = {s.obligation.key: s for s in status.of_year(2024, scope_of, date(2025, 7, 1))}
    assert late["kepu"].state == "overdue" and late["annual_report"].state == "overdue"


def test_a_month_with_data_has_its_brief_ready(db_path, capsys):
    from museum.cli import main
    from museum.store import db
    from tests.unit.test_forms_sheets import DATA

    assert main(["ingest", str(DATA / "form_values.csv"), "--db", str(db_path)]) == 0
    with db.session(db_path) as con:
        institution = batches.institution_id(con, NAME)
        scope_of = lambda period: Scope.from_connection(con, institution, NAME, Period.coerce(period), "zh")  # noqa: E731
        found = {s.obligation.key: s for s in status.of_year(2024, scope_of, date(2024, 4, 1))}
    assert (found["monthly_brief-03"].state, found["monthly_brief-03"].text("zh")) == ("ready", "草稿已就绪")
