"""Prose of a report as sentences and clauses, each mapped back to its exact place in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from museum import numbers

# Counting units a figure may carry; a bare number (a year, a date, "top50") is not a figure.
UNITS = (
    "万人次", "人次", "场次", "万元", "平方米", "平米", "㎡", "小时", "课时", "篇", "条", "场", "次", "项", "人", "所",
    "支", "个", "件", "天", "家", "名", "份", "部", "期", "批", "册", "套", "种", "门", "元", "%", "％",
)
AREA_UNITS = ("平方米", "平米", "㎡")
_UNIT_RE = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_CN_UNITS = "项个场次篇条支所家名人件批期份种"
# "15余万人" (余 before 万) is as common as "15万余人"; "突破800万人次" is at least 800万. A Chinese numeral may
# start with 一 only before 十百千万亿 ("一百二十条", "一万二千人"; "一场", "统一" are words).
FIGURE = re.compile(
    r"(?P<pre>突破|超过|不少于|将近|接近|大约|超|逾|近|约)?"
    r"(?:(?P<arabic>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[余多]?(?P<multiplier>万|亿|千))?)"
    r"|(?P<chinese>(?:[两二三四五六七八九十]|一(?=[十百千万亿]))[零〇一二两三四五六七八九十百千万亿]*(?:[余多][万亿])?)"
    r"(?=[余多]?[" + _CN_UNITS + r"]))"
    r"(?P<post>余|多)?(?P<unit>" + _UNIT_RE + r")?(?P<post2>以上|左右|余|多|\+)?"
)
# The upper end of a range ("3至5万人次", "8-10场") or an upper bound ("不足3万人次", "不到40场", "40场以下") is
# no count of the year: such a figure is kept for review with its words, never placed as exact.
RANGE_BEFORE = re.compile(r"(?:\d|[零〇一二两三四五六七八九十百千万])\s*(?:至|到|~|～|-|—|－)\s*$")
UPPER_BOUND_WORDS = "不足|不到|少于|低于|不超过|未超过|未满|不满|最多"  # before the figure
UPPER_BOUND_AFTER_WORDS = "以下|以内|之内"
UPPER_BOUND_BEFORE = re.compile(f"(?:{UPPER_BOUND_WORDS})\\s*$")
UPPER_BOUND_AFTER = re.compile(f"\\s*(?:{UPPER_BOUND_AFTER_WORDS})")  # .match at the figure's end
# Before a numeral these make it a number without digits ("数十场", "上千场"): kept for review.
_DIGITLESS_BEFORE = "数几上成"
_PLAN_HEADING = re.compile(r"[一二三四五六七八九十]+、\s*[^,，。、]{0,10}?(问题|不足|打算|计划|思路|展望|安排)")
_OTHER_HEADING = re.compile(r"[一二三四五六七八九十]+、")
_SENTENCE_END = "。！？!?"
_WHITESPACE = " \t\r\n\u3000\xa0"


@dataclass
class Figure:
    text: str          # as written, e.g. "超500万次"
    start: int         # span within the sentence view
    end: int
    value: float
    qualifier: str
    unit: str


@dataclass
class Sentence:
    view: str          # the sentence with line breaks and `|` removed (what the rules read)
    quote: str         # the exact passage of the report (what the user sees)
    in_plan: bool      # inside "存在问题" / "下一步打算": not the year's facts
    plan_from: int     # position in `view` where a plan section starts (len(view) if none)


def _view(text: str, start: int, end: int) -> tuple[str, list[int]]:
    chars, positions = [], []
    for index in range(start, end):
        ch = text[index]
        if ch in "\r\n|":
            continue
        chars.append(ch)
        positions.append(index)
    return "".join(chars), positions


def split_sentences(text: str, start: int, end: int, in_plan: bool = False) -> list[Sentence]:
    """Sentences of text[start:end], ending at 。！？, at a `|` cell edge or at a blank line."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text, start, end):
        view, positions = _view(text, block_start, block_end)
        cursor = 0
        for index, ch in enumerate(view):
            if ch in _SENTENCE_END or index == len(view) - 1:
                piece = view[cursor: index + 1]
                lead = len(piece) - len(piece.lstrip(_WHITESPACE))
                piece_stripped = piece.strip(_WHITESPACE)
                if piece_stripped:
                    first = cursor + lead
                    last = first + len(piece_stripped) - 1
                    quote = text[positions[first]: positions[last] + 1]
                    plan_from = len(piece_stripped)
                    if in_plan:
                        plan_from = 0
                    for heading in _OTHER_HEADING.finditer(piece_stripped):
                        is_plan = bool(_PLAN_HEADING.match(piece_stripped, heading.start()))
                        if is_plan and not in_plan:
                            plan_from, in_plan = heading.start(), True
                        elif not is_plan and in_plan and heading.start() > 0:
                            in_plan = False
                    sentences.append(Sentence(piece_stripped, quote, plan_from < len(piece_stripped), plan_from))
                cursor = index + 1
    return sentences


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    blocks, cursor = [], start
    for match in re.finditer(r"\||\n[ \t\u3000]*\n", text[start:end]):
        blocks.append((cursor, start + match.start()))
        cursor = start + match.end()
    blocks.append((cursor, end))
    return [(a, b) for a, b in blocks if text[a:b].strip(_WHITESPACE)]


