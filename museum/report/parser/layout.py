"""The registration form of a 事业单位法人年度报告: find its labels and read the value of each.

Layouts differ by province: pipe tables with several fields on a row, one cell per line with
labels broken character by character, labels padded with spaces or followed by a colon. The
reader works on a "compact" view of the text (whitespace and `|` removed, every character mapped
back to the original) so that `住 所`, `名       称：` and `开\\n展\\n业\\n务…` are all found, but a
label only counts where a cell starts, so a phrase inside prose is never taken for a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_UNIT = r"(?:[(（](?:单位[:：])?万?元[)）])?"

# field, label patterns (regular expressions over the compact text), kind of value
FIELDS: list[tuple[str, tuple[str, ...], str]] = [
    ("name", (r"事业单位名称", r"单位名称", r"名称"), "short"),
    ("purpose", (r"宗旨和业务范围", r"宗旨及业务范围", r"业务范围"), "long"),
    ("address", (r"住所",), "short"),
    ("legal_representative", (r"法定代表人(?:姓名)?",), "short"),
    ("startup_capital", (r"开办资金" + _UNIT,), "short"),
    ("funding_source", (r"经费来源", r"经济来源"), "short"),
    ("sponsor", (r"举办单位(?:名称)?",), "short"),
    ("assets", (r"资产损益情况", r"净资产合计[(（]所有者权益合计[)）]", r"净资产合计"), "heading"),
    ("assets_year_start", (r"年初数" + _UNIT, r"期初数" + _UNIT), "short"),
    ("assets_year_end", (r"年末数" + _UNIT, r"期末数" + _UNIT), "short"),
    ("website", (r"网上名称",), "short"),
    ("headcount", (r"从业人数(?:[(（]人[)）])?",), "short"),
    ("compliance_statement", (r"对《[^》]{1,40}》[^|。]{0,30}?执行情况", r"执行《[^》]{1,40}》[^|。]{0,30}?情况"), "long"),
    ("activities", (r"开展业务活动情况",), "long"),
    ("qualifications", (r"相关资质认可或执业许可证明文件(?:及有效期)?", r"相关资质认可或执业许可证明文件"), "long"),
    ("performance_and_litigation", (r"绩效和受奖惩及诉讼投诉情况", r"绩效和受奖惩情况"), "long"),
    ("donations", (r"接[收受]捐赠资助及其?使用情况",), "long"),
    # labels whose values are not kept; they only end the value before them
    ("_other", (r"统一社会信用代码", r"举办单位(?:审查)?意见", r"登记管理机关(?:意见)?", r"事业单位法人年度报告书?", r"法定代表人签[字名]", r"填报日期"), "ignored"),
]
FIELD_KINDS = {name: kind for name, _, kind in FIELDS}
TEXT_FIELDS = [name for name, _, kind in FIELDS if kind in ("short", "long")]
_LABELS = [(name, re.compile(pattern)) for name, patterns, _ in FIELDS for pattern in patterns]
_CLAUSE_LABELS = [(name, pattern) for name, pattern in _LABELS if name in ("assets_year_start", "assets_year_end")]
_WHITESPACE = " \t\r\n\u3000\xa0\u200b\ufeff"
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000\xa0]+(?=[\u4e00-\u9fff])")
_LONG_LINE = 600  # a quote longer than this is replaced by the label as written


@dataclass
class Compact:
    """The text without whitespace and `|`, each character mapped to its place in the original."""

    text: str
    chars: str = ""
    positions: list[int] = field(default_factory=list)
    cell_start: list[bool] = field(default_factory=list)   # a `|` or new line precedes the character
    space_before: list[bool] = field(default_factory=list)

    def __post_init__(self):
        chars, positions, starts, spaces = [], [], [], []
        pending_cell, pending_space = True, False
        for index, ch in enumerate(self.text):
            if ch in "|\n":
                pending_cell = True
            elif ch in _WHITESPACE:
                pending_space = True
            else:
                chars.append(ch)
                positions.append(index)
                starts.append(pending_cell)
                spaces.append(pending_space)
                pending_cell = pending_space = False
        self.chars = "".join(chars)
        self.positions, self.cell_start, self.space_before = positions, starts, spaces

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of compact characters [start, end)."""
        if start >= end:
            point = self.positions[start] if start < len(self.positions) else len(self.text)
            return point, point
        return self.positions[start], self.positions[end - 1] + 1


