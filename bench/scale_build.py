"""Build the synthetic national-scale database of bench/scale.py: every venue × 10 years × 12 months × 100 metrics.

Clearly synthetic: institutions are named 合成测试馆NNNN, every batch is marked is_demo with a
note saying so, and the file lives wherever the caller says (bench/scale.py: a temporary
directory, never data/museum.duckdb). Rows are made by DuckDB from `range()` (no Python loop
over rows); values come from `hash(seed, …)`, so the same seed gives the same database.

What the rows look like per institution, year and month: one total per metric (the catalog's
metrics plus synthetic flows 合成指标NN up to 100), and for two online metrics a breakdown by
platform (wechat, douyin): `posts` has a total as well (the total wins), `short_videos` only the
breakdown. About 1% of values were corrected later: the original is retired by a correction
batch, whose current value is stored after everything else (as a later upload would be).
Per institution and year there are also awards, honours, research items, profile fields,
targets, a budget, key tasks, timeline events and platform items, so that every frame of a page
reads a table of national size.

Physical order matters to a column store that skips row groups by min/max: `arrival` (the
default) stores a month of every venue after the month before (as monthly filings arrive, the
hardest case for one venue's read); `institution` stores each venue's rows together.

The SQL here builds a benchmark database only, so it stays in this file (bound parameters, no
values in SQL text) rather than among the product's queries/.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

SEED = 20240601
FIRST_YEAR = 2015
NAME_PREFIX = "合成测试馆"
NOTE = "合成测试数据（bench/scale.py 生成，非真实统计） · synthetic benchmark data, not real statistics"
USER = "bench:scale"
ORDERS = ("arrival", "institution")
# (metric, platform) slots after the metrics' totals: posts has a total and a breakdown, short_videos only a breakdown
PLATFORM_SLOTS = (("posts", "wechat"), ("posts", "douyin"), ("short_videos", "wechat"), ("short_videos", "douyin"))
NO_TOTAL = "short_videos"
RESEARCH_KINDS = (("project", "lead", "applied"), ("project", "participant", "applied"), ("project", "lead", "approved"),
                  ("project", "lead", "concluded"), ("local_standard", None, "applied"), ("paper", None, "published"))
PROFILE_FIELDS = ("name", "purpose", "address", "legal_representative", "startup_capital", "funding_source", "sponsor",
                  "website", "activities", "headcount", "assets_year_start", "assets_year_end")
PER_YEAR = {"award": 4, "honor": 2, "research": len(RESEARCH_KINDS), "profile_field": len(PROFILE_FIELDS), "target": 10,
            "budget_figure": 1, "key_task": 8, "timeline_event": 3, "platform_item": 50}


def bench_catalog(metrics: int):
    """The catalog plus synthetic flows (合成指标NN) up to `metrics` metrics."""
    from museum import catalog

    base = catalog.read_catalog_file()
    template = next(m for m in base if m.kind == "flow")
    extra = [replace(template, metric_id=f"synthetic_{i:03d}", name_zh=f"合成指标{i:03d}", name_en=f"Synthetic metric {i}",
                     unit_zh="次", unit_en="times", category="outreach", aliases=(), sort_order=len(base) + i,
                     plausible_max=None)
             for i in range(1, max(0, metrics - len(base)) + 1)]
    return catalog.Catalog(base[:metrics] + extra)


def _reserve(con, sequence: str, steps: int) -> int:
    """Draw `steps` ids from a sequence; the first of them (the ids are ours, the sequence goes on after them)."""
    last = con.execute("select max(nextval($s)) from range($n)", {"s": sequence, "n": steps}).fetchone()[0]
    return int(last) - steps + 1


# Row i of the observation range decoded into (k = institution index, year offset, month, slot).
DECODE = {
    "arrival": "i % $slots as slot, (i // $slots) % $n as k, (i // ($slots * $n)) % 12 + 1 as month, "
               "i // ($slots * $n * 12) as y",
    "institution": "i % $slots as slot, (i // $slots) % 12 + 1 as month, (i // ($slots * 12)) % $years as y, "
                   "i // ($slots * 12 * $years) as k",
}

CORRECTED = "hash($seed, i, 2) % 100 = 0"  # the ~1% of values a correction batch replaced
OBSERVATIONS = """
insert into observation (institution_id, metric_id, year, month, platform, value, qualifier, note, sentence, batch_id,
                         retired_by_batch)
select $first_institution + k, $slot_metric[slot + 1], $first_year + y, month, $slot_platform[slot + 1],
       round({factor}(100 + hash($seed, k, slot) % 90000) * (0.7 + (hash($seed, i) % 600) / 1000.0)),
       case hash($seed, i, 1) % 100 when 0 then 'approx' when 1 then 'at_least' else 'exact' end,
       null, null, {batch}, {retired}
