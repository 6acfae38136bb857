"""Build the hostile corpus of the database, backup and account layer, with the outcome each file must have.

Run `python tests/data/hostile/make_corpus.py` to regenerate (byte-reproducible: fixed times,
fixed salts, fixed keys; tests/unit/test_hostile_corpus.py checks that a fresh run gives the
committed bytes and that every case has its stated outcome).

- backups/<case>/: a small, valid snapshot and tampered copies of it — an extra file, a missing
  file, a changed parquet file, a backdoor admin with or without re-hashed manifest, SQL appended
  to schema.sql / load.sql, an unsigned, a forged and a re-keyed manifest, unknown tables and
  columns, path traversal, old and newer formats. cases.json says for each what a restore does
  with the corpus key configured and without any key.
- names.json: account names (look-alike letters, full-width, control characters, a million
  characters …) with the stored spelling or the refusal, and sign-in fields with the outcome.

The snapshot is built from a fixed list of migrations (not every migration there is), so the
bytes do not change when later migrations are added; a restore then applies the newer ones.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

import os  # noqa: E402

os.environ["MUSEUM_BCRYPT_ROUNDS"] = "4"
os.environ.pop("MUSEUM_BACKUP_KEY", None)

import bcrypt  # noqa: E402
import duckdb  # noqa: E402

from museum import backup  # noqa: E402
from museum.backup import manifest as backup_manifest  # noqa: E402
from museum.store import db, migrations  # noqa: E402

KEY = "hostile-corpus-key-0001-never-use-in-production"
OTHER_KEY = "someone-elses-key-0002-never-use-in-production"
MIGRATIONS = {1, 3, 4, 7}
T0 = datetime(2030, 1, 2, 9, 0, 0)
PASSWORD = "password-1"
# bcrypt with a fixed salt gives a fixed hash (cost 4: the corpus is for tests)
HASH = bcrypt.hashpw(PASSWORD.encode(), b"$2b$04$" + b"corpussaltcorpussaltcu").decode()
BACKDOOR_HASH = bcrypt.hashpw(b"backdoor-pass", b"$2b$04$" + b"backdoorsaltbackdoorse").decode()
SQL_PAYLOAD = (
    "\n-- appended by an attacker\n"
    "INSERT INTO app_user (user_name, role, password_hash, created_at) VALUES ('backdoor', 'admin', '"
    + BACKDOOR_HASH + "', TIMESTAMP '2030-01-01 00:00:00');\n"
    "ATTACH 'pwned_attached.duckdb' AS pwned;\n"
    "COPY (SELECT 'pwned') TO 'pwned_marker.csv';\n"
)


def build_database(path: Path) -> None:
    """A small database with one institution, one batch with its stored file, an observation, an admin
    and an audit line. Plain SQL with the columns of MIGRATIONS (test code; the product's queries may
    change with later migrations, this must not)."""
    content = "年份,指标,数值\r\n2023,posts,100\r\n".encode("utf-8")
    sha = hashlib.sha256(content).hexdigest()
    t0 = "TIMESTAMP '2030-01-02 09:00:00'"
    with db.session(path) as con:
        migrations.migrate(con, versions=MIGRATIONS)
        with db.transaction(con):
            for statement, params in (
                (f"update schema_migrations set applied_at = {t0}", {}),
                ("update app_secret set value = 'corpus-salt-0001'", {}),
                (f"insert into institution (name, created_at) values ('示例科技馆', {t0})", {}),
                ("insert into metric values ('posts', '科普图文', 'Science posts', '篇', 'posts', 'flow', 'online_media', "
                 "'', true, true, 1)", {}),
                (f"insert into stored_file values ($sha, $size, $content, {t0})", {"sha": sha, "size": len(content),
                                                                                   "content": content}),
                (f"insert into batch (kind, institution_id, file_name, file_sha256, file_size, user_name, created_at, "
                 f"inserted) values ('upload', 1, '月报.csv', $sha, $size, 'boss', {t0}, 1)", {"sha": sha, "size": len(content)}),
                ("insert into observation (institution_id, metric_id, year, month, platform, value, qualifier, note, "
                 "batch_id) values (1, 'posts', 2023, null, null, 100, 'exact', '示例', 1)", {}),
                (f"insert into app_user values ('boss', 'admin', $hash, {t0}, false, 4242)", {"hash": HASH}),
                (f"insert into audit (occurred_at, user_name, action, detail, file_sha256) values "
                 f"({t0}, 'boss', 'upload_accepted', '月报.csv → batch #1', $sha)", {"sha": sha}),
            ):
                con.execute(statement, params)
        con.execute("checkpoint")


def export(path: Path, directory: Path) -> dict:
    """EXPORT DATABASE into `directory` and the manifest (unsigned) of what it wrote."""
    with db.session(path) as con:
        con.execute(backup.export_statement(directory))  # the path checked as the backup command checks it
        manifest = {
            "format": backup_manifest.FORMAT_VERSION,
            "created_at": T0.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "created_by": "corpus",
            "migrations": migrations.applied_migrations(con),
            "tables": {name: db.scalar(con, "backup_table_rows", table_name=name) for (name,) in db.rows(con, "backup_tables")},
            "sequences": {n: (None if last is None else int(last)) for n, _s, last in db.rows(con, "backup_sequences")},
        }
    # load.sql names the directory it was written to; the corpus is moved, so say "." (never executed)
    load = directory / "load.sql"
    load.write_text(load.read_text(encoding="utf-8").replace(str(directory), "."), encoding="utf-8")
    return manifest


def finish(directory: Path, manifest: dict, *, key: str | None = KEY, rehash: bool = True) -> None:
    """Write manifest.json: file hashes as the directory now is (unless `rehash` is off), signed with `key`."""
    manifest = copy.deepcopy(manifest)
    if rehash:
        manifest["files"] = {p.name: backup_manifest.sha256_file(p) for p in sorted(directory.iterdir())
                             if p.name != backup_manifest.MANIFEST}
    manifest.pop("signature", None)
    manifest["signature"] = backup_manifest.signature(manifest, key) if key else None
    (directory / backup_manifest.MANIFEST).unlink(missing_ok=True)
    (directory / backup_manifest.MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def rewrite_parquet(path: Path, select: str) -> None:
    """Replace a parquet file by the rows of `select` over its current content (table `t`)."""
    con = duckdb.connect()
    con.execute("create table t as select * from read_parquet($path)", {"path": str(path)})
    con.sql(select).write_parquet(f"{path}.new")
    con.close()
    Path(f"{path}.new").replace(path)


CASES: list[dict] = []


def case(name: str, what: str, with_key: str, without_key: str, *, allow_unsigned: str | None = None) -> Path:
    CASES.append({"name": name, "what": what, "with_key": with_key, "without_key": without_key,
                  **({"with_key_allow_unsigned": allow_unsigned} if allow_unsigned else {})})
    return OUT / name


def make_backups(base: Path, manifest: dict) -> None:
    def copy_base(name: str) -> Path:
        target = OUT / name
        shutil.copytree(base, target)
        return target

    finish(base, manifest)
    signed = json.loads((base / backup_manifest.MANIFEST).read_text(encoding="utf-8"))

    case("valid_signed", "the snapshot as `backup` writes it, signed with the corpus key", "restored", "restored")
    finish(copy_base("valid_signed"), manifest)

    case("valid_unsigned", "the same snapshot, written where no key was configured", "backup.unsigned_refused", "restored",
         allow_unsigned="restored")
    finish(copy_base("valid_unsigned"), manifest, key=None)

    case("extra_file", "a file the manifest does not list (backdoor.sql)", "backup.extra_file", "backup.extra_file")
    target = copy_base("extra_file")
    (target / "backdoor.sql").write_text(SQL_PAYLOAD, encoding="utf-8")

    case("extra_file_listed", "an extra parquet file listed (and hashed) in a re-signed manifest, for no table",
         "backup.unknown_file", "backup.unknown_file")
    target = copy_base("extra_file_listed")
    shutil.copyfile(target / "app_user.parquet", target / "evil.parquet")
    finish(target, manifest)

    case("missing_file", "observation.parquet deleted", "backup.file_missing", "backup.file_missing")
    target = copy_base("missing_file")
    (target / "observation.parquet").unlink()

    case("changed_parquet", "app_user.parquet altered after the backup, manifest untouched", "backup.file_changed",
         "backup.file_changed")
    target = copy_base("changed_parquet")
    rewrite_parquet(target / "app_user.parquet", "select * replace ('viewer' as role) from t")

    backdoor = ("select * from t union all select 'backdoor', 'admin', '" + BACKDOOR_HASH
                + "', TIMESTAMP '2030-01-01 00:00:00', false, 1")
    case("backdoor_admin_unsigned", "app_user.parquet with a backdoor admin, manifest re-hashed, signature removed",
         "backup.unsigned_refused", "restored")
    target = copy_base("backdoor_admin_unsigned")
    rewrite_parquet(target / "app_user.parquet", backdoor)
    finish(target, {**manifest, "tables": {**manifest["tables"], "app_user": manifest["tables"]["app_user"] + 1}}, key=None)

    case("backdoor_admin_old_signature", "the backdoor admin with the manifest re-hashed but the old signature kept",
         "backup.bad_signature", "restored")
    target = copy_base("backdoor_admin_old_signature")
    rewrite_parquet(target / "app_user.parquet", backdoor)
    finish(target, {**manifest, "tables": {**manifest["tables"], "app_user": manifest["tables"]["app_user"] + 1}}, key=None)
    forged = json.loads((target / backup_manifest.MANIFEST).read_text(encoding="utf-8"))
    forged["signature"] = signed["signature"]
    (target / backup_manifest.MANIFEST).write_text(json.dumps(forged, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                                   encoding="utf-8")

    case("signed_with_other_key", "the backdoor admin, signed with another key", "backup.other_key", "restored")
    target = copy_base("signed_with_other_key")
    rewrite_parquet(target / "app_user.parquet", backdoor)
    finish(target, {**manifest, "tables": {**manifest["tables"], "app_user": manifest["tables"]["app_user"] + 1}},
           key=OTHER_KEY)

    case("forged_signature", "the backdoor admin, signed with another key but claiming the corpus key's id",
         "backup.bad_signature", "restored")
    target = copy_base("forged_signature")
    rewrite_parquet(target / "app_user.parquet", backdoor)
    finish(target, {**manifest, "tables": {**manifest["tables"], "app_user": manifest["tables"]["app_user"] + 1}},
           key=OTHER_KEY)
    forged = json.loads((target / backup_manifest.MANIFEST).read_text(encoding="utf-8"))
    forged["signature"]["key_id"] = backup_manifest.key_id(KEY)
    (target / backup_manifest.MANIFEST).write_text(json.dumps(forged, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                                   encoding="utf-8")

    for text_file in ("schema.sql", "load.sql"):
        stem = text_file.split(".")[0]
        case(f"sql_in_{stem}_unsigned", f"SQL appended to {text_file} (insert a backdoor admin, ATTACH, COPY TO), manifest "
             "re-hashed, unsigned", "backup.unsigned_refused", "restored")
        target = copy_base(f"sql_in_{stem}_unsigned")
        with (target / text_file).open("a", encoding="utf-8") as handle:
            handle.write(SQL_PAYLOAD)
        finish(target, manifest, key=None)
        case(f"sql_in_{stem}_signed", f"SQL appended to {text_file} and the manifest validly re-signed: restored, the SQL "
             "never runs", "restored", "restored")
        target = copy_base(f"sql_in_{stem}_signed")
        with (target / text_file).open("a", encoding="utf-8") as handle:
            handle.write(SQL_PAYLOAD)
        finish(target, manifest)

    case("unknown_table", "a signed manifest with a table the schema does not have (backdoor)", "backup.tables_differ",
         "backup.tables_differ")
    target = copy_base("unknown_table")
    shutil.copyfile(target / "app_user.parquet", target / "backdoor.parquet")
    finish(target, {**manifest, "tables": {**manifest["tables"], "backdoor": 1}})

    case("extra_column", "app_user.parquet with an extra column is_superuser, signed", "backup.columns_differ",
         "backup.columns_differ")
    target = copy_base("extra_column")
    rewrite_parquet(target / "app_user.parquet", "select *, true as is_superuser from t")
    finish(target, manifest)

    case("counts_differ", "a signed manifest whose observation count is not what the file holds", "backup.counts_differ",
         "backup.counts_differ")
    target = copy_base("counts_differ")
    finish(target, {**manifest, "tables": {**manifest["tables"], "observation": manifest["tables"]["observation"] + 1}})

    case("path_traversal", "a manifest that lists ../outside.parquet", "backup.bad_manifest", "backup.bad_manifest")
    target = copy_base("path_traversal")
    finish(target, manifest)
    bad = json.loads((target / backup_manifest.MANIFEST).read_text(encoding="utf-8"))
    bad["files"]["../outside.parquet"] = "0" * 64
    (target / backup_manifest.MANIFEST).write_text(json.dumps(bad, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                                   encoding="utf-8")

    case("old_format", "a format-1 manifest (schema.sql and load.sql were executed by the old restore)",
         "backup.old_format", "backup.old_format")
    target = copy_base("old_format")
    old = {"format": 1, "created_at": manifest["created_at"], "created_by": "corpus", "tables": manifest["tables"],
           "files": {p.name: backup_manifest.sha256_file(p) for p in sorted(target.iterdir()) if p.name != "manifest.json"}}
    (target / backup_manifest.MANIFEST).write_text(json.dumps(old, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                                   encoding="utf-8")

    case("newer_schema", "a signed manifest naming a migration this version does not have (9999)", "backup.newer_schema",
         "backup.newer_schema")
    target = copy_base("newer_schema")
    finish(target, {**manifest, "migrations": manifest["migrations"] + [9999]})

    case("not_json", "manifest.json that is not JSON", "backup.bad_manifest", "backup.bad_manifest")
    target = copy_base("not_json")
    (target / backup_manifest.MANIFEST).write_bytes(b"{\"format\": 2, \"files\": {\x00\xff")

    case("no_manifest", "a directory of parquet files without manifest.json", "backup.no_manifest", "backup.no_manifest")
    target = copy_base("no_manifest")
    (target / backup_manifest.MANIFEST).unlink()


def repeat(text: str, times: int) -> dict:
    return {"repeat": text, "times": times}


NAMES = [
    # name typed into `users add`, what it becomes (stored) or the refusal's key
    ("ordinary Latin", "li.na", {"stored": "li.na"}),
    ("Chinese", "王伟", {"stored": "王伟"}),
    ("e-mail address", "wang.wei@museum.example.cn", {"stored": "wang.wei@museum.example.cn"}),
    ("pinyin with tone marks", "lǚ.bīn", {"stored": "lǚ.bīn"}),
    ("full-width letters", "ｌｉ．ｎａ", {"stored": "li.na"}),
    ("mathematical bold letters", "𝐚𝐝𝐦𝐢𝐧", {"stored": "admin"}),
    ("decomposed accent", "re\u0301ne", {"stored": "réne"}),
    ("surrounding spaces", "  li  ", {"stored": "li"}),
    ("Cyrillic а in a Latin name", "\u0430dmin", {"key": "auth.name_foreign_letters"}),
    ("whole Cyrillic look-alike", "\u0430\u0441\u0435", {"key": "auth.name_foreign_letters"}),
    ("Greek omicron", "r\u03bfot", {"key": "auth.name_foreign_letters"}),
    ("Cherokee look-alike", "\u13aa\u13b3\u13a9", {"key": "auth.name_foreign_letters"}),
    ("Arabic-Indic digits", "li\u0663", {"key": "auth.name_foreign_letters"}),
    ("zero-width space", "ad\u200bmin", {"key": "auth.bad_name"}),
    ("right-to-left override", "\u202enimda", {"key": "auth.bad_name"}),
    ("NUL character", "li\x00na", {"key": "auth.bad_name"}),
    ("newline", "li\nna", {"key": "auth.bad_name"}),
    ("SQL", "x'; drop table app_user;--", {"key": "auth.bad_name"}),
    ("Markdown link", "[boss](http://evil.example)", {"key": "auth.bad_name"}),
    ("emoji", "li🙂", {"key": "auth.bad_name"}),
    ("65 characters", repeat("a", 65), {"key": "auth.bad_name"}),
    ("a million characters", repeat("a", 1_000_001), {"key": "auth.bad_name"}),
    ("ten thousand combining marks", {"repeat": "a\u0301", "times": 10_000}, {"key": "auth.bad_name"}),
    ("empty", "", {"key": "auth.bad_name"}),
]

SIGN_INS = [
    # (what, typed name, typed password, refusal key, audited as: the account or "unknown")
    ("wrong password", "boss", "Guess-1234", "auth.sign_in_failed", "boss"),
    ("full-width name of the account", "ｂｏｓｓ", "Guess-1234", "auth.sign_in_failed", "boss"),
    ("Cyrillic о in the name", "b\u043ess", "Guess-1234", "auth.sign_in_failed", "unknown"),
    ("password typed into the name field", "correct horse battery staple", "", "auth.sign_in_failed", "unknown"),
    ("a million-character name", repeat("a", 1_000_001), "x", "auth.sign_in_failed", "unknown"),
    ("a million-character password", "boss", repeat("x", 1_000_001), "auth.sign_in_failed", "boss"),
    ("NUL in the name", "bo\x00ss", "x", "auth.sign_in_failed", "unknown"),
    ("SQL in the name", "boss' --", "x", "auth.sign_in_failed", "unknown"),
    ("ten thousand combining marks", {"repeat": "a\u0301", "times": 10_000}, "x", "auth.sign_in_failed", "unknown"),
]


def write_names(target: Path) -> None:
    payload = {
        "account_names": [{"what": w, "name": n, "expect": e} for w, n, e in NAMES],
        "sign_ins": [{"what": w, "name": n, "password": p, "key": k, "audited_as": a} for w, n, p, k, a in SIGN_INS],
        "password": PASSWORD,
        "hash": HASH,
    }
    (target / "names.json").write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(out: Path | None = None) -> None:
    global OUT
    target = out or HERE
    OUT = target / "backups"
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    CASES.clear()
    with tempfile.TemporaryDirectory() as work:
        database = Path(work) / "corpus.duckdb"
        build_database(database)
        base = Path(work) / "base"
        manifest = export(database, base)
        make_backups(base, manifest)
    for directory in OUT.iterdir():
        for path in directory.iterdir():
            path.chmod(0o644)  # git keeps no modes but the executable bit; the corpus is test input
    cases = {"key": KEY, "other_key": OTHER_KEY, "cases": CASES}
    (target / "cases.json").write_text(json.dumps(cases, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_names(target)


OUT = HERE / "backups"

if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
