"""事业单位法人年度报告 -> registration fields, catalog metrics, awards, honours and research items.

Every figure keeps the exact passage of the report it was read from and a confidence; a figure
the parser sees but cannot place is kept as `unplaced` for the reviewer, never dropped or guessed.
`parse_text` reads pasted text; `parse_bytes` reads a .txt (any common encoding), .html or .docx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from museum import catalog as catalog_module
from museum import numbers
from museum.errors import InputRejected
from museum.intake import controls
from museum.report.parser import layout, records, residual, safety, script
from museum.report.parser.inputs import read_report_bytes
from museum.report.parser.metrics import MetricReader, list_counts
from museum.report.parser.sentences import clauses, figures, masked, split_sentences

MIN_LABELS = 3  # distinct registration labels needed to call a text a report
# Form fields that are also catalog metrics: field -> (metric id, unit of the value)
FORM_METRICS = {
    "startup_capital": ("startup_capital", "万元"),
    "assets_year_start": ("assets_year_start", "万元"),
    "assets_year_end": ("assets_year_end", "万元"),
    "headcount": ("headcount", "人"),
}
INSTITUTION_KEYS = (
    "name", "purpose", "address", "legal_representative", "startup_capital_wan", "funding_source",
    "sponsor", "assets_year_start_wan", "assets_year_end_wan", "website", "headcount",
)
PROSE_FIELDS = ("activities", "performance_and_litigation", "donations", "qualifications")
WORDING_FIELDS = ("purpose", "compliance_statement")  # statements, not figures: any figure in them goes to review
# Fields that name someone or somewhere: a placeholder there ("—", "-", "无") means the field is empty.
NAMING_FIELDS = ("name", "address", "legal_representative", "sponsor", "funding_source")
PLACEHOLDERS = {"无", "暂无", "空"}


@dataclass
class FieldFigure:
    field: str
    value: str
    sentence: str
    confidence: float
    label: str = ""  # as written ("年初数(元)"): the unit of a bare number under it


@dataclass
class MetricFigure:
    metric: str
    value: float
    qualifier: str
    unit: str
    sentence: str
    confidence: float
    text: str = ""          # the figure as written


@dataclass
class ParsedReport:
    year: int | None
    fields: dict[str, FieldFigure]
    metrics: list[MetricFigure] = field(default_factory=list)
    awards: list[dict] = field(default_factory=list)
    honors: list[dict] = field(default_factory=list)
    research: list[dict] = field(default_factory=list)
    unplaced: list[dict] = field(default_factory=list)   # text, sentence
    layout: str = ""
    encoding: str = ""
    source_name: str = ""
    source_bytes: bytes = b""
    controls_removed: int = 0   # control characters (NUL …) removed from the text before reading
    activities_year: int | None = None  # the year the activities open with ("2024年，…"), when another than `year`

    @property
    def institution(self) -> str | None:
        name = self.fields.get("name")
        return name.value if name else None

    def metric(self, metric_id: str) -> MetricFigure | None:
        return next((m for m in self.metrics if m.metric == metric_id), None)

    def institution_json(self) -> dict:
        def text(key):
            return self.fields[key].value if key in self.fields else None

        def number(metric_id):
            figure = self.metric(metric_id)
            return None if figure is None else _plain(figure.value)

        return {
            "name": text("name"),
            "purpose": text("purpose"),
            "address": text("address"),
            "legal_representative": text("legal_representative"),
            "startup_capital_wan": number("startup_capital"),
            "funding_source": text("funding_source"),
            "sponsor": text("sponsor"),
            "assets_year_start_wan": number("assets_year_start"),
            "assets_year_end_wan": number("assets_year_end"),
            "website": text("website"),
            "headcount": number("headcount"),
        }

    def to_json(self) -> dict:
        """The object `python -m museum parse-report FILE --json` prints."""
        strip = lambda rows: [{k: v for k, v in row.items() if k != "confidence"} for row in rows]  # noqa: E731
        return {
            "year": self.year,
            "institution": self.institution_json(),
            "metrics": [
                {"metric": m.metric, "value": _plain(m.value), "qualifier": m.qualifier, "unit": m.unit, "sentence": m.sentence}
                for m in self.metrics
            ],
            "awards": strip(self.awards),
            "honors": strip(self.honors),
            "research": strip(self.research),
            "unplaced": [{"text": u["text"], "sentence": u["sentence"]} for u in self.unplaced],
        }


def _plain(value: float):
    return int(value) if float(value).is_integer() else value


def parse_bytes(content: bytes, file_name: str = "") -> ParsedReport:
    safety.check_report_bytes(content, file_name)  # before anything copies or decodes it
    if not content.strip():
        raise InputRejected("report.empty", name=file_name or "—")
    text, encoding = read_report_bytes(content, file_name)
    parsed = parse_text(text, file_name=file_name)
    parsed.encoding, parsed.source_bytes = encoding, content
    return parsed


def parse_text(text: str, *, file_name: str = "") -> ParsedReport:
    """Read one report. Raises InputRejected (saying why) when the text is not such a report."""
    name = file_name or "—"
    if not text or not text.strip():
        raise InputRejected("report.empty", name=name)
    original = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    original, removed = controls.clean_text(original)  # a NUL in a name or a note: removed, and said (importer.warnings_for)
    text = script.simplified(original)  # 觀眾/萬 are read as 观众/万; quotes are cut from the original
    form = layout.read_form(text)
    if form.labels_found < MIN_LABELS:
        raise InputRejected("report.not_a_report", name=name, found=form.labels_found, needed=MIN_LABELS)
    activities = form.values.get("activities")
    year = layout.report_year(text, activities.value if activities else None)
    if year is None:
        raise InputRejected("report.no_year", name=name)
    fields = {key: FieldFigure(key, v.value, v.sentence, v.confidence, v.label) for key, v in form.values.items()
              if not (key in NAMING_FIELDS and _placeholder(v.value))}
    parsed = ParsedReport(year=year, fields=fields, layout=form.layout, encoding="text", source_name=file_name,
                          source_bytes=original.encode("utf-8"), controls_removed=removed)
    opening = layout.report_year("", activities.value if activities else None)  # a title of 2023 over "2024年，…"
    parsed.activities_year = opening if opening not in (None, year) else None
    parsed.unplaced.extend({"text": t, "sentence": s} for t, s in form.orphans)
    _form_metrics(parsed)
    places = records.Places.of(parsed.fields["address"].value if "address" in parsed.fields else None, parsed.institution)
    reader = MetricReader(catalog_module.load())
    for key in PROSE_FIELDS:
        if key in form.long_spans:
            start, end = form.long_spans[key]
            for sentence in split_sentences(text, start, end):
                _read_sentence(parsed, sentence, places, reader)
    for key in WORDING_FIELDS:  # a figure there (a section that ran on into 宗旨和业务范围) is kept for review
        if key in form.long_spans:
            for sentence in split_sentences(text, *form.long_spans[key]):
                parsed.unplaced.extend({"text": f.text, "sentence": sentence.quote} for f in figures(sentence.view))
    _as_written(parsed, script.restorer(original, text))
    return parsed


def _with_label_unit(value: str, label: str) -> str:
    """A bare number under a label that names its unit ("年初数(元)" over "3,562,418.50") carries that unit, so
    that 元 is never read as 万元."""
    named = re.search(r"[(（]\s*(?:单位[:：]\s*)?(万元|元|人)\s*[)）]", label or "")
    if named and re.fullmatch(r"[约近超逾]?\s*[\d,，.]+\s*", value or ""):
        return value.strip() + named.group(1)
    return value


def _placeholder(value: str) -> bool:
    return numbers.is_missing(value) or value.strip() in PLACEHOLDERS


def _as_written(parsed: ParsedReport, restore) -> None:
    """Values and quotes in the report's own script (they were read in simplified script)."""
    for figure in parsed.fields.values():
        figure.value, figure.sentence = restore(figure.value), restore(figure.sentence)
    for metric in parsed.metrics:
        metric.sentence, metric.text = restore(metric.sentence), restore(metric.text)
    for record in (*parsed.awards, *parsed.honors, *parsed.research, *parsed.unplaced):
        for key in ("sentence", "text", "competition", "title", "subject", "awarded_by", "description"):
            if isinstance(record.get(key), str):
                record[key] = restore(record[key])