@dataclass
class Cell:
    text: str      # the cell's text, lines joined
    start: int     # original span
    end: int


@dataclass
class Hit:
    field: str
    start: int     # compact span of the label
    end: int
    label_start: int  # original span of the label
    label_end: int


@dataclass
class FieldValue:
    field: str
    value: str
    sentence: str
    start: int
    end: int
    confidence: float
    label: str = ""  # as written ("年初数(元)"): a unit it names is the unit of a bare number under it


@dataclass
class FormReading:
    values: dict[str, FieldValue]
    orphans: list[tuple[str, str]]     # (text, sentence) of cells no label claims
    layout: str
    labels_found: int
    long_spans: dict[str, tuple[int, int]]  # original span of each long text field's value


def _label_ends_well(compact: Compact, end: int) -> bool:
    if end >= len(compact.chars):
        return True
    if compact.cell_start[end] or compact.space_before[end]:
        return True
    return compact.chars[end] in ":：" or compact.chars[end].isdigit()


def find_labels(compact: Compact) -> list[Hit]:
    hits: list[Hit] = []
    position = 0
    chars = compact.chars
    while position < len(chars):
        at_cell = position == 0 or compact.cell_start[position] or compact.space_before[position] or chars[position - 1] in ":：。"
        # "净资产合计：年初数1,234.56万元，年末数1,198.3万元": the year-end label follows a comma on the line of
        # the heading's 年初数 (anywhere else "年初数120件，年末数135件" is prose, never a label)
        in_clause = (not at_cell and chars[position - 1] in "，,；;" and bool(hits)
                     and hits[-1].field in ("assets", "assets_year_start")
                     and not any(compact.cell_start[hits[-1].end: position]))
        best = None
        if at_cell or in_clause:
            for name, pattern in (_LABELS if at_cell else _CLAUSE_LABELS):
                match = pattern.match(chars, position)
                if match and _label_ends_well(compact, match.end()) and (best is None or match.end() > best[1]):
                    best = (name, match.end())
        if best:
            end = best[1]
            while end < len(chars) and chars[end] in ":：":
                end += 1
            label_start, label_end = compact.original(position, best[1])
            hits.append(Hit(best[0], position, end, label_start, label_end))
            position = end
        else:
            position += 1
    return hits


