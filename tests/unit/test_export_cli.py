"""`python -m museum export`: exact files, exact messages, exit codes (real subprocess)."""

import os
import subprocess
import sys
import zipfile

from museum import settings
from tests.export_data import small_database

FILES = ["charts/online_media_change_2024.png", "charts/online_media_change_2024.svg",
         "charts/posts_years_2024.png", "charts/posts_years_2024.svg",
         "data.csv", "data.xlsx", "pack.zip", "summary.docx", "summary.pdf"]


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
        f"Wrote {out / name}" for name in ["summary.docx", "summary.pdf", "data.xlsx", "data.csv",
                                            "charts/posts_years_2024.png", "charts/posts_years_2024.svg",
                                            "charts/online_media_change_2024.png", "charts/online_media_change_2024.svg",
                                            "pack.zip"]
    ]
    assert lines[-1] == f"The 2024 pack is in {out}: 9 files, 2 charts."
    assert sorted(zipfile.ZipFile(out / "pack.zip").namelist()) == [f for f in FILES if f != "pack.zip"]


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
