"""A backup's manifest: what it must contain, its HMAC-SHA256 signature, and the checks before a restore.

The manifest lists every file of the snapshot with its SHA-256, every table with its row count,
the migrations the database had (so a restore rebuilds the same schema from the project's own
migration files) and each sequence's last value. When a key is configured (MUSEUM_BACKUP_KEY or
`[museum_backup] key` in the secrets file) the manifest is signed with it; the key never goes into
the backup. A restore refuses a directory with any file the manifest does not list, any listed
file that is missing, changed, a link or a directory, and — while a key is configured — an unsigned
manifest (unless explicitly allowed) or one whose signature does not verify.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import stat
from pathlib import Path

from museum.store import migrations
from museum.errors import InputRejected, UsageError

MANIFEST = "manifest.json"
# The manifest before the backup's audit line is written: a snapshot becomes a backup (restorable)
# only when it is renamed to MANIFEST, after its audit line, so no backup is ever without one.
PENDING_MANIFEST = "manifest.json.pending"
FORMAT_VERSION = 2
MAX_MANIFEST_BYTES = 1 << 20
MIN_KEY_CHARS = 16
ALGORITHM = "hmac-sha256"
# Written by EXPORT DATABASE beside the parquet files and kept for people to read; never executed.
AUX_FILES = ("load.sql", "schema.sql")
IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_FILE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}\.(?:parquet|sql|dump)")
# The PostgreSQL store's snapshot: one pg_dump file (museum.backup.pg)
PG_DUMP_FILE = "database.dump"
_SHA256 = re.compile(r"[0-9a-f]{64}")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_key(key: str | None) -> str | None:
    if key is not None and len(key) < MIN_KEY_CHARS:
        raise UsageError("backup.key_too_short", length=len(key), minimum=MIN_KEY_CHARS)
    return key


def key_id(key: str) -> str:
    """A short, public fingerprint of the key (which key signed a backup), not the key itself."""
    return hashlib.sha256(b"museum-backup-key:" + key.encode("utf-8")).hexdigest()[:16]


def canonical(manifest: dict) -> bytes:
    """The bytes that are signed: the manifest without its signature, keys sorted, no spaces."""
    body = {k: v for k, v in manifest.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def signature(manifest: dict, key: str) -> dict:
    value = hmac.new(key.encode("utf-8"), canonical(manifest), hashlib.sha256).hexdigest()
    return {"algorithm": ALGORITHM, "key_id": key_id(key), "value": value}


def write(directory: Path, manifest: dict, *, name: str = MANIFEST) -> Path:
    """Write manifest.json (0600, or `name`) and flush it to disk."""
    path = directory / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return path


# --- checks before a restore -------------------------------------------------------------------


def read(source: Path) -> dict:
    """The manifest of the snapshot in `source`, after checking its shape (not yet its files)."""
    path = source / MANIFEST
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise InputRejected("backup.no_manifest", path=str(source)) from None
    except OSError as exc:
        raise InputRejected("backup.bad_manifest", path=str(path)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise InputRejected("backup.not_regular_file", path=str(path))
    if info.st_size > MAX_MANIFEST_BYTES:
        raise InputRejected("backup.bad_manifest", path=str(path))
    try:
        manifest = json.loads(path.read_bytes().decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputRejected("backup.bad_manifest", path=str(path)) from exc
    if isinstance(manifest, dict) and manifest.get("format") == 1:
        raise InputRejected("backup.old_format", path=str(source))
    if not _well_formed(manifest):
        raise InputRejected("backup.bad_manifest", path=str(path))
    known = {version for version, _, _ in migrations.migrations()}
    unknown = [v for v in manifest["migrations"] if v not in known]
    if unknown:
        raise InputRejected("backup.newer_schema", path=str(source), versions=", ".join(f"{v:04d}" for v in unknown))
    return manifest


def _well_formed(m) -> bool:
    def counts(value, allow_none=False):
        return isinstance(value, dict) and all(
            isinstance(k, str) and IDENTIFIER.fullmatch(k)
            and ((allow_none and v is None) or (isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**62))
            for k, v in value.items()
        )

    return (
        isinstance(m, dict)
        and m.get("format") == FORMAT_VERSION
        and isinstance(m.get("created_at"), str) and len(m["created_at"]) <= 40
        and isinstance(m.get("created_by"), str) and len(m["created_by"]) <= 200
        and isinstance(m.get("migrations"), list) and m["migrations"] == sorted(set(m["migrations"]))
        and all(isinstance(v, int) and not isinstance(v, bool) and 0 < v < 10000 for v in m["migrations"])
        and counts(m.get("tables")) and bool(m["tables"])
        and counts(m.get("sequences"), allow_none=True)
        and (m.get("serial") is None or (isinstance(m["serial"], int) and not isinstance(m["serial"], bool)
                                         and 0 <= m["serial"] < 2**62))
        and m.get("engine", "duckdb") in ("duckdb", "postgresql")
        and isinstance(m.get("files"), dict)
        and all(isinstance(k, str) and _FILE_NAME.fullmatch(k) and isinstance(v, str) and _SHA256.fullmatch(v)
                for k, v in m["files"].items())
        and (m.get("signature") is None or (
            isinstance(m["signature"], dict)
            and set(m["signature"]) == {"algorithm", "key_id", "value"}
            and all(isinstance(v, str) and len(v) <= 128 for v in m["signature"].values())
        ))
    )


def check_signature(manifest: dict, source: Path, key: str | None, *, allow_unsigned: bool) -> str:
    """"signed" (verified with our key), "unsigned" (allowed explicitly) or "unverified" (no key
    is configured here, so nothing could be checked); InputRejected otherwise."""
    found = manifest.get("signature")
    if key is None:
        return "unverified"
    if found is None:
        if not allow_unsigned:
            raise InputRejected("backup.unsigned_refused", path=str(source))
        return "unsigned"
    if found["algorithm"] != ALGORITHM:
        raise InputRejected("backup.bad_signature", path=str(source))
    if found["key_id"] != key_id(key):
        raise InputRejected("backup.other_key", path=str(source), found=found["key_id"], expected=key_id(key))
    if not hmac.compare_digest(found["value"], signature(manifest, key)["value"]):
        raise InputRejected("backup.bad_signature", path=str(source))
    return "signed"


def check_files(manifest: dict, source: Path) -> None:
    """Exactly the listed files are there, each a plain file with its recorded SHA-256, and each
    one is a table's parquet file or one of the two SQL texts EXPORT DATABASE writes."""
    tables = manifest["tables"]
    listed = manifest["files"]
    if manifest.get("engine") == "postgresql":
        for name in sorted(listed):
            if name != PG_DUMP_FILE:
                raise InputRejected("backup.unknown_file", path=str(source), name=name)
        if PG_DUMP_FILE not in listed:
            raise InputRejected("backup.file_missing", path=str(source / PG_DUMP_FILE))
    for name in sorted(listed) if manifest.get("engine") != "postgresql" else ():
        table = name[: -len(".parquet")] if name.endswith(".parquet") else None
        if name not in AUX_FILES and table not in tables:
            raise InputRejected("backup.unknown_file", path=str(source), name=name)
    for table in sorted(tables) if manifest.get("engine") != "postgresql" else ():
        if f"{table}.parquet" not in listed:
            raise InputRejected("backup.file_missing", path=str(source / f"{table}.parquet"))
    present = sorted(os.listdir(source))
    for name in present:
        if name != MANIFEST and name not in listed:
            raise InputRejected("backup.extra_file", path=str(source), name=name)
    for name, expected in sorted(listed.items()):
        path = source / name
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            raise InputRejected("backup.file_missing", path=str(path)) from None
        if not stat.S_ISREG(info.st_mode):
            raise InputRejected("backup.not_regular_file", path=str(path))
        if sha256_file(path) != expected:
            raise InputRejected("backup.file_changed", path=str(path))


def verify(source: Path, key: str | None, *, allow_unsigned: bool = False) -> tuple[dict, str]:
    """The manifest and its signature status, after every check above; nothing is read from the
    backup but the manifest and the files' bytes (for their hashes)."""
    manifest = read(source)
    status = check_signature(manifest, source, check_key(key), allow_unsigned=allow_unsigned)
    check_files(manifest, source)
    return manifest, status
