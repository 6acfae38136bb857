"""`python -m museum export`: exact files, exact messages, exit codes (real subprocess)."""

import os
import subprocess
import sys
import zipfile

from museum import settings
from tests.export_data import small_database

CHARTS = ["posts_years_2024", "short_videos_years_2024", "online_media_change_2024"]
FILES = sorted([*(f"charts/{c}.{ext}" for c in CHARTS for ext in ("png", "svg")),
                "data-2024.csv", "data-2024.xlsx", "annual-pack-2024.zip", "summary-2024.docx", "summary-2024.pdf"])


def run(*args, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    env.pop("MUSEUM_DB", None)
    return subprocess.run([sys.executable, "-m", "museum", *args], capture_output=True, text=True,
                          cwd=settings.ROOT, env=env, timeout=300)


def test_export_writes_exactly_the_pack(tmp_path):
    database = small_database(tmp_path / "small.duckdb")
    out = tmp_path / "new" / "pack"
    result = run("export", "--year", "2024", "--out", str(out), "--db", str(database), "--lang", "en")
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == FILES
    lines = result.stdout.splitlines()
    assert [line.split(" (")[0] for line in lines[:-1]] == [
        f"Wrote {out / name}" for name in ["summary-2024.docx", "summary-2024.pdf", "data-2024.xlsx", "data-2024.csv",
                                            *(f"charts/{c}.{ext}" for c in CHARTS for ext in ("png", "svg")),
                                            "annual-pack-2024.zip"]
    ]
    assert lines[-1] == f"The 2024 pack is in {out}: 11 files, 3 charts."
    assert sorted(zipfile.ZipFile(out / "annual-pack-2024.zip").namelist()) == [f for f in FILES if f != "annual-pack-2024.zip"]


def test_export_is_audited_with_the_zip_hash(tmp_path):
    import hashlib

    from museum.store import audit, db

    database = small_database(tmp_path / "small.duckdb")
    out = tmp_path / "pack"
    assert run("export", "--year", "2024", "--out", str(out), "--db", str(database)).returncode == 0
    with db.session(database) as con:
        lines = audit.entries(con, action="export")
    assert len(lines) == 1
    line = lines.iloc[0]
    assert line["user_name"].startswith("cli:")
    assert line["file_sha256"] == hashlib.sha256((out / "年度报告素材包-2024.zip").read_bytes()).hexdigest()
    assert sorted(p.name for p in out.iterdir()) == sorted(["charts", "年度总结-2024.docx", "年度总结-2024.pdf", "数据-2024.xlsx",
                                                            "数据-2024.csv", "年度报告素材包-2024.zip"])


def test_year_without_data_exits_1(tmp_path):
    database = small_database(tmp_path / "small.duckdb")
    result = run("export", "--year", "2019", "--out", str(tmp_path / "out"), "--db", str(database))
    assert result.returncode == 1
    assert result.stderr == "2019年没有任何数据，无法生成报告素材包。有数据的年份：2024、2023\n"
    assert not (tmp_path / "out").exists()


def test_missing_chromium_is_a_message_not_a_traceback(tmp_path):
    database = small_database(tmp_path / "small.duckdb")
    result = run("export", "--year", "2024", "--out", str(tmp_path / "out"), "--db", str(database), "--lang", "en",
                 env_extra={"BROWSER_PATH": "/nonexistent/chromium"})
    assert result.returncode == 1
    assert result.stderr == ("BROWSER_PATH points at /nonexistent/chromium, which is not an executable browser. "
                             "Fix the path or install the Debian package chromium.\n")
    assert "Traceback" not in result.stderr