from (select i, {decode} from range($rows) as r(i))
where slot <> $skip_slot {extra}
"""

RECORDS = {
    "award": """
insert into award (institution_id, year, competition, level, grade, count, sentence, batch_id)
select $first_institution + k, $first_year + y, '合成竞赛' || j,
       ['national', 'provincial', 'municipal'][(hash($seed, i) % 3)::integer + 1],
       ['first', 'second', 'third', 'excellence'][(hash($seed, i, 1) % 4)::integer + 1],
       1 + hash($seed, i, 2) % 3, '合成测试数据：竞赛获奖', $first_upload + k * $years + y
from rows""",
    "honor": """
insert into honor (institution_id, year, title, subject, awarded_by, level, sentence, batch_id)
select $first_institution + k, $first_year + y, '合成荣誉' || j, null, '合成表彰机构',
       ['national', 'provincial', 'municipal'][(hash($seed, i) % 3)::integer + 1], '合成测试数据：集体荣誉',
       $first_upload + k * $years + y
from rows""",
    "research": """
insert into research (institution_id, year, item_type, role, stage, description, count, sentence, batch_id)
select $first_institution + k, $first_year + y, $research_type[j + 1], $research_role[j + 1], $research_stage[j + 1],
       '合成科研项目', 1 + hash($seed, i) % 4, '合成测试数据：科研', $first_upload + k * $years + y
from rows""",
    "profile_field": """
insert into profile_field (institution_id, year, field, value, sentence, batch_id)
select $first_institution + k, $first_year + y, $profile_fields[j + 1], '合成值' || (hash($seed, i) % 1000),
       '合成测试数据：登记事项', $first_upload + k * $years + y
from rows""",
    "target": """
insert into target (institution_id, year, position, level1, level2, indicator, operator, target_value, target_text,
                    unit, weight, metric_id, batch_id)
select $first_institution + k, $first_year + y, j + 1, '产出指标', '数量指标', '合成指标' || j, '>=',
       100 + hash($seed, i) % 10000, null, '次', 8, $target_metrics[j + 1], $first_upload + k * $years + y
from rows""",
    "budget_figure": """
insert into budget_figure (institution_id, year, initial_budget, full_year_budget, executed, note, batch_id)
select $first_institution + k, $first_year + y, 1000 + hash($seed, i) % 500, 1200 + hash($seed, i) % 500,
       1100 + hash($seed, i, 1) % 500, '合成测试数据', $first_upload + k * $years + y
from rows""",
    "key_task": """
insert into key_task (institution_id, year, position, group_title, item_number, sentence, status, source, batch_id)
select $first_institution + k, $first_year + y, j + 1, '（一）合成任务组', (j + 1)::varchar, '合成测试数据：重点任务' || j,
       ['not_started', 'in_progress', 'done'][(hash($seed, i) % 3)::integer + 1], 'manual', $first_upload + k * $years + y
from rows""",
    "timeline_event": """
insert into timeline_event (institution_id, start_date, end_date, label, kind, note, batch_id)
select $first_institution + k, make_date($first_year + y, 3 * j + 2, 1), make_date($first_year + y, 3 * j + 2, 20),
       '合成活动' || j, ['exhibition', 'closure', 'campaign'][j + 1], '合成测试数据', $first_upload + k * $years + y
from rows""",
    "platform_item": """
insert into platform_item (institution_id, platform, source_format, item_key, channel, item_type, title, published_at,
                           views, likes, comments, shares, favorites, follows, figures, batch_id)
select $first_institution + k, ['wechat', 'douyin'][j % 2 + 1], ['wechat_articles', 'douyin_works'][j % 2 + 1],
       'syn-' || k || '-' || y || '-' || j, null, ['post', 'video'][j % 2 + 1], '合成作品' || j,
       make_timestamp($first_year + y, j % 12 + 1, 1 + j % 28, 10, 0, 0), hash($seed, i) % 100000,
       hash($seed, i, 1) % 5000, hash($seed, i, 2) % 500, hash($seed, i, 3) % 500, hash($seed, i, 4) % 500,
       hash($seed, i, 5) % 100, null, $first_upload + k * $years + y
