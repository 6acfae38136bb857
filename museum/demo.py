"""Clearly synthetic history for demonstrations: other years and monthly values, fixed seed.

Loaded only by `python -m museum demo`, as one batch marked is_demo; every page then shows the
banner "示例数据，非真实统计" and exports carry the same mark. Values are derived from the
institution's latest real year by a seeded random walk, so they look plausible and are not data.
"""

from __future__ import annotations

import random

import pandas as pd

from museum import catalog, kpis
from museum.store import audit, batches, db
from museum.errors import InputRejected

SEED = 20240601
HISTORY_YEARS = 4           # annual history before the latest real year
MONTHLY_CATEGORIES = ("online_media", "outreach")
# how a year's total spreads over its months (summer holidays and the science week peak)
SEASON = [0.06, 0.05, 0.07, 0.08, 0.10, 0.08, 0.11, 0.12, 0.09, 0.08, 0.08, 0.08]


def active_demo_batches(con) -> list[int]:
    return [int(r[0]) for r in db.rows(con, "demo_batches_active")]


def _split(total: float, rng: random.Random) -> list[float]:
    weights = [w * rng.uniform(0.85, 1.15) for w in SEASON]
    scale = total / sum(weights)
    months = [round(w * scale) for w in weights]
    months[-1] += round(total) - sum(months)  # the months add up exactly to the annual figure
    return [float(m) for m in months]


def generate(values: pd.DataFrame, base_year: int, seed: int = SEED) -> dict:
    """Observations and records for the years around `base_year` (never `base_year` itself)."""
    rng = random.Random(seed)
    cat = catalog.load()
    observations, awards, research = [], [], []
    years = list(range(base_year - HISTORY_YEARS, base_year))
    for metric in cat:
        if metric.kind == "event" or metric.category == "assets":
            continue
        yv = kpis.year_value(values[(values["metric_id"] == metric.metric_id) & (values["year"] == base_year)], metric.kind)
        if yv is None:
            continue
        level = yv.value
        for year in reversed(years):
            if metric.kind == "ratio":
                level = min(100.0, max(0.0, round(level - rng.uniform(0, 8), 1)))
            else:
                level = max(1.0, round(level / rng.uniform(1.02, 1.35)))
            monthly = metric.kind == "flow" and metric.category in MONTHLY_CATEGORIES and year >= base_year - 2
            if monthly:
                for month, part in enumerate(_split(level, rng), start=1):
                    observations.append(_obs(metric.metric_id, year, month, part))
            else:
                observations.append(_obs(metric.metric_id, year, None, level))
        # the months of the following year so far, to show year-to-date comparisons
        if metric.kind == "flow" and metric.category in MONTHLY_CATEGORIES:
            for month, part in enumerate(_split(yv.value * rng.uniform(1.0, 1.2), rng)[:9], start=1):
                observations.append(_obs(metric.metric_id, base_year + 1, month, part))
    observations += _assets(values, base_year, years, rng)
    for year in years:
        awards += _awards(year, rng)
        research += _research(year, rng)
    return {"observations": observations, "awards": awards, "research": research}


def _obs(metric_id: str, year: int, month: int | None, value: float) -> dict:
    return {"metric_id": metric_id, "year": year, "month": month, "value": float(value),
            "qualifier": "exact", "note": "示例数据", "sentence": None}


def _assets(values: pd.DataFrame, base_year: int, years: list[int], rng: random.Random) -> list[dict]:
    start = values[(values["metric_id"] == "assets_year_start") & (values["year"] == base_year)]
    if start.empty:
        return []
    end_of_previous = float(start["value"].iloc[0])
    rows = []
    for year in reversed(years):
        year_end = end_of_previous
        year_start = round(year_end * rng.uniform(0.9, 1.12), 2)
        rows.append(_obs("assets_year_end", year, None, year_end))
        # one deliberate mismatch, so the reconciliation warning can be seen in the demo
        rows.append(_obs("assets_year_start", year, None, year_start + (1.5 if year == years[1] else 0.0)))
        end_of_previous = year_start
    return rows


