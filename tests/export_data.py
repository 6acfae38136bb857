"""Small databases for the export tests: a few values, so a pack renders only a couple of charts."""

from __future__ import annotations

from pathlib import Path

from museum.store import batches, db, metrics, migrations

INSTITUTION = "测试科技馆"
NOTE = "=1+1"
SENTENCE = "<script>alert(1)</script>志愿者约3000人"


def observation(metric_id: str, year: int, value: float, qualifier: str = "exact", note=None, sentence=None) -> dict:
    return {"metric_id": metric_id, "year": year, "month": None, "value": value, "qualifier": qualifier,
            "note": note, "sentence": sentence}


SMALL = [
    observation("posts", 2023, 1000),
    observation("posts", 2024, 1123),
    observation("short_videos", 2023, 300),
    observation("short_videos", 2024, 356),
    observation("volunteer_reserve", 2024, 3000, "approx", note=NOTE, sentence=SENTENCE),
]


def write_values(path: Path, records: list[dict], institution: str = INSTITUTION, *, migrate: bool = True) -> None:
    """One upload batch with `records`; migrating first makes a database that init will not seed."""
    with db.session(path) as con:
        if migrate:
            migrations.migrate(con)
            with db.transaction(con):
                metrics.sync(con)
        with db.transaction(con):
            institution_id = batches.institution_id(con, institution)
            batch_id = batches.create_batch(con, "upload", institution=institution_id, user="tester", file_name="test.csv")
            counts = batches.write_observations(con, batch_id, institution_id, records)
            batches.finish_batch(con, batch_id, counts)


def small_database(path: Path) -> Path:
    write_values(path, SMALL)
    return path
