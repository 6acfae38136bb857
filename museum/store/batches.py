"""Versioned writes: every change is one batch; old versions stay; any batch can be rolled back.

A row is written by a batch and retired (never deleted) by the batch that replaces it. Callers
run these functions inside `db.transaction` so that a batch lands whole or not at all.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa

from museum.store import audit, db
from museum.errors import DatabaseError, InputRejected

OBSERVATION_COLUMNS = ["metric_id", "year", "month", "platform", "value", "qualifier", "note", "sentence"]
_ARROW_TYPES = {"metric_id": pa.string(), "year": pa.int32(), "month": pa.int32(), "platform": pa.string(),
                "value": pa.float64(), "qualifier": pa.string(), "note": pa.string(), "sentence": pa.string()}
# An upload's bytes are kept as zstd (migration 0008): level 1 compresses a 30 MB CSV to a fifth in
# a twentieth of a second, and writing a fifth of the bytes saves far more than that.
_STORED_CODEC = pa.Codec("zstd", compression_level=1)
_STORED_SIZE_LIMIT = 4 << 30  # far above any upload limit (MUSEUM_MAX_UPLOAD_MB), far below harm
EVENT_TABLES = ("award", "honor", "research", "profile_field")
# Plans and targets (migration 0006, museum.targets): rolled back like every other table.
PLAN_TABLES = ("target", "budget_figure", "key_task", "timeline_event")
# Rows of platform exports and remembered column names (migration 0005) and volunteer records
# (0011), rolled back alike.
INTAKE_TABLES = ("platform_item", "platform_daily", "column_alias", "volunteer_record")
# An editor's texts of the report draft (migration 0013, museum.forms.edits), rolled back alike.
FORM_TABLES = ("draft_field",)
# What wrote a batch. Checked here, not by the schema (migration 0004), so a new kind of write
# adds its name to this tuple and needs no table rebuild.
KINDS = ("seed", "upload", "report", "correction", "rollback", "demo", "targets", "target_edit", "task_edit", "timeline",
         "column_alias", "draft_edit", "return", "entry")


@dataclass
class Counts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    def add(self, other: "Counts") -> None:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.skipped += other.skipped


def institution_id(con, name: str, *, create: bool = True) -> int | None:
    found = db.scalar(con, "institution_by_name", name=name)
    if found is not None or not create:
        return found
    return db.scalar(con, "institution_insert", name=name)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def create_batch(
    con,
    kind: str,
    *,
    institution: int | None,
    user: str = "system",
    file_name: str | None = None,
    content: bytes | None = None,
    note: str | None = None,
    is_demo: bool = False,
    rolls_back: int | None = None,
    digest: str | None = None,
) -> int:
    """Open a batch; when `content` is given the raw bytes are kept (compressed), named by their
    SHA-256 (`digest`, when the caller has already computed it from the same bytes)."""
    if kind not in KINDS:
        raise ValueError(f"unknown batch kind {kind!r}; known: {', '.join(KINDS)}")
    size = None
    if content is None:
        digest = None
    else:
        digest, size = digest or sha256(content), len(content)
        packed = _STORED_CODEC.compress(content, asbytes=True)
        stored = pa.table({"sha256": [digest], "size": pa.array([size], pa.int64()), "content": pa.array([packed], pa.large_binary())})
        db.insert_frame(con, "stored_file_insert", stored)
    return db.scalar(
        con,
        "batch_insert",
        kind=kind,
        institution_id=institution,
        file_name=file_name,
        file_sha256=digest,
        file_size=size,
        user_name=user,
        note=note,
        is_demo=is_demo,
        rolls_back=rolls_back,
    )


def stored_file_bytes(content, size: int, compression: str | None) -> bytes:
    """The file as it was uploaded, from a `stored_file` row (see `create_batch`). A row that does
    not decompress to its recorded size (a hand-edited or damaged database) is a DatabaseError."""
    if compression is None:  # kept before migration 0008
        return bytes(content)
    size = int(size)
    # the recorded size is what the decompressor allocates: never trust it beyond any upload's size
    if compression != "zstd" or not 0 <= size <= _STORED_SIZE_LIMIT:
        raise DatabaseError("batches.stored_file_damaged", size=size)
    try:
        unpacked = _STORED_CODEC.decompress(content, decompressed_size=size, asbytes=True)
    except (OSError, pa.ArrowException) as exc:
        raise DatabaseError("batches.stored_file_damaged", size=size) from exc
    if len(unpacked) != size:
        raise DatabaseError("batches.stored_file_damaged", size=size)
    return unpacked


@dataclass
class Opened:
    """The batch of a `one_batch` block: the block sets what it did (counts) and says it (detail)."""

    batch_id: int
    counts: Counts = field(default_factory=Counts)
    detail: str = ""
    sha256: str | None = None


@contextmanager
def one_batch(con, kind: str, *, institution: int, actor: str, action: str, **batch) -> Iterator[Opened]:
    """One transaction holding one batch of `kind` (create_batch's other fields in `batch`) and its
    audit line: the block writes with `opened.batch_id` and sets `opened.counts` and
    `opened.detail`; before the commit the batch is finished and `action` is recorded as
    "<detail> → batch #N". An exception in the block leaves neither."""
    with db.transaction(con, institution=institution):
        opened = Opened(create_batch(con, kind, institution=institution, user=actor, **batch))
        yield opened
        finish_batch(con, opened.batch_id, opened.counts)
        audit.record(con, action, actor, f"{opened.detail} → batch #{opened.batch_id}", opened.sha256)


def finish_batch(con, batch_id: int, counts: Counts) -> None:
    db.execute(con, "batch_finish", batch_id=batch_id, **counts.__dict__)


def observation_frame(records: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """Records with the observation columns, typed for DuckDB (month may be missing)."""
    frame = pd.DataFrame(records, columns=OBSERVATION_COLUMNS) if not isinstance(records, pd.DataFrame) else records
    frame = frame.reindex(columns=OBSERVATION_COLUMNS)
    types = {
        "metric_id": "string",
        "year": "int32",
        "month": "Int32",
        "platform": "string",
        "value": "float64",
        "qualifier": "string",
        "note": "string",
        "sentence": "string",
    }
    # categorical columns (large uploads) stay categorical: DuckDB reads them as ENUMs, with no
    # million-string copy on the way
    return frame.astype({c: t for c, t in types.items() if not isinstance(frame[c].dtype, pd.CategoricalDtype)})


def observation_table(records: list[dict] | pd.DataFrame) -> pa.Table:
    """Records as an Arrow table of the observation columns (what DuckDB scans in parallel and
    without a copy): categorical columns stay dictionary-encoded, missing columns are nulls."""
    frame = records if isinstance(records, pd.DataFrame) else pd.DataFrame(records, columns=OBSERVATION_COLUMNS)
    columns = {}
    for name, kind in _ARROW_TYPES.items():
        if name not in frame or frame[name].isna().all():
            columns[name] = pa.nulls(len(frame), kind)
        elif isinstance(frame[name].dtype, pd.CategoricalDtype):
            columns[name] = pa.array(frame[name], from_pandas=True)
        else:
            columns[name] = pa.array(frame[name], type=kind, from_pandas=True)
    return pa.table(columns)


def compare_observations(con, institution: int, frame: pd.DataFrame | pa.Table) -> pd.DataFrame:
    """Each staged value with status new | changed | unchanged and the old value (for previews)."""
    with db.registered(con, frame):
        return db.query(con, "observation_stage_compare", institution_id=institution)


def write_observations(con, batch_id: int, institution: int, records, *, allow_implausible: bool = False) -> Counts:
    """Write staged values: new ones inserted, different ones replace (retire) the old version.

    A value beyond its metric's plausibility bound is refused (InputRejected, nothing written)
    unless the person allowed it: every path that writes an observation comes through here.

    Every metric id must be in the catalog table: observation has no foreign-key index (it would
    be most of a large commit's time), so this transaction checks the references itself.
    """
    table = records if isinstance(records, pa.Table) else observation_table(records)
    if table.num_rows == 0:
        return Counts()
    from museum import catalog
    from museum import bounds

    bounds.refuse_implausible(catalog.load(), table.select(["metric_id", "year", "month", "value"]).to_pandas(),
                              allow_implausible=allow_implausible)
    with db.registered(con, table):
        unknown = [row[0] for row in db.rows(con, "observation_unknown_references")]
        if unknown:
            raise DatabaseError("batches.unknown_metric", metrics=", ".join(unknown[:10]))
        # counted in the database: a million-row upload need not come back row by row to be counted
        status = dict(db.rows(con, "observation_stage_counts", institution_id=institution))
    if not (status.get("new", 0) or status.get("changed", 0)):
        return Counts(unchanged=int(status.get("unchanged", 0)))
    table = table.append_column("observation_id", _new_ids(con, table.num_rows))
    with db.registered(con, table):
        # the comparison (same transaction) decides which statements have anything to do: with
        # nothing changed there is nothing to retire, and with nothing unchanged every staged key
        # is free once the changed ones are retired, so no second per-key check is needed
        if status.get("changed", 0):
            db.execute(con, "observation_retire_changed", batch_id=batch_id, institution_id=institution)
        if not status.get("unchanged", 0):
            db.execute(con, "observation_insert_all", batch_id=batch_id, institution_id=institution)
        else:
            db.execute(con, "observation_insert_staged", batch_id=batch_id, institution_id=institution)
    return Counts(
        inserted=int(status.get("new", 0)),
        updated=int(status.get("changed", 0)),
        unchanged=int(status.get("unchanged", 0)),
    )


def _new_ids(con, count: int) -> pa.Array:
    """`count` fresh observation ids, ascending (given to the rows in file order).

    The sequence as the insert's column default would run the insert on one thread, twice as
    long for a large upload; so the ids are drawn first, in one statement. The `count` distinct
    values drawn fill their range exactly when no other writer drew at the same moment; else they
    are taken one by one.
    """
    first, last = db.rows(con, "observation_id_draw", count=count)[0]
    if last - first + 1 == count:
        return pa.array(np.arange(first, last + 1, dtype=np.int64))
    return db.arrow(con, "observation_id_draw_each", count=count)["observation_id"].combine_chunks()


def replace_year_records(con, table: str, batch_id: int, institution: int, year: int, records: list[dict]) -> int:
    """The records of `table` for one year become exactly `records` (the old ones are retired)."""
    if table not in EVENT_TABLES:
        raise ValueError(f"not an event table: {table}")
    db.execute(con, f"{table}_retire_year", batch_id=batch_id, institution_id=institution, year=year)
    db.executemany(
        con,
        f"{table}_insert",
        [{**record, "year": year, "institution_id": institution, "batch_id": batch_id} for record in records],
    )
    return len(records)


def institution_of(con, batch_id: int) -> int | None:
    """The unit a batch belongs to (None for an unknown batch): the institution a transaction that
    writes for it names (museum.store.db.transaction)."""
    batch = db.query(con, "batch_by_id", batch_id=batch_id)
    if batch.empty or pd.isna(batch.iloc[0]["institution_id"]):
        return None
    return int(batch.iloc[0]["institution_id"])


def rollback(con, target: int, *, user: str = "system") -> int:
    """Undo batch `target` exactly; returns the id of the rollback batch (itself on record).

    Refused when a later batch replaced values that `target` wrote: undoing `target` would
    silently undo that later work too. Roll the later batch back first.
    """
    batch = db.query(con, "batch_by_id", batch_id=target)
    if batch.empty:
        raise InputRejected("batches.unknown", batch_id=target)
    row = batch.iloc[0]
    if row["kind"] == "rollback":
        raise InputRejected("batches.rollback_of_rollback", batch_id=target)
    review_status = db.scalar(con, "batch_review_status", batch_id=target)
    if review_status in ("pending", "rejected"):  # it wrote nothing: there is nothing to undo
        raise InputRejected(f"batches.rollback_{review_status}", batch_id=target)
    if not pd.isna(row["rolled_back_by"]):
        raise InputRejected("batches.already_rolled_back", batch_id=target, by=int(row["rolled_back_by"]))
    later = [int(r[0]) for r in db.rows(con, "rollback_conflicts", target=target)]
    if later:
        raise InputRejected("batches.rollback_conflict", batch_id=target, later=", ".join(f"#{b}" for b in later))
    institution = None if pd.isna(row["institution_id"]) else int(row["institution_id"])
    rollback_batch = create_batch(
        con, "rollback", institution=institution, user=user, rolls_back=target
    )
    written = dict(db.rows(con, "rollback_rows_written", target=target))
    restored = 0
    for table in ("observation", *EVENT_TABLES, *PLAN_TABLES, *INTAKE_TABLES, *FORM_TABLES):
        # an UPDATE answers with the rows it changed, retired and revived: one value changed back
        # is two rows, so the values are the larger of the rows written and the rows revived
        changed = sum(row[0] for row in db.rows(con, f"rollback_{table}", target=target, rollback_batch=rollback_batch))
        mine = int(written.get(table, 0))
        restored += max(mine, changed - mine)
    db.execute(con, "batch_mark_rolled_back", target=target, rollback_batch=rollback_batch)
    finish_batch(con, rollback_batch, Counts(updated=restored))
    return rollback_batch