def _awards(year: int, rng: random.Random) -> list[dict]:
    choices = [
        ("示例·全国科技馆辅导员大赛", "national"), ("示例·全国科学实验展演", "national"),
        ("示例·省科技馆辅导员大赛", "provincial"), ("示例·市科普讲解大赛", "municipal"),
        ("示例·市科学实验展演", "municipal"),
    ]
    records = []
    for competition, level in rng.sample(choices, 3):
        grade = rng.choice(["first", "second", "third", "excellence"])
        records.append({"competition": competition, "level": level, "grade": grade,
                        "count": rng.randint(1, 2), "sentence": None, "year": year})
    return records


def _research(year: int, rng: random.Random) -> list[dict]:
    applied = rng.randint(2, 4)
    approved = rng.randint(0, applied)
    records = [
        {"item_type": "project", "role": "lead", "stage": "applied", "description": "示例课题", "count": applied},
        {"item_type": "paper", "role": None, "stage": "published", "description": "示例论文", "count": rng.randint(1, 4)},
    ]
    if approved:
        records.append({"item_type": "project", "role": "lead", "stage": "approved", "description": "示例课题", "count": approved})
    return [{**r, "sentence": None, "year": year} for r in records]


def _without_real_data(generated: dict, values: pd.DataFrame) -> dict:
    """Drop synthetic values wherever real data exists: the demo fills gaps, it never overwrites."""
    taken = {(r.metric_id, int(r.year), None if pd.isna(r.month) else int(r.month)) for r in values.itertuples()}
    years_with = {
        table: {int(y) for y in values.loc[values["metric_id"].isin(ids), "year"]}
        for table, ids in (("award", ["awards_total"]), ("research", [m.metric_id for m in catalog.load().in_category("research")]))
    }
    return {
        "observations": [o for o in generated["observations"] if (o["metric_id"], o["year"], o["month"]) not in taken
                         and (o["metric_id"], o["year"], None) not in taken],
        "award": [r for r in generated["awards"] if r["year"] not in years_with["award"]],
        "research": [r for r in generated["research"] if r["year"] not in years_with["research"]],
    }


def load(con, institution: int, *, actor: str) -> tuple[int, int]:
    """Write the synthetic history as one demo batch; returns (batch_id, number of values)."""
    existing = active_demo_batches(con)
    if existing:
        raise InputRejected("cli.demo.already", batch_id=existing[0])
    values = kpis.load_values(con, institution)
    real_years = sorted({int(y) for y in values.loc[~values["is_demo"], "year"]})
    if not real_years:
        raise InputRejected("cli.no_institution")
    generated = _without_real_data(generate(values, real_years[-1]), values)
    with db.transaction(con, institution=institution):
        batch_id = batches.create_batch(con, "demo", institution=institution, user=actor, is_demo=True,
                                        note="示例数据，非真实统计 / synthetic demo data")
        counts = batches.write_observations(con, batch_id, institution, generated["observations"])
        for table in ("award", "research"):
            by_year: dict[int, list[dict]] = {}
            for record in generated[table]:
                by_year.setdefault(record.pop("year"), []).append(record)
            for year, records in by_year.items():
                counts.inserted += batches.replace_year_records(con, table, batch_id, institution, year, records)
        batches.finish_batch(con, batch_id, counts)
        audit.record(con, "demo", actor, f"demo data loaded → batch #{batch_id} ({counts.inserted} values)")
    return batch_id, counts.inserted


def remove(con, *, actor: str) -> list[int]:
    """Roll back every active demo batch; returns the rollback batch ids."""
    done = []
    with db.transaction(con):
        for batch_id in active_demo_batches(con):
            db.set_institution(con, batches.institution_of(con, batch_id))  # each demo batch is one unit's
            done.append(batches.rollback(con, batch_id, user=actor))
        if done:
            audit.record(con, "demo", actor, "demo data removed by batch " + ", ".join(f"#{b}" for b in done))
    return done