def _form_metrics(parsed: ParsedReport) -> None:
    for key, (metric_id, unit) in FORM_METRICS.items():
        figure = parsed.fields.get(key)
        if figure is None:
            continue
        quantity = _form_quantity(_with_label_unit(figure.value, figure.label), unit)
        if quantity is None:
            if re.search(r"\d", figure.value):
                parsed.unplaced.append({"text": figure.value, "sentence": figure.sentence})
            continue
        confidence = figure.confidence if quantity.unit in (unit, "") else figure.confidence * 0.9
        parsed.metrics.append(MetricFigure(metric_id, quantity.value, quantity.qualifier, unit, figure.sentence, confidence, figure.value))


def _form_quantity(raw: str, unit: str) -> numbers.Quantity | None:
    """"5万元", "8(万元)", "63.1万元", "147.2" -> 万元; "31", "31人" -> 人."""
    text = re.sub(r"[(（]\s*(万?元|人)\s*[)）]", r"\1", raw).strip()
    try:
        quantity = numbers.parse_quantity(text, unit=unit)
    except numbers.NotANumber:
        return None
    if quantity is None:
        return None
    if unit == "万元" and quantity.unit == "元":
        return numbers.Quantity(round(quantity.value / 10_000, 6), quantity.qualifier, unit)
    if quantity.unit not in ("", unit):
        return None
    return quantity


