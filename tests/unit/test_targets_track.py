"""总览's line on whether the year's targets are on track (issue 18 item 8)."""

from __future__ import annotations

from pathlib import Path

from museum.sections import Sentences
from museum.sections.overview import overview_section
from museum.sections.scope import Scope
from museum.targets import importer, scoring
from museum.targets.track import on_track_sentence
from tests.unit.test_targets_assessed import TABLE, _view
from tests.unit.test_targets_scoring import values

CORPUS = Path(__file__).resolve().parents[1] / "data" / "targets"


def test_mid_year_names_the_indicators_behind():
    found = values(("posts", 2025, 1, 1200, "exact"), ("posts", 2025, 4, 1200, "exact"), ("outreach_events", 2025, 4, 10, "exact"))
    year_view = _view(TABLE, found, scoring.Progress(4 / 12 * 100, "month", month=4))
    assert on_track_sentence(year_view, "zh") == (
        "2025年绩效目标：1 项落后于序时进度。按序时进度 33%：1 项领先或持平（科普图文）；1 项落后（公益行活动）。")
    ahead_only = values(("posts", 2025, 4, 2400, "exact"))
    assert on_track_sentence(_view(TABLE, ahead_only, scoring.Progress(33.3, "month", month=4)), "en") == (
        "Targets 2025: none behind the share of the year elapsed. Against 33% of the year elapsed: 1 ahead or level (科普图文).")


def test_after_the_year_met_missed_and_pending():
    found = values(("posts", 2025, None, 5400, "exact"), ("outreach_events", 2025, None, 60, "exact"))
    assert on_track_sentence(_view(TABLE, found, scoring.Progress(100.0, "year")), "zh") == (
        "2025年绩效目标：1 项已达成，1 项未达成（科普图文），1 项待评。")


def test_the_overview_carries_the_line(con):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    section = overview_section(Scope.from_connection(con, 1, "西安市科学技术馆", 2024, "zh"))
    lines = [b for b in section.blocks if isinstance(b, Sentences)]
    assert [b.lines for b in lines] == [["2024年绩效目标：3 项已达成，1 项未达成（“科普西安”融媒体矩阵发布科普图文），4 项待评。"]]
    assert not [b for b in overview_section(Scope.from_connection(con, 1, "西安市科学技术馆", 2023, "zh")).blocks
                if isinstance(b, Sentences)]
