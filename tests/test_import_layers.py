"""The package's modules lie in layers: each imports only what lies below it, so no import goes round in a circle.

Imports inside functions count as well: a late import hides a circle from Python, not from the reader. A package's
own ``__init__`` loading its parts (the readers, each when its format is read) is not a layer above them.
"""
from __future__ import annotations

import ast
from pathlib import Path

import planparse

PACKAGE = Path(planparse.__file__).parent


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path) -> set[str]:
    """The modules of the package that ``path`` imports, at its top or inside its functions."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
            target = f"{base}.{node.module}" if node.module else base
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # from . import patterns: a module
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    modules = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    graph = {}
    for name, path in modules.items():
        parts_of_own_package = {other for other in modules if path.name == "__init__.py" and other.startswith(name + ".")}
        graph[name] = {target for target in imports_of(path, root) if target in modules} - parts_of_own_package - {name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import circle, as the path that closes it (a depth-first walk from every module)."""
    found, done = [], set()

    def walk(module: str, path: list[str]) -> None:
        for target in sorted(graph[module]):
            if target in path:
                found.append(path[path.index(target):] + [target])
            elif target not in done:
                walk(target, path + [target])
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            walk(module, [module])
    return found


def test_no_module_of_planparse_imports_in_a_circle():
    assert circles(import_graph(PACKAGE)) == []


def test_a_circle_through_a_late_import_is_found(tmp_path):
    root = tmp_path / "pkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "low.py").write_text("def cut():\n    from .high import build  # late\n    return build\n")
    (root / "high.py").write_text("from .low import cut\n")
    (root / "apart.py").write_text("from . import low\n")
    assert circles(import_graph(root)) == [["pkg.low", "pkg.high", "pkg.low"]]


def test_a_package_loading_its_own_parts_is_no_circle(tmp_path):
    root = tmp_path / "pkg"
    root.mkdir()
    (root / "__init__.py").write_text("class Result:\n    pass\ndef read():\n    from .part import read_part\n")
    (root / "part.py").write_text("from . import Result\n")
    assert circles(import_graph(root)) == []


def imported_by(graph: dict[str, set[str]], module: str) -> set[str]:
    """Every module ``module`` imports, directly or through others."""
    found, waiting = set(), [module]
    while waiting:
        for target in graph[waiting.pop()] - found:
            found.add(target)
            waiting.append(target)
    return found


# Data flows one way: the stages a document goes through before its targets, metadata and responsibilities are read
# (pipeline.prepare: reading, normalising, restoring line breaks, the heading tree, the tables) need none of the stages after.
BEFORE_EXTRACTION = ("planparse.readers", "planparse.normalize", "planparse.linebreaks", "planparse.structure", "planparse.tables")
EXTRACTION = {"planparse.targets", "planparse.target_tables", "planparse.metadata", "planparse.responsibilities", "planparse.explain"}


def test_no_stage_before_extraction_imports_a_module_of_extraction():
    graph = import_graph(PACKAGE)
    before = [module for module in graph if module.startswith(BEFORE_EXTRACTION)]  # a package's modules with it
    assert {module: sorted(imported_by(graph, module) & EXTRACTION) for module in before} == dict.fromkeys(before, [])
