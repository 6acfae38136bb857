"""The embedded 2024 report: every figure in its text is in the seed data, with its sentence."""

import re

import pytest

from museum import catalog, seed

DATASET = seed.read_dataset(seed.SEED_DIR / "annual-report-2024")
REPORT = (seed.SEED_DIR / "annual-report-2024" / "report.txt").read_text(encoding="utf-8")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
MULTIPLIER = {"万": 10_000, "亿": 100_000_000}

# Arabic numerals in the report that are not figures of the unit's work. Each entry is a regex
# over the text around the number (8 characters each side) and why it is not a metric.
NON_METRICS = [
    (r"20\d\d年", "a year (2024年), the report's period, not a count"),
    (r"5·1[78]", "dates of 世界电信和信息社会日 (5·17) and 国际博物馆日 (5·18)"),
    (r"top50", "the name of a ranking (抖音热榜全国榜top50), not a count"),
    (r"(?<![\d.])\d\.(?!\d)", "list numbering (1. 2. 3.) in 下一步打算"),
    (r"粉巷22号", "a street number in the address (kept in the profile as text)"),
]


def figures_of(sentence_rows, number: float) -> bool:
    return any(abs(value - number) < 1e-9 for value in sentence_rows)


def seed_values_by_sentence() -> dict[str, list[float]]:
    by_sentence: dict[str, list[float]] = {}
    for row in DATASET.observations:
        by_sentence.setdefault(row["sentence"], []).append(row["value"])
    for table in (DATASET.awards, DATASET.research):
        for row in table:
            by_sentence.setdefault(row["sentence"], []).append(float(row["count"]))
    for row in DATASET.profile:
        for token in NUMBER.findall(row["value"] or ""):
            by_sentence.setdefault(row["sentence"], []).append(float(token))
    return by_sentence


def test_every_sentence_is_quoted_exactly_from_the_report():
    rows = DATASET.observations + DATASET.awards + DATASET.honors + DATASET.research
    for row in rows:
        assert row["sentence"] in REPORT, row
    for row in DATASET.profile:
        assert row["sentence"] in REPORT, row


def test_every_arabic_numeral_figure_is_in_the_seed_data():
    by_sentence = seed_values_by_sentence()
    missing = []
    for match in NUMBER.finditer(REPORT):
        window_start = max(0, match.start() - 8)
        around = REPORT[window_start: match.end() + 8]
        offset = match.start() - window_start
        if any(m.start() <= offset < m.end() for pattern, _ in NON_METRICS for m in re.finditer(pattern, around)):
            continue
        number = float(match.group())
        after = REPORT[match.end(): match.end() + 1]
        scaled = number * MULTIPLIER.get(after, 1)
        covering = [s for s in by_sentence if any(
            start <= match.start() < start + len(s) for start in (m.start() for m in re.finditer(re.escape(s), REPORT)))]
        if not any(figures_of(by_sentence[s], scaled) or figures_of(by_sentence[s], number) for s in covering):
            missing.append((match.group(), around))
    assert missing == []


def test_seed_figures_match_the_report():
    observed = {(r["metric_id"], r["value"], r["qualifier"]) for r in DATASET.observations}
    assert ("posts", 5528, "exact") in observed
    assert ("online_visits", 5_000_000, "at_least") in observed
    assert ("follower_growth", 20_000, "at_least") in observed
    assert ("outreach_events", 50, "at_least") in observed
    assert ("volunteer_reserve", 3000, "approx") in observed
    assert ("assets_year_start", 63.1, "exact") in observed
    assert ("assets_year_end", 59.27, "exact") in observed
    by_level = {}
    for award in DATASET.awards:
        by_level[award["level"]] = by_level.get(award["level"], 0) + award["count"]
    assert by_level == {"national": 4, "provincial": 4, "municipal": 3}


def test_seed_uses_only_catalog_metrics():
    cat = catalog.load()
    assert {r["metric_id"] for r in DATASET.observations} <= set(cat.metrics)


@pytest.mark.parametrize("pattern,reason", NON_METRICS)
def test_non_metric_patterns_each_match_something(pattern, reason):
    assert re.search(pattern, REPORT), f"stale non-metric entry: {reason}"


def test_init_of_an_up_to_date_database_writes_nothing(db_path):
    """Start-up of a built database is a read: the file is not touched (museum.store.metrics.sync compares first)."""
    from museum import seed
    from museum.store import db

    before = db.data_version(db_path)
    with db.session(db_path) as con:
        assert seed.init(con) == {"migrations": [], "seed_batches": []}
    assert db.data_version(db_path) == before
