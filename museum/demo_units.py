"""Two more clearly synthetic units for the demo (`demo --units 3`), so that 单位对比 has something to compare."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pandas as pd

from museum import catalog, kpis
from museum.demo import MONTHLY_CATEGORIES, SEED, _obs, _split
from museum.errors import InputRejected
from museum.store import audit, batches, db
from museum.targets import store as target_store

MOST = 3  # the museum and the two units below


@dataclass(frozen=True)
class Unit:
    name: str
    scale: float                     # of the museum's figures
    headcount: tuple[int, int]       # (last year, this year)
    left_out: tuple[str, ...]        # metric ids this unit does not report
    fixed: dict                      # metric id -> this year's annual value, instead of a scaled one
    approx: tuple[str, ...] = ()     # metric ids reported as approximate (约)
    awards: bool = False
    targets: bool = False


UNITS = (
    Unit("示例·西安市科技交流馆", 0.32, (11, 12), ("assets_year_end",),
         {"onsite_visitors": 86000.0, "outreach_events": 50.0}, approx=("follower_growth",), awards=True, targets=True),
    Unit("示例·某区科普基地", 0.06, (4, 4), ("short_videos", "follower_growth", "assets_year_end", "onsite_visitors"), {}),
)
# headline metrics the units report as figures (awards come from records, staff from `headcount`)
FIGURES = ("posts", "short_videos", "online_visits", "follower_growth", "outreach_events", "assets_year_end",
           "onsite_visitors")


def _figures(unit: Unit, museum_values: pd.DataFrame, base_year: int, rng: random.Random) -> list[dict]:
    cat = catalog.load()
    rows = [_obs("headcount", base_year - 1, None, unit.headcount[0]), _obs("headcount", base_year, None, unit.headcount[1])]
    for metric_id in FIGURES:
        if metric_id in unit.left_out:
            continue
        metric = cat[metric_id]
        museum_value = kpis.year_value(museum_values[(museum_values["metric_id"] == metric_id)
                                                     & (museum_values["year"] == base_year)], metric.kind)
        value = unit.fixed.get(metric_id) or (round(museum_value.value * unit.scale * rng.uniform(0.85, 1.15), 2)
                                              if museum_value is not None else None)
        if value is None:
            continue
        if metric.unit_zh != "万元":
            value = float(round(value))
        qualifier = "approx" if metric_id in unit.approx else "exact"
        rows.append({**_obs(metric_id, base_year, None, value), "qualifier": qualifier})
        rows.append(_obs(metric_id, base_year - 1, None, round(value / rng.uniform(1.02, 1.3), 2 if metric.unit_zh == "万元" else 0)))
        if metric.kind == "flow" and metric.category in MONTHLY_CATEGORIES:
            for month, part in enumerate(_split(value * rng.uniform(1.0, 1.2), rng)[:9], start=1):
                rows.append(_obs(metric_id, base_year + 1, month, part))
    return rows


def _awards(year: int, rng: random.Random) -> list[dict]:
    return [{"competition": "示例·市科普讲解大赛", "level": "municipal", "grade": rng.choice(["second", "third"]),
             "count": rng.randint(1, 3), "sentence": None},
            {"competition": "示例·省科技馆辅导员大赛", "level": "provincial", "grade": "excellence", "count": 1, "sentence": None}]


def _targets(base_year: int, figures: list[dict]) -> dict[int, list[dict]]:
    """posts and online_visits targets (≥, linked) for the base year and the next, about 10% above the base year."""
    annual = {row["metric_id"]: row["value"] for row in figures if row["year"] == base_year and row["month"] is None}
    found: dict[int, list[dict]] = {}
    for year in (base_year, base_year + 1):
        for position, (metric_id, indicator, unit) in enumerate((("posts", "示例·科普图文发布数", "篇"),
                                                                 ("online_visits", "示例·融媒体总访问量", "次")), start=1):
            if metric_id not in annual:
                continue
            goal = float(round(annual[metric_id] * 1.1, -1))
            found.setdefault(year, []).append({
                "position": position, "level1": "产出指标", "level2": "数量指标", "indicator": indicator, "operator": ">=",
                "target_value": goal, "target_text": f"≥{goal:.0f}{unit}", "unit": unit, "weight": 10.0,
                "metric_id": metric_id})
    return found


def load(con, count: int, *, museum: int, actor: str) -> list[tuple[str, int]]:
    """Add the first `count` units of UNITS with their demo batches; returns (name, batch_id) of each.

    A 科技交流馆 about a third of the museum's size and a district 科普基地 much smaller, each with one demo
    batch (rolled back by `demo --remove` with the rest): the museum's latest real year and the year before,
    scaled; this year's months 1–9 of the monthly metrics; staff, awards and two linked 绩效目标 for the first.
    Some metrics are left out on purpose (未报送 must show as such), one value is approximate (约), and the
    first unit's outreach count equals the museum's (ranks share a place)."""
    if not 0 <= count <= len(UNITS):
        raise InputRejected("demo.units.invalid", most=MOST)
    museum_values = kpis.load_values(con, museum)
    real_years = sorted({int(y) for y in museum_values.loc[~museum_values["is_demo"], "year"]})
    if not real_years:
        raise InputRejected("cli.no_institution")
    base_year = real_years[-1]
    done = []
    with db.transaction(con):
        for index, unit in enumerate(UNITS[:count]):
            rng = random.Random(SEED + 1 + index)
            institution = batches.institution_id(con, unit.name)
            db.set_institution(con, institution)  # one transaction, one unit's rows after another
            batch_id = batches.create_batch(con, "demo", institution=institution, user=actor, is_demo=True,
                                            note="示例数据，非真实统计 / synthetic demo data")
            figures = _figures(unit, museum_values, base_year, rng)
            counts = batches.write_observations(con, batch_id, institution, figures)
            if unit.awards:
                for year in (base_year - 1, base_year):
                    counts.inserted += batches.replace_year_records(con, "award", batch_id, institution, year, _awards(year, rng))
            if unit.targets:
                for year, records in _targets(base_year, figures).items():
                    for record in records:
                        target_store.insert_target(con, institution, year, batch_id, record)
                        counts.inserted += 1
            batches.finish_batch(con, batch_id, counts)
            audit.record(con, "demo", actor, f"demo unit {unit.name} loaded → batch #{batch_id} ({counts.inserted} values)")
            done.append((unit.name, batch_id))
    return done
