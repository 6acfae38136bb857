"""A month's or a quarter's pages outline the chosen months on the monthly charts, named in the legend; a year's do not."""

from __future__ import annotations

import pytest

from museum import catalog, demo
from museum.sections import Scope
from museum.sections.common import metric_blocks


def charts_of(con, period, lang="zh"):
    scope = Scope.from_connection(con, 1, "馆", period, lang)
    return {b.name: b.figure for b in metric_blocks(scope, catalog.load()["posts"]) if hasattr(b, "figure")}


def marks(figure) -> list[tuple]:
    return [(s.x0, s.x1, s.name, s.showlegend) for s in figure.layout.shapes if s.name]


@pytest.fixture
def history(con):
    demo.load(con, 1, actor="test")
    return con


def test_a_quarter_is_outlined_on_the_monthly_and_year_to_date_lines(history):
    shown = charts_of(history, "2025-Q2")
    assert marks(shown["posts_monthly_2025-Q2"]) == [(3.5, 6.5, "所选期间：2025年第二季度", True)]
    assert marks(shown["posts_ytd_2025-Q2"]) == [(3.5, 6.5, "所选期间：2025年第二季度", True)]
    assert marks(charts_of(history, "2025-04", "en")["posts_monthly_2025-04"]) == [(3.5, 4.5, "Chosen period: Apr 2025", True)]


def test_a_whole_year_has_no_outline(history):
    assert all(marks(figure) == [] for figure in charts_of(history, "2025").values())