def _read_sentence(parsed: ParsedReport, sentence, places, reader: MetricReader) -> None:
    found = records.Found()
    records.awards(sentence, places, found)
    scan = masked(sentence.view)
    by_clause = [(a, b, figures(sentence.view, a, b, scan)) for a, b in clauses(sentence.view)]
    records.research(sentence, by_clause, found)
    records.honors(sentence, places, parsed.institution, found)
    parsed.awards.extend(found.awards)
    parsed.research.extend(found.research)
    parsed.honors.extend(found.honors)
    parsed.unplaced.extend({"text": t, "sentence": s} for t, s in found.unplaced)
    taken = {m.metric for m in parsed.metrics}
    for metric_id, count, _written in list_counts(sentence):
        if metric_id not in taken:
            parsed.metrics.append(MetricFigure(metric_id, float(count), "exact", reader.catalog[metric_id].unit_zh, sentence.quote, 0.6, _written))
            taken.add(metric_id)
    view = sentence.view
    since = residual.cumulative_spans(view, parsed.year)  # figures since the opening are not the year's
    covered = [span for span in found.used if span not in found.named]
    for clause_start, clause_end, clause_figures in by_clause:
        for index, figure in enumerate(clause_figures):
            if found.covers(figure.start):
                continue
            covered.append((figure.start, figure.end))
            if figure.start >= sentence.plan_from or any(a <= figure.start < b for a, b in since):
                parsed.unplaced.append({"text": figure.text, "sentence": sentence.quote})
                continue
            before_start = clause_figures[index - 1].end if index else clause_start
            after_end = clause_figures[index + 1].start if index + 1 < len(clause_figures) else clause_end
            before, after = view[before_start: figure.start], view[figure.end: after_end]
            placed = reader.place(view, figure, before, after)
            if placed is None or placed.metric_id in taken:
                parsed.unplaced.append({"text": figure.text, "sentence": sentence.quote})
                continue
            results = [placed]
            also = reader.also_all(figure, after, placed)
            if also and also.metric_id not in taken:
                results.append(also)
            for item in results:
                parsed.metrics.append(MetricFigure(item.metric_id, item.value, item.qualifier, reader.catalog[item.metric_id].unit_zh, sentence.quote, item.confidence, item.text))
                taken.add(item.metric_id)
    parsed.unplaced.extend({"text": text, "sentence": sentence.quote} for text in residual.leftovers(view, covered))
