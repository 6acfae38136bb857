"""Boundaries the code keeps: the plain package never imports Streamlit; messages exist in both languages."""

import pkgutil
import re
import subprocess
import sys

import museum
from museum import i18n, settings


def test_museum_imports_without_streamlit():
    modules = [f"museum.{m.name}" for m in pkgutil.walk_packages(museum.__path__) if not m.name.startswith("__")]
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules) + \
        "print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=settings.ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_every_message_key_used_in_code_exists():
    used = set()
    for path in list(settings.ROOT.glob("museum/**/*.py")) + list(settings.ROOT.glob("app_pages/*.py")) + \
            list(settings.ROOT.glob("ui/*.py")) + [settings.ROOT / "dashboard.py"]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", text))
        used |= set(re.findall(r"""(?:InputRejected|UsageError|DatabaseBusy|DatabaseError|MuseumError)\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", text))
    missing = sorted(k for k in used if not i18n.has(k))
    assert missing == []


def test_every_message_has_both_languages():
    for key, (zh, en) in i18n.catalog().items():
        assert zh.strip() and en.strip(), key


def test_no_sql_built_from_formatted_strings():
    offenders = []
    for path in settings.ROOT.glob("museum/**/*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"""execute\(\s*f["']|\.sql\(\s*f["']|execute\([^)]*%\s*\(""", line):
                offenders.append(f"{path.name}:{number}")
    assert offenders == []