def masked(view: str) -> str:
    """The sentence with titles 《…》 and quotations “…” blanked out (numbers there are names)."""
    out = list(view)
    for pattern in (r"《[^》]*》", r"“[^”]*”", r"「[^」]*」"):
        for match in re.finditer(pattern, view):
            for index in range(match.start(), match.end()):
                out[index] = "□"
    return "".join(out)


def figures(view: str, start: int = 0, end: int | None = None, scan: str | None = None) -> list[Figure]:
    """Every counted quantity in view[start:end] (not ordinals 第三届, years, or names in 《》);
    `scan` is masked(view) when the caller has it (masking per clause made long sentences quadratic).

    A number without a unit counts only with a multiplier or a qualifier ("播放量超30万").
    """
    scan = masked(view) if scan is None else scan
    end = len(view) if end is None else end
    found = []
    for match in FIGURE.finditer(scan, start, end):
        first = match.start("arabic") if match.group("arabic") else match.start("chinese")
        if first > 0 and scan[first - 1] in "第第.·-—/年月":
            continue
        if first > 0 and (scan[first - 1].isdigit() or scan[first - 1].isascii() and scan[first - 1].isalpha()):
            continue
        if match.group("chinese") and first > 0 and scan[first - 1] in _DIGITLESS_BEFORE:
            continue
        if not match.group("unit") and not (match.group("multiplier") or match.group("pre")):
            continue
        if RANGE_BEFORE.search(scan, 0, first) or UPPER_BOUND_BEFORE.search(scan, 0, match.start()) \
                or UPPER_BOUND_AFTER.match(scan, match.end()):
            continue
        written = view[match.start(): match.end()]
        quantity = _quantity(written)
        if quantity is None:
            continue
        unit = (match.group("unit") or "").replace("％", "%")
        unit = {"万人次": "人次", **{area: "平方米" for area in AREA_UNITS}}.get(unit, unit)
        found.append(Figure(written, match.start(), match.end(), quantity.value, quantity.qualifier, unit))
    return found


def _quantity(written: str) -> numbers.Quantity | None:
    """"15余万人" is read as "15万余人", "十余万人次" as "十万余人次"; "80.15万人次" as 801,500."""
    text = re.sub(r"([\d一二两三四五六七八九十百千])([余多])([万亿千])", r"\1\3\2", written.replace("％", "%"))
    text = re.sub("(" + "|".join(AREA_UNITS) + ")$", "", text)
    try:
        return numbers.parse_quantity(text)
    except numbers.NotANumber:
        return None


def clauses(view: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence, split at ，,；; and ：:."""
    spans, cursor = [], 0
    # "12,000" is one number; "每年服务公众人次:104万人次": a colon before a figure does not end the clause
    for match in re.finditer(r"(?<!\d),|,(?!\d{3}(?!\d))|[，;；]|[:：](?!(?:突破|超过|超|逾|近|约)?\d)", view):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(view)))
    return [(a, b) for a, b in spans if b > a]
