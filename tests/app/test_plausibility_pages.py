"""The report page refuses a figure beyond its metric's bound until the editor allows it (issue 20, item 3)."""

from __future__ import annotations

from pathlib import Path

from museum.store import db
from tests.app.conftest import open_page, signed_in

REPORT = (Path(__file__).resolve().parents[1] / "data" / "report" / "label_value.txt").read_text(encoding="utf-8")


def test_a_report_figure_beyond_its_bound_needs_the_checkbox(db_path):
    at = open_page("app_pages/report_import.py", "zh", session=signed_in("editor"))
    at.text_area(key="report_text").input(REPORT.replace("年初数：2,345.6万元", "年初数：200000000万元")).run()
    assert not at.exception
    assert [e.value for e in at.error] == ["审核表中有 1 处问题，修正后才能导入："]
    assert not [b for b in at.button if b.key == "report_commit"]  # nothing to commit yet
    allow = next(c for c in at.checkbox if c.label == "允许超出合理范围的数值")
    allow.check().run()
    assert not at.error
    next(c for c in at.checkbox if c.label.startswith("新建单位")).check().run()  # the report's unit is new (issue 24)
    at.button(key="report_commit").click().run()
    assert at.success
    with db.session(db_path, read_only=True) as con:
        value = con.execute("select value from observation where metric_id = 'assets_year_start' and retired_by_batch is null "
                            "order by observation_id desc limit 1").fetchone()[0]
    assert value == 200_000_000