from rows""",
}
# The rows of a record table: `per` rows (j) per institution (k) and year (y), institution by institution.
RECORD_ROWS = "with rows as (select i, i % $per as j, (i // $per) % $years as y, i // ($per * $years) as k from range($rows) as r(i)) "


def _params(sql: str, params: dict) -> dict:
    return {key: value for key, value in params.items() if f"${key}" in sql}


def build(path: Path, *, institutions: int = 1900, years: int = 10, metrics: int = 100, order: str = "arrival",
          seed: int = SEED, progress=print) -> dict:
    """Create the synthetic database at `path` (which must not exist); the phases' seconds and the row counts."""
    from museum import catalog, seed as seed_module
    from museum.store import db, metrics as metric_table

    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}")
    if Path(path).exists():
        raise FileExistsError(path)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    cat = bench_catalog(metrics)
    metric_ids = [m.metric_id for m in cat]
    with db.session(path) as con:
        seed_module.init(con)  # the schema, the catalog, the embedded report (institution 1)
        with db.transaction(con):
            metric_table.sync(con, cat)
        timings["schema"] = time.perf_counter() - started

        phase = time.perf_counter()
        with db.transaction(con):
            con.execute("insert into institution (name) select $prefix || lpad(i::varchar, 4, '0') from range(1, $n + 1) as r(i) "
                        "order by i", {"prefix": NAME_PREFIX, "n": institutions})
            first, last, count = con.execute("select min(institution_id), max(institution_id), count(*) from institution "
                                              "where starts_with(name, $prefix)", {"prefix": NAME_PREFIX}).fetchone()
            if last - first + 1 != count:
                raise RuntimeError("synthetic institutions did not get consecutive ids")
            first_upload = _reserve(con, "batch_id_seq", institutions * years)
            first_correction = _reserve(con, "batch_id_seq", institutions)
            con.execute("""
                insert into batch (batch_id, kind, institution_id, file_name, user_name, created_at, note, is_demo)
                select $first_upload + i, 'upload', $first_institution + i // $years,
                       'synthetic-' || ($first_year + i % $years) || '.csv', $user,
                       make_timestamp($first_year + i % $years + 1, 1, 15, 9, 0, 0), $note, true
                from range($count) as r(i)
                union all
                select $first_correction + i, 'correction', $first_institution + i, 'synthetic-corrections.csv', $user,
                       make_timestamp($first_year + $years, 3, 1, 9, 0, 0), $note, true
                from range($n) as r(i)""",
                        {"first_upload": first_upload, "first_correction": first_correction, "first_institution": first,
                         "years": years, "first_year": FIRST_YEAR, "user": USER, "note": NOTE, "count": institutions * years,
                         "n": institutions})
        timings["institutions_batches"] = time.perf_counter() - phase

        slot_metric = metric_ids + [m for m, _ in PLATFORM_SLOTS]
        slot_platform = [None] * len(metric_ids) + [p for _, p in PLATFORM_SLOTS]
        params = {"first_institution": first, "first_upload": first_upload, "first_correction": first_correction,
                  "first_year": FIRST_YEAR, "years": years, "n": institutions, "seed": seed, "slots": len(slot_metric),
                  "slot_metric": slot_metric, "slot_platform": slot_platform, "skip_slot": metric_ids.index(NO_TOTAL),
                  "rows": institutions * years * 12 * len(slot_metric)}
        phase = time.perf_counter()
        with db.transaction(con):
            sql = OBSERVATIONS.format(decode=DECODE[order], factor="", batch="$first_upload + k * $years + y",
                                      retired=f"case when {CORRECTED} then $first_correction + k end", extra="")
            con.execute(sql, _params(sql, params))
            # the corrected values, written later by each institution's correction batch
            sql = OBSERVATIONS.format(decode=DECODE[order], factor="1.01 * ", batch="$first_correction + k", retired="null",
                                      extra=f"and {CORRECTED}")
            con.execute(sql, _params(sql, params))
        timings["observations"] = time.perf_counter() - phase
        progress(f"  observations written in {timings['observations']:.1f} s")

        phase = time.perf_counter()
        record_params = {**params, "research_type": [r[0] for r in RESEARCH_KINDS],
                         "research_role": [r[1] for r in RESEARCH_KINDS], "research_stage": [r[2] for r in RESEARCH_KINDS],
                         "profile_fields": list(PROFILE_FIELDS),
                         "target_metrics": [metric_ids[j] if j < 6 else None for j in range(PER_YEAR["target"])]}
        with db.transaction(con):
            for table, sql in RECORDS.items():
                per = PER_YEAR[table]
                statement = RECORD_ROWS + sql
                con.execute(statement, _params(statement, {**record_params, "per": per, "rows": institutions * years * per}))
        timings["records"] = time.perf_counter() - phase

        phase = time.perf_counter()
        con.execute("checkpoint")
        timings["checkpoint"] = time.perf_counter() - phase
        counts = {table: con.execute("select count(*) from query_table($table)", {"table": table}).fetchone()[0]
                  for table in ("observation", "batch", "institution", *RECORDS)}
    timings["total"] = time.perf_counter() - started
    return {"timings": timings, "counts": counts, "first_institution": first, "institutions": institutions,
            "years": years, "metrics": len(metric_ids), "order": order, "seed": seed, "catalog": cat}
