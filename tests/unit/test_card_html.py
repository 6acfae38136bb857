"""KPI cards are the one place the UI writes HTML: every text in them must come out as text."""

from html.parser import HTMLParser

import pytest

from museum import catalog
from museum.kpis import Kpi, Source, YearValue
from tests.unit.test_hardening import PAYLOADS
from ui import blocks

ALLOWED = {"div": {"class", "data-metric", "style"}, "details": set(), "summary": set()}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def hostile_kpi(payload: str) -> Kpi:
    metric = catalog.load()["posts"]
    metric = type(metric)(**{**metric.__dict__, "metric_id": payload, "name_zh": payload, "unit_zh": payload})
    source = Source(sentence=payload, batch_id=1, batch_kind="upload", file_name=payload, user=payload, time=payload)
    current = YearValue(5.0, "exact", "year", (), [source])
    prior = YearValue(4.0, "exact", "year", (), [source])
    return Kpi(metric, 2024, current, 2023, prior, 1.0, 25.0, "exact", None, comparison="years")


@pytest.mark.parametrize("payload", PAYLOADS + ['"><img src=x onerror=alert(1)>', "</div><script>alert(1)</script>"])
def test_every_text_of_a_card_is_escaped(payload):
    page = Tags()
    page.feed(blocks.card_html(hostile_kpi(payload), "zh"))
    for tag, attrs in page.tags:
        assert tag in ALLOWED, tag
        assert set(attrs) <= ALLOWED[tag], attrs
    # the payload reads back as text: once as the label, once in the source
    assert payload.replace("\x00", "\ufffd") in "".join(page.text) or payload in "".join(page.text)


def test_a_card_says_value_change_and_prior_year():
    page = Tags()
    kpi = hostile_kpi("科普图文")
    page.feed(blocks.card_html(kpi, "zh"))
    assert page.text == ["科普图文", "5科普图文", "▲ 同比 +25.0%", "上年 4科普图文", "来源", "来源：科普图文"]
