"""Build the database: migrate, sync the catalog, and load the embedded default data.

Embedded data lives in `data/seed/<dataset>/` as human-readable CSV files (profile, observations,
awards, honors, research, tasks) beside the report text they were read from; every row carries the
exact sentence it came from.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from museum import settings
from museum.store import batches, db, metrics, migrations

SEED_DIR = settings.ROOT / "data" / "seed"


@dataclass
class Dataset:
    """One annual report's content, as committed seed files or as parsed from a report."""

    institution: str
    year: int
    profile: list[dict] = field(default_factory=list)       # field, value, sentence
    observations: list[dict] = field(default_factory=list)  # metric_id, year, month, value, qualifier, sentence
    awards: list[dict] = field(default_factory=list)        # competition, level, grade, count, sentence
    honors: list[dict] = field(default_factory=list)        # title, subject, awarded_by, level, sentence
    research: list[dict] = field(default_factory=list)      # item_type, role, stage, description, count, sentence
    tasks: list[dict] = field(default_factory=list)         # year, position, group_title, item_number, sentence (下一步打算)
    source_name: str = ""
    source_bytes: bytes = b""


def _read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(handle)]


def read_dataset(directory: Path) -> Dataset:
    profile = _read(directory / "profile.csv")
    names = [row["value"] for row in profile if row["field"] == "name"]
    years = {int(row["year"]) for row in profile}
    if len(names) != 1 or len(years) != 1:
        raise ValueError(f"{directory}/profile.csv needs exactly one name and one year")
    report = directory / "report.txt"
    return Dataset(
        institution=names[0],
        year=years.pop(),
        profile=[{k: row[k] for k in ("field", "value", "sentence")} for row in profile],
        observations=[
            {
                "metric_id": row["metric_id"],
                "year": int(row["year"]),
                "month": int(row["month"]) if row["month"] else None,
                "value": float(row["value"]),
                "qualifier": row["qualifier"] or "exact",
                "note": None,
                "sentence": row["sentence"],
            }
            for row in _read(directory / "observations.csv")
        ],
        awards=[{**row, "count": int(row["count"])} for row in _read(directory / "awards.csv")],
        honors=_read(directory / "honors.csv"),
        research=[{**row, "count": int(row["count"])} for row in _read(directory / "research.csv")],
        tasks=[{**row, "year": int(row["year"]), "position": int(row["position"])} for row in _read(directory / "tasks.csv")],
        source_name=report.name if report.exists() else directory.name,
        source_bytes=report.read_bytes() if report.exists() else b"",
    )


def seed_datasets() -> list[Dataset]:
    return [read_dataset(d) for d in sorted(SEED_DIR.iterdir()) if d.is_dir()]


def write_dataset(con, dataset: Dataset, *, kind: str, user: str = "system", note: str | None = None,
                  allow_implausible: bool = False) -> tuple[int, batches.Counts]:
    """Write one report's content as one batch (call inside a transaction; it writes the rows of
    the report's unit, created here when new, so it names that unit for the rest of the transaction)."""
    institution = batches.institution_id(con, dataset.institution)
    db.set_institution(con, institution)
    batch_id = batches.create_batch(
        con,
        kind,
        institution=institution,
        user=user,
        file_name=dataset.source_name or None,
        content=dataset.source_bytes or None,
        note=note,
    )
    counts = write_records(con, batch_id, institution, dataset, allow_implausible=allow_implausible)
    batches.finish_batch(con, batch_id, counts)
    return batch_id, counts


def write_records(con, batch_id: int, institution: int, dataset: Dataset, *, allow_implausible: bool = False) -> batches.Counts:
    """A report's values, records and plan items written under `batch_id` (not finished): a new
    batch's, or a report batch approved in review (museum.intake.review)."""
    counts = batches.write_observations(con, batch_id, institution, dataset.observations, allow_implausible=allow_implausible)
    for table, records in (
        ("profile_field", dataset.profile),
        ("award", dataset.awards),
        ("honor", dataset.honors),
        ("research", dataset.research),
    ):
        if records:
            batches.replace_year_records(con, table, batch_id, institution, dataset.year, records)
            counts.inserted += len(records)
    if dataset.tasks:
        # the report's 下一步打算 items: next year's key tasks (museum.targets.tasks); not counted
        # in the batch's figures, which stay the report's values and records
        from museum.targets import tasks

        tasks.write_plan_tasks(con, batch_id, institution, dataset.tasks)
    return counts


def init(con) -> dict:
    """Create or migrate the schema, sync the catalog, load the embedded data into an empty database.

    Idempotent: a second run applies nothing and loads nothing. Several dashboard processes
    starting together on one PostgreSQL database take turns here (db.serialised): the first builds,
    the others find it built.
    """
    with db.serialised(con, "init"):
        applied = migrations.migrate(con)
        with db.transaction(con):
            metrics.sync(con)
        loaded = []
        if db.scalar(con, "batch_count") == 0:
            with db.transaction(con):
                for dataset in seed_datasets():
                    batch_id, _ = write_dataset(con, dataset, kind="seed", note=f"seed:{dataset.institution}:{dataset.year}")
                    loaded.append(batch_id)
    return {"migrations": applied, "seed_batches": loaded}
