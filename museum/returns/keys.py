"""The Ed25519 keys of returns: a unit signs with its own private key, the sponsor verifies with the public key it registered.

The backup signature (museum.backup.manifest) is an HMAC: whoever can verify it can also forge it,
which is right for one install checking its own backups but not for a sponsor checking dozens of
units. A return is therefore signed with a per-institution Ed25519 key pair, made on the unit's
first package and kept in its database (return_signing_key, migration 0018); the sponsor keeps
only each unit's public key (return_trusted_key), so its install cannot sign a return in a unit's
name. The signed bytes are the backup manifest's canonical form (museum.backup.manifest.canonical).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from datetime import datetime, timezone

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from museum.backup.manifest import canonical
from museum.store import audit, db

ALGORITHM = "ed25519"
PUBLIC_KEY_BYTES = 32
_RAW = serialization.Encoding.Raw


def key_id(public_key: bytes) -> str:
    """The key's public fingerprint: 16 hex digits of the SHA-256 of its raw public bytes."""
    return hashlib.sha256(b"museum-return-key:" + public_key).hexdigest()[:16]


def fingerprint(public_key: bytes) -> str:
    """The fingerprint people compare by telephone: the key id in groups of four (ab12-cd34-…)."""
    identifier = key_id(public_key)
    return "-".join(identifier[i:i + 4] for i in range(0, len(identifier), 4))


def encode(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def decode_public(text: str) -> bytes | None:
    """The raw 32 bytes of a base64 public key, or None when it is not one."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return raw if len(raw) == PUBLIC_KEY_BYTES else None


def signing_key(con, institution: int, *, actor: str) -> tuple[Ed25519PrivateKey, bytes]:
    """The institution's key pair on this install, made (and audited) on first use; call inside
    a transaction so that a package and its new key commit together."""
    found = db.rows(con, "return_signing_key_get", institution_id=institution)
    if found:
        _key_id, private, public = found[0]
        return Ed25519PrivateKey.from_private_bytes(bytes(private)), bytes(public)
    private_key = Ed25519PrivateKey.generate()
    private = private_key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    public = private_key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    db.execute(con, "return_signing_key_insert", institution_id=institution, key_id=key_id(public), private_key=private,
               public_key=public, created_at=_now(), created_by=actor)
    audit.record(con, "return_key", actor, f"signing key {key_id(public)} made for institution {institution}")
    return private_key, public


def sign(manifest: dict, private_key: Ed25519PrivateKey, public: bytes) -> dict:
    """The manifest's signature (over its canonical form without the signature)."""
    return {"algorithm": ALGORITHM, "key_id": key_id(public), "value": encode(private_key.sign(canonical(manifest)))}


def verifies(manifest: dict, public: bytes) -> bool:
    """Whether the manifest's signature was made by the private key of `public`."""
    found = manifest.get("signature") or {}
    try:
        raw = base64.b64decode(str(found.get("value", "")).encode("ascii"), validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(raw, canonical(manifest))
    except (InvalidSignature, binascii.Error, UnicodeEncodeError, ValueError):
        return False
    return True


def trusted_key(con, institution: int | None) -> tuple[str, bytes] | None:
    """(key id, public key) registered for the unit on this install, or None."""
    if institution is None:
        return None
    found = db.rows(con, "return_trusted_key_get", institution_id=institution)
    return (str(found[0][0]), bytes(found[0][1])) if found else None


def own_key(con, institution: int | None) -> tuple[str, bytes] | None:
    """(key id, public key) this install signs the institution's returns with, or None."""
    if institution is None:
        return None
    found = db.rows(con, "return_signing_key_get", institution_id=institution)
    return (str(found[0][0]), bytes(found[0][2])) if found else None


def register(con, institution: int, public: bytes, *, actor: str) -> None:
    """Trust `public` for the unit's returns (an admin's explicit choice), audited; inside the
    receipt's transaction, so a refused package registers nothing."""
    db.execute(con, "return_trusted_key_insert", institution_id=institution, key_id=key_id(public), public_key=public,
               registered_at=_now(), registered_by=actor)
    audit.record(con, "return_key", actor, f"key {fingerprint(public)} trusted for institution {institution}")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
