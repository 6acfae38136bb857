"""`package`: one institution's return for one period as a signed zip (manifest.json and its parts).

manifest.json names the format, the institution, the period, who made it and when, each part's
SHA-256 and row count, whether its values are demo data, and the unit's public key; its
"signature" (Ed25519, museum.returns.keys) covers all of that. The zip's entries have fixed dates,
so the same data, key and moment give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import datetime, timezone

from museum import period as periods
from museum.returns import keys, parts
from museum.store import audit, db

FORMAT = "museum-return"
VERSION = 1
MANIFEST = "manifest.json"
_ENTRY_DATE = (2024, 1, 1, 0, 0, 0)


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def zip_entries(entries: list[tuple[str, bytes]]) -> bytes:
    """A zip of (name, bytes) with fixed dates and modes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=_ENTRY_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, content)
    return out.getvalue()


def unsigned_manifest(name: str, period: periods.Period, files: dict[str, bytes], counts: dict[str, int], *,
                      public: bytes, actor: str, created_at: str, demo: bool) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "institution": name,
        "period": period.text,
        "created_by": actor[:200],
        "created_at": created_at,
        "demo": demo,
        "parts": {file_name: {"sha256": hashlib.sha256(content).hexdigest(), "rows": counts[file_name]}
                  for file_name, content in sorted(files.items())},
        "key": {"algorithm": keys.ALGORITHM, "key_id": keys.key_id(public), "public_key": keys.encode(public)},
    }


def build(con, institution: int, name: str, period: periods.Period, *, actor: str,
          now: datetime | None = None) -> tuple[bytes, dict]:
    """The package's bytes and its manifest; the package (and a key made for it) is audited in
    one transaction."""
    now = now or datetime.now(timezone.utc)
    with db.transaction(con, institution=institution):
        private, public = keys.signing_key(con, institution, actor=actor)
        rows = parts.gather(con, institution, period)
        files = {parts.FILE_NAMES[part]: parts.encode(rows[part]) for part in parts.PARTS}
        counts = {parts.FILE_NAMES[part]: len(rows[part]) for part in parts.PARTS}
        demo = bool(db.scalar(con, "return_demo_rows", institution_id=institution, **parts.scope(period)))
        manifest = unsigned_manifest(name, period, files, counts, public=public, actor=actor,
                                     created_at=now.strftime("%Y-%m-%dT%H:%M:%SZ"), demo=demo)
        manifest["signature"] = keys.sign(manifest, private, public)
        content = zip_entries([(MANIFEST, manifest_bytes(manifest)), *sorted(files.items())])
        audit.record(con, "return_package", actor, f"return {period.text}: {sum(counts.values())} rows, "
                     f"key {keys.fingerprint(public)}", hashlib.sha256(content).hexdigest())
    return content, manifest
