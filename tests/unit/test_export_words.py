"""The pack writes figures as the report does (超500万次, 2万余人), and its English tables fit their words."""

from __future__ import annotations

from museum.export.content import build_report, kpi_table, sources_table
from museum.sections import KpiCards


def _headline(report):
    overview = next(s for s in report.sections if s.key == "overview")
    return next(b for b in overview.blocks if isinstance(b, KpiCards))


def test_the_packs_tables_use_the_reports_qualifier_words(con):
    report = build_report(con, 2024, "zh")
    table = kpi_table(_headline(report), 2024, "zh")
    shown = dict(zip(table["指标"], table["2024年"]))
    assert shown["总访问量"] == "超500万次" and shown["粉丝增长"] == "2万余人"
    assert not any("+" in value for value in table["2024年"])
    sources = sources_table(report.kpis, "zh")
    assert sources["指标"].str.contains("总访问量 超500万次").any()
    english = kpi_table(_headline(build_report(con, 2024, "en")), 2024, "en")
    assert dict(zip(english["Metric"], english["2024"]))["Online visits"] == "more than 5.0M visits"


def test_no_column_of_the_english_pack_is_narrower_than_its_longest_word(db_path):
    from museum import demo
    from museum.export.content import column_shares, longest_word
    from museum.sections import Table
    from museum.store import db
    with db.session(db_path) as con:
        demo.load(con, 1, actor="test")
        report = build_report(con, 2024, "en")
    checked = 0
    for section in report.sections:
        for block in section.blocks:
            frame = kpi_table(block, 2024, "en") if isinstance(block, KpiCards) else getattr(block, "frame", None)
            if not isinstance(block, (KpiCards, Table)):
                continue
            shares = column_shares(frame)
            for index, column in enumerate(frame.columns):
                word = max([longest_word(column)] + [longest_word(v) for v in frame.iloc[:, index]])
                assert shares[index] * 84 >= word + 3 - 1e-9, (section.key, column, word, shares[index])
                checked += 1
    assert checked > 30


def test_english_notes_and_warnings_read_as_english():
    from museum.i18n import t
    assert t("intake.warning.total_rows", "en", rows="7") == (
        "Total and subtotal rows were skipped (the dashboard computes totals); row numbers: 7.")  # not "Rows 7 are total rows"
    assert "超" not in t("kpi.bound_note.at_least", "en") and "超" not in t("kpi.bound_note.at_most", "en")
