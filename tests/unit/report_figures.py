"""The numbers of a report's activity text, found independently of the parser, and how many it placed."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

# A number is a run of digits ("15", "80.15", "1,280") or a Chinese numeral that counts something
# (before a measure word "两个", after a qualifier "上千", "逾万", before 余/多 "万余"). Not numbers:
# years and dates (2021年, 8月, 5·17), ordinals (第三届), list markers ((一), 1.), names in 《》 or “”,
# digits in Latin words (top50) and a lone 一 (the article of "一批", "一所").
# `python tests/unit/report_figures.py` prints, over the corpus, figures placed / kept for review / dropped.
ROOT = Path(__file__).resolve().parents[2]
NUMERAL = "零〇一二两兩三四五六七八九十百千万萬亿億"
MAGNITUDE = "十百千万萬亿億"
MEASURE = "个個项項场場次篇条條支所家名人件批期份种種部位座站处處台套册冊门門天小时"
_DIGITS = re.compile(r"\d+(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?")
_CHINESE = re.compile(f"[{NUMERAL}]+")
_NAMES = re.compile(r"《[^》]*》|“[^”]*”|「[^」]*」")
_DATE_AFTER = tuple("年月日号號届屆时時")
_QUALIFIER_BEFORE = tuple("上逾近数數几幾约約超成")


def _masked(text: str) -> str:
    return _NAMES.sub(lambda m: "□" * len(m.group()), text)


def _at(text: str, index: int) -> str:
    """The character at `index`, a space outside the text (so that `in` tests never see "")."""
    return text[index] if 0 <= index < len(text) else " "


def _list_marker(text: str, start: int, end: int) -> bool:
    before, after, after2 = _at(text, start - 1), _at(text, end), _at(text, end + 1)
    if before in "(（" and after in ")）":
        return True
    return after in "、" or (after in ".．" and not after2.isdigit())


def _digit_token(text: str, start: int, end: int) -> bool:
    before, after = _at(text, start - 1), _at(text, end)
    if before == "第" or after in _DATE_AFTER or before in "·・/-—" or after in "·・/-—:：":
        return False
    if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
        return False
    return not _list_marker(text, start, end)


def _chinese_token(text: str, start: int, end: int) -> bool:
    run = text[start:end]
    before, after, following = _at(text, start - 1), _at(text, end), _at(text, end + 1)
    if set(run) <= set("一零〇") or before == "第" or before.isdigit() or _list_marker(text, start, end):
        return False
    if before in "余多" and start >= 2 and _at(text, start - 2).isdigit():
        return False  # "15余万": 万 belongs to the digits before it
    magnitude = any(ch in MAGNITUDE for ch in run)
    if after in MEASURE or (after in "余多" and following in MEASURE):
        return True
    return magnitude and (before in _QUALIFIER_BEFORE or after in "余多")


def tokens(text: str) -> Counter:
    """Every number of `text` as written (digits without their thousands commas, numerals as such)."""
    from opencc import OpenCC

    scan = _masked(OpenCC("t2s").convert(text))
    found: Counter = Counter()
    for match in _DIGITS.finditer(scan):
        if _digit_token(scan, match.start(), match.end()):
            found[match.group().replace(",", "")] += 1
    for match in _CHINESE.finditer(scan):
        if _chinese_token(scan, match.start(), match.end()):
            found[match.group()] += 1
    return found


def _bare(text: str) -> str:
    return re.sub(r"[\s|]", "", text)


def accounted(parsed) -> tuple[Counter, Counter]:
    """Numbers of the activity text the parser placed (metrics, awards, research) or kept for review."""
    from museum.report.parser import FORM_METRICS

    activity = _bare(parsed.fields["activities"].value) if "activities" in parsed.fields else ""
    form = {metric for metric, _ in FORM_METRICS.values()}
    placed: Counter = Counter()
    for metric in parsed.metrics:
        if metric.metric not in form and _bare(metric.sentence) in activity:
            placed += tokens(metric.text)
    for record in (*parsed.awards, *parsed.research):
        if _bare(record["sentence"]) in activity:
            placed[str(record["count"])] += 1
    review: Counter = Counter()
    for item in parsed.unplaced:
        if _bare(item["sentence"]) in activity:
            review += tokens(item["text"])
    return placed, review


def activity_counts(parsed) -> dict[str, int]:
    """Figures of the activity text placed / kept for review / dropped (each counted once)."""
    activity = parsed.fields.get("activities")
    written = tokens(activity.value) if activity else Counter()
    placed, review = accounted(parsed)
    in_placed = written & placed
    in_review = (written - in_placed) & review
    dropped = written - in_placed - in_review
    return {"placed": sum(in_placed.values()), "review": sum(in_review.values()), "dropped": sum(dropped.values()),
            "dropped_items": sorted(dropped.elements())}


def corpus() -> list[Path]:
    """Every report text the tests read: the seed, the layouts and the wording corpus."""
    data = ROOT / "tests" / "data" / "report"
    files = sorted(data.glob("*.txt")) + sorted(data.glob("*.html")) + sorted((data / "texts").glob("*.txt"))
    return [ROOT / "data" / "seed" / "annual-report-2024" / "report.txt", *files]


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from museum.report import parser as report_parser
    from museum.errors import InputRejected

    total = Counter()
    for path in corpus():
        try:
            parsed = report_parser.parse_bytes(path.read_bytes(), path.name)
        except InputRejected:
            continue
        counts = activity_counts(parsed)
        print(f"{path.name:40} placed {counts['placed']:3}  review {counts['review']:3}  dropped {counts['dropped']:3}  "
              f"{' '.join(counts['dropped_items'])}")
        total.update({k: v for k, v in counts.items() if k != "dropped_items"})
    print(f"{'total':40} placed {total['placed']:3}  review {total['review']:3}  dropped {total['dropped']:3}")


if __name__ == "__main__":
    main()
