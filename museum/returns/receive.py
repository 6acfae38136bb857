"""`receive`: check a unit's return (size, zip, names, signature, key, hashes, counts, rows), preview it, write one batch.

Checks run in that order and stop at the first refusal, before anything is written. The key rule:
a unit with a registered key must have signed with it (a different key is always refused); a unit
without one is refused unless an admin trusts the package's key, which is registered in the same
transaction as the batch (a refused package registers nothing). A return replaces exactly the
(metric, year, month, platform) keys of its period, so a month received after its quarter (or a
quarter after its months) replaces those months and nothing is counted twice; the year's records
and targets become the unit's. Rolling the batch back restores what it replaced.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass

import pyarrow as pa

from museum import period as periods, settings
from museum.errors import InputRejected
from museum.intake import safety
from museum.returns import keys, parts
from museum.returns.package import FORMAT, MANIFEST, VERSION
from museum.store import audit, batches, db
from museum.targets import store as target_store

MAX_MANIFEST_BYTES = 64 * 1024
# A package has 7 entries; a few more are allowed through the zip check so that an extra or a
# duplicated entry is named by the checks of names below rather than only counted.
MAX_ENTRIES = 16
STATUSES = ("committed", "valid", "duplicate")
RESULT_KEYS = ("status", "batch_id", "institution", "period", "inserted", "updated", "unchanged")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass
class Package:
    """A package whose bytes, signature (by its own key), hashes, counts and rows all checked out."""

    manifest: dict
    institution: str
    period: periods.Period
    rows: dict[str, list[dict]]
    public: bytes
    content: bytes
    file_name: str

    @property
    def key_id(self) -> str:
        return keys.key_id(self.public)

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.public)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def open_package(content: bytes, file_name: str) -> Package:
    """The checked package, or InputRejected saying what is wrong and what to do."""
    try:
        safety.check_zip_safety(content, kind="报送包 .zip", max_entries=MAX_ENTRIES,
                                max_uncompressed=settings.xlsx_max_uncompressed_bytes())
    except InputRejected as exc:
        if exc.key == "safety.xlsx_not_zip":
            raise InputRejected("returns.not_zip", name=file_name) from exc
        raise
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            _check_names([info.filename for info in archive.infolist()], file_name)
            manifest = _read_manifest(archive, file_name)
            public = _check_signature(manifest, file_name)
            period = periods.parse(manifest["period"])
            rows = {part: _read_part(archive, manifest, part, file_name) for part in parts.PARTS}
    except (zipfile.BadZipFile, EOFError, OSError) as exc:  # a CRC or length mismatch inside a part
        raise InputRejected("returns.not_zip", name=file_name) from exc
    parts.check_scope(rows, period, name=file_name)
    return Package(manifest, manifest["institution"], period, rows, public, content, file_name)


def _check_names(names: list[str], file_name: str) -> None:
    expected = {MANIFEST, *parts.FILE_NAMES.values()}
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        raise InputRejected("returns.duplicate_part", name=file_name, part=duplicated[0])
    unexpected = sorted(set(names) - expected)
    if unexpected:
        raise InputRejected("returns.unexpected_part", name=file_name, part=unexpected[0][:120])
    missing = sorted(expected - set(names))
    if missing:
        raise InputRejected("returns.missing_part", name=file_name, part=missing[0])


def _read_manifest(archive: zipfile.ZipFile, file_name: str) -> dict:
    if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
        raise InputRejected("returns.bad_manifest", name=file_name)
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputRejected("returns.bad_manifest", name=file_name) from exc
    if not _well_formed(manifest):
        raise InputRejected("returns.bad_manifest", name=file_name)
    return manifest


def _well_formed(m) -> bool:
    def text(value, limit=200):
        return isinstance(value, str) and 0 < len(value) <= limit

    def count(value):
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31

    if not (isinstance(m, dict) and m.get("format") == FORMAT and m.get("version") == VERSION):
        return False
    listed, key, signature = m.get("parts"), m.get("key"), m.get("signature")
    try:
        periods.parse(str(m.get("period")))
    except (ValueError, TypeError, InputRejected):
        return False
    return (
        text(m.get("institution")) and text(m.get("period"), 40) and text(m.get("created_by"))
        and text(m.get("created_at"), 40) and isinstance(m.get("demo"), bool)
        and isinstance(listed, dict) and set(listed) == set(parts.FILE_NAMES.values())
        and all(isinstance(v, dict) and set(v) == {"sha256", "rows"} and isinstance(v["sha256"], str)
                and _SHA256.fullmatch(v["sha256"]) and count(v["rows"]) for v in listed.values())
        and isinstance(key, dict) and set(key) == {"algorithm", "key_id", "public_key"}
        and all(text(v, 100) for v in key.values())
        and isinstance(signature, dict) and set(signature) == {"algorithm", "key_id", "value"}
        and all(text(v, 200) for v in signature.values())
    )


def _check_signature(manifest: dict, file_name: str) -> bytes:
    """The package's public key, once the manifest's signature verifies with it."""
    key, signature = manifest["key"], manifest["signature"]
    public = keys.decode_public(key["public_key"])
    if (public is None or key["algorithm"] != keys.ALGORITHM or signature["algorithm"] != keys.ALGORITHM
            or key["key_id"] != keys.key_id(public) or signature["key_id"] != key["key_id"]
            or not keys.verifies(manifest, public)):
        raise InputRejected("returns.bad_signature", name=file_name)
    return public


def _read_part(archive: zipfile.ZipFile, manifest: dict, part: str, file_name: str) -> list[dict]:
    name = parts.FILE_NAMES[part]
    listed = manifest["parts"][name]
    content = archive.read(name)
    if hashlib.sha256(content).hexdigest() != listed["sha256"]:
        raise InputRejected("returns.part_changed", name=file_name, part=name)
    rows = parts.decode(part, content, name=f"{file_name}:{name}")
    if len(rows) != listed["rows"]:
        raise InputRejected("returns.wrong_count", name=file_name, part=name, listed=listed["rows"], found=len(rows))
    return rows


# --- the sponsor's side -------------------------------------------------------------------------


def key_status(con, package: Package, *, trust_new_key: bool) -> tuple[int | None, bool]:
    """(the unit's id or None when it is new, whether the package's key is to be registered);
    InputRejected for another key than the registered one, or an unknown key not trusted."""
    institution = batches.institution_id(con, package.institution, create=False)
    # a unit whose returns this install signs itself has its own key registered, so to speak
    registered = keys.trusted_key(con, institution) or keys.own_key(con, institution)
    if registered is not None:
        if registered[0] != package.key_id:
            raise InputRejected("returns.other_key", name=package.file_name, institution=package.institution,
                                found=package.fingerprint, registered=keys.fingerprint(registered[1]))
        return institution, False
    if not trust_new_key:
        raise InputRejected("returns.unknown_key", name=package.file_name, institution=package.institution,
                            fingerprint=package.fingerprint)
    return institution, True


def observation_table(package: Package) -> pa.Table:
    return batches.observation_table(package.rows["observations"])


def preview(con, package: Package, *, trust_new_key: bool = False) -> dict:
    """What receiving would change: counts of values new / changed / unchanged / withdrawn, and of
    record rows per part (incoming, stored, same or not)."""
    institution, new_key = key_status(con, package, trust_new_key=trust_new_key)
    table = observation_table(package)
    if institution is None:
        status, absent = {"new": table.num_rows}, 0
    else:
        with db.registered(con, table):
            status = dict(db.rows(con, "observation_stage_counts", institution_id=institution))
            absent = int(db.scalar(con, "return_observation_absent_count", institution_id=institution,
                                   **parts.scope(package.period)))
    records = {part: {"incoming": len(package.rows[part]), "stored": len(stored_rows(con, institution, part, package.period.year)),
                      "same": same_rows(con, institution, part, package)} for part in parts.PARTS[1:]}
    return {"institution_id": institution, "new_institution": institution is None, "new_key": new_key,
            "values": {"new": int(status.get("new", 0)), "changed": int(status.get("changed", 0)),
                       "unchanged": int(status.get("unchanged", 0)), "withdrawn": absent},
            "records": records}


def stored_rows(con, institution: int | None, part: str, year: int) -> list[dict]:
    if institution is None:
        return []
    if part == "targets":
        return [parts.row_of(part, row) for row in target_store.year_targets(con, institution, year)]
    frame = db.query(con, parts.RECORD_QUERIES[part], institution_id=institution)
    return [parts.row_of(part, row) for row in frame[frame["year"] == year].to_dict("records")]


def same_rows(con, institution: int | None, part: str, package: Package) -> bool:
    def key(rows):
        return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)

    stored = stored_rows(con, institution, part, package.period.year)
    return institution is not None and key(stored) == key(package.rows[part])


def result(status: str, package: Package, *, batch_id=None, counts: batches.Counts | None = None) -> dict:
    counts = counts or batches.Counts()
    return {"status": status, "batch_id": batch_id, "institution": package.institution, "period": package.period.text,
            "inserted": counts.inserted, "updated": counts.updated, "unchanged": counts.unchanged}


def planned_counts(plan: dict) -> batches.Counts:
    """The counts a commit would report (a dry run's)."""
    values = plan["values"]
    counts = batches.Counts(values["new"], values["changed"] + values["withdrawn"], values["unchanged"])
    for record in plan["records"].values():
        if record["same"]:
            counts.unchanged += record["incoming"]
        else:
            counts.inserted += record["incoming"]
    return counts


def record_rejection(con, file_name: str, content: bytes, problem: InputRejected, *, actor: str) -> None:
    """The audit line of a refused return (nothing else is written): which file, which check."""
    with db.transaction(con):
        audit.record(con, "upload_rejected", actor, f"return {file_name[:120]} refused: {problem.key}",
                     hashlib.sha256(content).hexdigest())


def refuse_older(con, institution: int | None, package: Package) -> None:
    """A return made before one already received for any of its months would put older figures over
    newer ones (a replayed or delayed package): refused, naming the newer one. The unit makes a new
    package if its older figures are in fact the right ones."""
    if institution is None:
        return
    wanted = set(package.period.months)
    for batch_id, note in db.rows(con, "return_batches_received", institution_id=institution):
        text, _, made = note.removeprefix("return:").partition("@")
        try:
            received = periods.parse(text)
        except InputRejected:
            continue  # a note of another shape: no period to compare
        if made and made > package.manifest["created_at"] and received.year == package.period.year \
                and wanted & set(received.months):
            raise InputRejected("returns.older_than_received", name=package.file_name, made=package.manifest["created_at"],
                                batch_id=batch_id, received=received.text, received_made=made)


def commit(con, package: Package, *, actor: str, trust_new_key: bool = False, dry_run: bool = False) -> dict:
    """Receive the package as one batch of kind "return" (or, dry, say what it would do)."""
    if dry_run:
        plan = preview(con, package, trust_new_key=trust_new_key)
        refuse_older(con, plan["institution_id"], package)
        return result("valid", package, counts=planned_counts(plan))
    existing = db.scalar(con, "return_batch_by_sha256", sha256=package.sha256)
    if existing is not None:
        key_status(con, package, trust_new_key=trust_new_key)
        return {**result("duplicate", package), "batch_id": int(existing)}
    with db.transaction(con):
        plan = preview(con, package, trust_new_key=trust_new_key)
        refuse_older(con, plan["institution_id"], package)
        institution = plan["institution_id"] or batches.institution_id(con, package.institution)
        db.set_institution(con, institution)  # the package's unit, created just now when new
        if plan["new_key"]:
            keys.register(con, institution, package.public, actor=actor)
        batch_id = batches.create_batch(con, "return", institution=institution, user=actor, file_name=package.file_name,
                                        content=package.content,
                                        note=f"return:{package.period.text}@{package.manifest['created_at']}",
                                        is_demo=bool(package.manifest["demo"]), digest=package.sha256)
        counts = _write(con, batch_id, institution, package, plan)
        batches.finish_batch(con, batch_id, counts)
        audit.record(con, "return_receive", actor, f"return {package.institution} {package.period.text} "
                     f"({counts.inserted} new, {counts.updated} changed) → batch #{batch_id}", package.sha256)
    return result("committed", package, batch_id=batch_id, counts=counts)


def _write(con, batch_id: int, institution: int, package: Package, plan: dict) -> batches.Counts:
    table = observation_table(package)
    # the unit's install checked its values' bounds when they were entered (or someone allowed them)
    counts = batches.write_observations(con, batch_id, institution, table, allow_implausible=True)
    with db.registered(con, table):
        withdrawn = db.rows(con, "return_observation_retire_absent", batch_id=batch_id, institution_id=institution,
                            **parts.scope(package.period))
    counts.updated += len(withdrawn)
    year = package.period.year
    for part, record in plan["records"].items():
        rows = package.rows[part]
        if record["same"]:
            counts.unchanged += len(rows)
            continue
        counts.inserted += len(rows)
        if part == "targets":
            for stored in target_store.year_targets(con, institution, year):
                target_store.retire_target(con, institution, stored["target_id"], batch_id)
            for row in rows:
                target_store.insert_target(con, institution, year, batch_id, row)
        else:
            batches.replace_year_records(con, parts.RECORD_TABLES[part], batch_id, institution, year, rows)
    return counts
