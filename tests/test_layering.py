"""The packages under reports/ depend on each other in one direction only (docs/architecture.md).

Every import is read from the source (module level and inside functions alike), so a lazy import
that closes a cycle is caught as surely as one at the top of a file. A cycle through a module
outside the packages (documents -> some helper -> federation -> documents) counts too.
"""
import ast
import itertools
from pathlib import Path

import reports

ROOT = Path(reports.__file__).resolve().parent
LAYERED = ("reports.documents", "reports.exporting", "reports.federation", "reports.views", "reports.workbook")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in ROOT.rglob("*.py") if "migrations" not in path.parts}


def imported_modules(name: str) -> set[str]:
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> set[str]:
    """The reports modules a source in `package` imports, resolving relative imports and
    `from package import module`; ast.walk reaches imports inside functions too."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[: len(base) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {target for target in found if target in MODULES}


def owner(name: str) -> str:
    """The layered package a module belongs to, or the module itself."""
    return next((package for package in LAYERED if name == package or name.startswith(package + ".")), name)


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name in MODULES:
        edges = graph.setdefault(owner(name), set())
        edges.update(owner(target) for target in imported_modules(name) if owner(target) != owner(name))
    return graph


def reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return False


def test_the_import_reader_sees_lazy_and_relative_imports():
    source = "from ..models import Branch\n\ndef join_rate():\n    from ..documents.content import Document\n"
    assert {"reports.models", "reports.documents.content"} <= imports_in(source, "reports.federation")
    assert imports_in("from . import rollup\n", "reports.federation") >= {"reports.federation.rollup"}


def test_no_package_depends_on_another_that_depends_back_on_it():
    graph = package_graph()
    cycles = [
        f"{a} <-> {b}" for a, b in itertools.combinations(LAYERED, 2) if reaches(graph, a, b) and reaches(graph, b, a)
    ]
    assert cycles == []


def test_exporting_reads_only_its_snapshot():
    """Word and PDF are rendered from plain data: nothing in exporting reads documents or the database."""
    reached = {
        target
        for name in MODULES
        if owner(name) == "reports.exporting"
        for target in imported_modules(name)
    }
    forbidden = {t for t in reached if t.startswith(("reports.documents", "reports.models", "reports.federation"))}
    assert forbidden == set()


def test_the_models_depend_on_nothing_above_them():
    """Models are the bottom layer: the scoped querysets use the access model that lives beside
    the roles, never reports.access, services, views or documents."""
    above = ("reports.access", "reports.documents", "reports.views", "reports.federation", "reports.workbook",
             "reports.exporting", "reports.forms", "reports.stats", "reports.figures")
    reached = {target for name in MODULES if name.startswith("reports.models") for target in imported_modules(name)}
    assert {t for t in reached if t.startswith(above)} == set()
