"""Boundaries the code keeps: the plain package never imports Streamlit; messages exist in both languages;
lower layers never import higher ones; the ui modules import each other without a circle."""

import ast
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

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


# --- layers -----------------------------------------------------------------------------------
# Lowest first. A module may import modules of its own layer and of lower ones, never of a higher
# one; imports inside functions count too. A module is in the layer of the longest prefix below
# that names it; a module no prefix names fails the test until someone places it.
LAYERS = [
    ("base", ["museum", "museum.errors", "museum.settings", "museum.i18n", "museum.locale", "museum.numbers",
              "museum.tabular", "museum.safe_csv", "museum.profile", "museum.assets", "museum.events",
              "museum.period", "museum.catalog", "museum.bounds", "museum.clock", "museum.file_words"]),
    ("store", ["museum.store"]),
    ("access", ["museum.access"]),
    ("domain", ["museum.kpis", "museum.kpi_model", "museum.present", "museum.headlines", "museum.charts",
                "museum.institutions"]),
    ("data", ["museum.intake", "museum.sources", "museum.report", "museum.targets", "museum.backup",
              "museum.seed", "museum.demo", "museum.demo_units", "museum.returns"]),
    ("sections", ["museum.sections", "museum.compare"]),
    ("export", ["museum.export", "museum.forms"]),
    ("cli", ["museum.cli", "museum.__main__"]),
    ("ui", ["ui"]),
    ("pages", ["app_pages", "dashboard"]),
]
PROJECT = ("museum", "ui", "app_pages", "dashboard")


def project_modules() -> dict[str, Path]:
    """Every module of the project by dotted name: museum/**, ui/*, app_pages/*, dashboard.py."""
    paths = [*settings.ROOT.glob("museum/**/*.py"), *settings.ROOT.glob("ui/*.py"),
             *settings.ROOT.glob("app_pages/*.py"), settings.ROOT / "dashboard.py"]
    modules = {}
    for path in paths:
        parts = list(path.relative_to(settings.ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[int, str]]:
    """(line, module) for every project module `name` imports, at module level or inside a function:
    `from museum.store import db` is museum.store.db, `from museum.sections import FRAMES` is museum.sections."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            for alias in node.names:
                found.append((node.lineno, f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base))
    return [(line, module) for line, module in found if module.split(".")[0] in PROJECT]


def layer_of(module: str) -> int | None:
    best = None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[1]):
                best = (index, len(prefix))
    return None if best is None else best[0]


def test_every_module_has_a_layer():
    assert [m for m in project_modules() if layer_of(m) is None] == []


def test_no_module_imports_a_higher_layer():
    modules = project_modules()
    upward = []
    for name, path in sorted(modules.items()):
        own = layer_of(name)
        for line, target in imports_of(name, path, modules):
            theirs = layer_of(target)
            if theirs is not None and own is not None and theirs > own:
                upward.append(f"{path.relative_to(settings.ROOT)}:{line} ({LAYERS[own][0]}) imports {target} "
                              f"({LAYERS[theirs][0]})")
    assert upward == [], "lower layers may not import higher ones:\n" + "\n".join(upward)


def test_the_ui_modules_import_each_other_without_a_circle():
    modules = project_modules()
    graph = {name: sorted({t for _, t in imports_of(name, path, modules) if t.startswith("ui.") and t != name})
             for name, path in modules.items() if name.startswith("ui.")}
    state: dict[str, str] = {}

    def circle_from(name: str, trail: list[str]) -> list[str] | None:
        state[name] = "open"
        for target in graph.get(name, []):
            if state.get(target) == "open":
                return trail[trail.index(target):] + [target] if target in trail else [name, target]
            if target not in state and (found := circle_from(target, trail + [target])):
                return found
        state[name] = "done"
        return None

    for start in sorted(graph):
        if start not in state and (circle := circle_from(start, [start])):
            raise AssertionError("the ui modules import each other in a circle: " + " -> ".join(circle))