def detect_layout(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    # a table copied from a browser separates its cells with tabs instead of pipes
    pipe_rows = sum(1 for line in lines if ("|" in line or "\t" in line.strip()) and line.replace("|", "").strip())
    if pipe_rows >= 3:
        return "pipe_table"
    if re.search(r"^\s*\S\s*$(\n\s*\S\s*$){2,}", text, re.M):
        return "cell_per_line"
    return "label_value"


def split_cells(text: str, start: int, end: int, layout: str) -> list[Cell]:
    """Cells of text[start:end]: split at `|` and tabs (a table copied from Word or a page), and at new lines
    (pipe tables) or blank lines."""
    cells: list[Cell] = []
    separator = re.compile(r"[|\t]|\n" if layout == "pipe_table" else r"[|\t]|\n[ \t\u3000]*\n")
    cursor = start
    segment = text[start:end]
    pieces = []
    for match in separator.finditer(segment):
        pieces.append((cursor, start + match.start()))
        cursor = start + match.end()
    pieces.append((cursor, end))
    for piece_start, piece_end in pieces:
        raw = text[piece_start:piece_end]
        stripped = raw.strip(_WHITESPACE + ":：")
        if not stripped:
            continue
        offset = raw.find(stripped[0]) if stripped else 0
        lines = [line.strip(_WHITESPACE) for line in stripped.split("\n")]
        joined = "".join(lines) if _is_prose(lines) else "\n".join(lines)
        joined = _CJK_GAP.sub("", joined)  # "南湖市 科技馆" (a &nbsp; of the page) is one name
        cells.append(Cell(joined, piece_start + offset, piece_start + offset + len(stripped)))
    return cells


def _is_prose(lines: list[str]) -> bool:
    """Wrapped Chinese lines join without a space; real paragraphs keep their line break."""
    return all(not re.search(r"[。！？!?]$", line) for line in lines[:-1])


def _starts_new_row(text: str, start: int, label_line: int) -> bool:
    line_start = text.rfind("\n", 0, start)
    return line_start > label_line and text[line_start + 1: start].strip(_WHITESPACE).startswith("|")


def _line_of(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start: len(text) if line_end < 0 else line_end].strip(_WHITESPACE)


def _quote(text: str, hit: Hit, cell: Cell, *, label_line: bool) -> str:
    """The exact passage a value was read from: its whole line(s), from the label when it leads."""
    start = hit.label_start if label_line else cell.start
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", cell.end)
    passage = text[line_start: len(text) if line_end < 0 else line_end].strip(_WHITESPACE)
    if len(passage) > _LONG_LINE:
        return text[hit.label_start: hit.label_end]
    return passage


def read_form(text: str) -> FormReading:
    layout = detect_layout(text)
    compact = Compact(text)
    hits = find_labels(compact)
    values: dict[str, FieldValue] = {}
    orphans: list[tuple[str, str]] = []
    long_spans: dict[str, tuple[int, int]] = {}
    regions = []
    for index, hit in enumerate(hits):
        region_end = hits[index + 1].label_start if index + 1 < len(hits) else len(text)
        region_start = compact.original(hit.end, hit.end)[0] if hit.end < len(compact.chars) else len(text)
        region_start = max(region_start, hit.label_end)
        regions.append((hit, split_cells(text, region_start, region_end, layout), region_start, region_end))

    pending: list[Hit] = []  # labels of a header row whose values come on the next row
    for hit, cells, region_start, region_end in regions:
        kind = FIELD_KINDS[hit.field]
        if kind == "ignored":
            pending = []
            continue
        if kind == "heading":
            orphans.extend((c.text, _line_of(text, c.start, c.end)) for c in cells)
            continue
        if hit.field in values or hit.field in long_spans:
            orphans.extend((c.text, _line_of(text, c.start, c.end)) for c in cells)
            continue
        if not cells and kind == "short":
            pending.append(hit)
            continue
        if pending and kind == "short" and len(cells) == len(pending) + 1:
            for header, cell in zip([*pending, hit], cells):
                values[header.field] = FieldValue(header.field, cell.text, _line_of(text, cell.start, cell.end), cell.start, cell.end, 0.9,
                                                  text[header.label_start: header.label_end])
            pending = []
            continue
        pending = []
        if not cells:
            continue
        if kind == "long":
            if layout == "pipe_table":  # a later row that starts with an empty cell lost its label
                label_line = text.rfind("\n", 0, hit.label_start)
                kept = [c for c in cells if not _starts_new_row(text, c.start, label_line)]
                orphans.extend((c.text, _line_of(text, c.start, c.end)) for c in cells[len(kept):])
                cells = kept
            value = "\n".join(c.text for c in cells)
            first, last = cells[0], cells[-1]
            same_line = "\n" not in text[hit.label_start: first.start]
            quote = _quote(text, hit, Cell(value, first.start, last.end), label_line=same_line)
            values[hit.field] = FieldValue(hit.field, value, quote, first.start, last.end, 1.0)
            long_spans[hit.field] = (first.start, last.end)
            continue
        first = cells[0]
        same_line = "\n" not in text[hit.label_start: first.start]
        values[hit.field] = FieldValue(hit.field, first.text, _quote(text, hit, first, label_line=same_line), first.start, first.end, 1.0,
                                       text[hit.label_start: hit.label_end])
        orphans.extend((c.text, _line_of(text, c.start, c.end)) for c in cells[1:])
    return FormReading(values, orphans, layout, len({h.field for h in hits if FIELD_KINDS[h.field] != "ignored"}), long_spans)


_SINCE_YEAR = re.compile(r"^\s*年[^，,；;。]{0,12}?(?:以来|开馆|建馆|成立|落成|建成)")


def report_year(text: str, activities: str | None) -> int | None:
    """The report year: "( 2021 年度)", else "2023年度", else the first "20XX年" of the activities
    that is not a date since when or until when ("自2016年7月开馆以来", "截至2021年8月")."""
    for pattern, source in (
        (r"[(（]\s*((?:19|20)\d{2})\s*年度?\s*[)）]", text),
        (r"((?:19|20)\d{2})\s*年度", text),
    ):
        match = re.search(pattern, source)
        if match:
            return int(match.group(1))
    for match in re.finditer(r"((?:19|20)\d{2})\s*年", activities or ""):
        before = (activities or "")[max(0, match.start() - 3): match.start()]
        if re.search(r"(自|从|截至|截止|至)$", before) or _SINCE_YEAR.match(activities, match.end(1)):
            continue
        return int(match.group(1))
    return None
