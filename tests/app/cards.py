"""KPI cards as a test reads them: the HTML the page renders, parsed back into labelled fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from museum.i18n import t

FIELDS = {"kpi-label": "label", "kpi-value": "value", "kpi-change": "change", "kpi-previous": "previous", "kpi-note": "notes",
          "kpi-target": "target"}


@dataclass
class Card:
    metric: str
    label: str = ""
    value: str = ""
    change: str = ""
    tone: str = ""
    previous: str = ""          # the 环比 line (a month, a quarter, months a–b)
    previous_tone: str = ""
    notes: list[str] = field(default_factory=list)
    source: str = ""
    target: str = ""


class _Cards(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cards: list[Card] = []
        self.target: str | None = None
        self.in_details = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "kpi" in classes:
            self.cards.append(Card(attrs.get("data-metric", "")))
        for css, name in FIELDS.items():
            if css in classes:
                self.target = name
                if name in ("change", "previous"):
                    tone = next((c for c in classes if c in ("good", "bad", "flat")), "")
                    setattr(self.cards[-1], "tone" if name == "change" else "previous_tone", tone)
                if name == "notes":
                    self.cards[-1].notes.append("")
        if tag == "details":
            self.in_details, self.target = True, "source"
        if tag == "summary":
            self.target = None

    def handle_endtag(self, tag):
        if tag == "div":
            self.target = None if not self.in_details else self.target
        if tag == "summary":
            self.target = "source"
        if tag == "details":
            self.in_details, self.target = False, None

    def handle_data(self, data):
        if not self.cards or self.target is None:
            return
        card = self.cards[-1]
        if self.target == "notes":
            card.notes[-1] += data
        else:
            setattr(card, self.target, getattr(card, self.target) + data)


def parse(html: str) -> list[Card]:
    parser = _Cards()
    parser.feed(html)
    return parser.cards


def cards(at) -> list[Card]:
    """Every KPI card of the run, in page order (headline row first on the overview)."""
    return [card for element in at.html for card in parse(str(element.value)) if card.metric]


def by_label(at) -> dict[str, Card]:
    """The first card of each label."""
    found: dict[str, Card] = {}
    for card in cards(at):
        found.setdefault(card.label, card)
    return found


def values(at) -> dict[str, str]:
    return {label: card.value for label, card in by_label(at).items()}


def unexpected_errors(at, lang: str = "zh") -> list[str]:
    """Messages of the dashboard's error boundary for a failure it did not expect (a bug)."""
    apology = t("ui.error.unexpected", lang, incident="")[:10]
    return [e.value for e in at.error if str(e.value).startswith(apology)]
