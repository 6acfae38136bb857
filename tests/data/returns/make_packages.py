"""Build the hostile return-package corpus (issue 24): tampered, truncated, replayed, re-keyed, bombs, bad names.

Run `python tests/data/returns/make_packages.py DIR`. Nothing here is committed but this script:
tests/unit/test_returns_hostile.py builds the corpus into a temporary directory and states each
file's one outcome. The same bytes every run: the keys come from fixed seeds (Ed25519 signatures
are deterministic), the zip entries have fixed dates, the filler comes from a seeded generator.
good_a.zip and good_b.zip are real returns of the two units (the sponsor trusts their keys first).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import warnings
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from museum import period as periods  # noqa: E402
from museum.returns import keys, package, parts  # noqa: E402

UNIT_A, UNIT_B = "科技交流馆（测试）", "科普基地（测试）"
PERIOD = periods.parse("2025-03")
CREATED_AT = "2025-04-02T08:00:00Z"
MB = 1024 * 1024


def private_key(seed: str) -> tuple[Ed25519PrivateKey, bytes]:
    key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed.encode()).digest())
    return key, key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


KEY_A, KEY_B, KEY_ROGUE = private_key("unit-a"), private_key("unit-b"), private_key("rogue")


def rows(scale: float = 1.0) -> dict[str, list[dict]]:
    """A small, real-looking return of March 2025."""
    observation = {"year": 2025, "month": 3, "platform": None, "qualifier": "exact", "note": None}
    return {
        "observations": [
            {**observation, "metric_id": "posts", "value": 120.0 * scale, "sentence": "三月发布科普图文120篇。"},
            {**observation, "metric_id": "short_videos", "value": 18.0 * scale, "sentence": None},
            {**observation, "metric_id": "livestreams", "value": 3.0, "platform": "douyin", "note": "抖音直播",
             "sentence": None},
        ],
        "profile": [{"field": "name", "value": "测试单位", "sentence": None}],
        "awards": [], "honors": [], "research": [], "targets": [],
    }


def encoded(content: dict[str, list[dict]]) -> dict[str, bytes]:
    return {parts.FILE_NAMES[part]: parts.encode(content[part]) for part in parts.PARTS}


def signed(institution: str, files: dict[str, bytes], key=KEY_A, *, counts: dict[str, int] | None = None) -> dict:
    counts = counts or {name: len(json.loads(content)) for name, content in files.items()}
    manifest = package.unsigned_manifest(institution, PERIOD, files, counts, public=key[1], actor="测试",
                                         created_at=CREATED_AT, demo=False)
    manifest["signature"] = keys.sign(manifest, key[0], key[1])
    return manifest


def zipped(manifest: dict | bytes, files: dict[str, bytes], extra: list[tuple[str, bytes]] = ()) -> bytes:
    head = manifest if isinstance(manifest, bytes) else package.manifest_bytes(manifest)
    with warnings.catch_warnings():  # a duplicated entry is what one of these packages is for
        warnings.simplefilter("ignore", UserWarning)
        return package.zip_entries([(package.MANIFEST, head), *sorted(files.items()), *extra])


def build(out: Path) -> dict[str, str]:
    """Write every package into `out`; returns name -> what it is."""
    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, str] = {}

    def add(name: str, content: bytes, what: str) -> None:
        (out / name).write_bytes(content)
        made[name] = what

    files = encoded(rows())
    good = signed(UNIT_A, files)
    add("good_a.zip", zipped(good, files), "a real return of unit A, signed with A's key")
    add("good_b.zip", zipped(signed(UNIT_B, files, KEY_B), files), "a real return of unit B, signed with B's key")

    tampered = dict(files, **{"observations.json": files["observations.json"].replace(b"120.0", b"920.0")})
    add("tampered_part.zip", zipped(good, tampered), "a value changed after signing (the part's hash no longer matches)")
    edited = dict(good, created_by="别人")
    add("tampered_manifest.zip", zipped(edited, files), "the manifest edited after signing")
    forged = dict(good, signature={**good["signature"], "value": keys.encode(bytes(64))})
    add("bad_signature.zip", zipped(forged, files), "a signature of zeros")
    swapped = dict(good, key={**good["key"], "public_key": keys.encode(KEY_ROGUE[1]), "key_id": keys.key_id(KEY_ROGUE[1])})
    add("swapped_key.zip", zipped(swapped, files), "another public key put in after signing")
    whole = zipped(good, files)
    add("truncated.zip", whole[: len(whole) // 2], "the first half of a real package")
    add("not_a_zip.zip", "这不是压缩包".encode("utf-8") * 100, "text named .zip")
    add("replayed_for_b.zip", zipped(signed(UNIT_B, files, KEY_A), files),
        "A's return re-labelled as B's and signed with A's key (replayed for another unit)")
    add("relabelled_unsigned.zip", zipped(dict(good, institution=UNIT_B), files),
        "A's return re-labelled as B's without a new signature")
    add("other_key_for_a.zip", zipped(signed(UNIT_A, files, KEY_ROGUE), files), "a return for A signed by a key A never had")

    filler = random.Random(24).randbytes(3 * MB)
    add("oversized.zip", zipped(good, files, [("padding.bin", filler)]), "3 MB of incompressible bytes (the test sets the limit to 2 MB)")
    bomb = dict(files, **{"observations.json": b"[" + b" " * (40 * MB) + b"]\n"})
    add("zip_bomb.zip", zipped(signed(UNIT_A, bomb, counts={**{n: 0 for n in files}}), bomb),
        "a signed part of 40 MB of spaces compressed about 1000:1")
    add("path_traversal.zip", zipped(good, files, [("../../etc/cron.d/museum", b"* * * * * root true\n")]),
        "an extra entry named ../../etc/cron.d/museum")
    add("absolute_path.zip", zipped(good, {**{n: c for n, c in files.items() if n != "profile.json"},
                                           "/tmp/profile.json": files["profile.json"]}), "a part stored under an absolute path")
    add("duplicated_part.zip", zipped(good, files, [("observations.json", tampered["observations.json"])]),
        "observations.json twice (the second one changed)")
    add("missing_part.zip", zipped(good, {n: c for n, c in files.items() if n != "targets.json"}), "targets.json left out")
    add("wrong_count.zip", zipped(signed(UNIT_A, files, counts={**{n: len(json.loads(c)) for n, c in files.items()},
                                                                "observations.json": 4}), files),
        "a signed manifest that counts 4 observations where the part has 3")
    outside = rows()
    outside["observations"][0]["month"] = 7
    add("out_of_period.zip", zipped(signed(UNIT_A, encoded(outside)), encoded(outside)), "a July value in a March return")
    typed = rows()
    typed["observations"][1]["value"] = "十八"
    add("bad_value.zip", zipped(signed(UNIT_A, encoded(typed)), encoded(typed)), "a value written as text")
    add("bad_manifest.zip", zipped(b"{not json", files), "a manifest that is not JSON")
    return made


if __name__ == "__main__":
    for name, what in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out").items():
        print(f"{name}: {what}")
