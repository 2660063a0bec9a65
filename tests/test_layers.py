"""The package's layers (ARCHITECTURE.md): no import goes up a layer, none goes round in a circle.

Every import counts, at module level or inside a function, except those under
``if TYPE_CHECKING:`` (they never run).  The layer of each module is read from ARCHITECTURE.md's
table, so the map and the code cannot drift apart; a module missing from the map fails too.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "translit"
_ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*`([\w.]+)`\s*\|")


def layer_map(architecture: Path) -> dict[str, int]:
    """Module (or subpackage) name → layer, from the table in ARCHITECTURE.md."""
    layers: dict[str, int] = {}
    for line in architecture.read_text("utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            layers[match.group(2)] = int(match.group(1))
    return layers


def _module_name(package: Path, path: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST) -> list[tuple[int, int, str | None, list[str]]]:
    """(line, level, module, names) of every import that runs, at any depth."""
    found: list[tuple[int, int, str | None, list[str]]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append((node.lineno, 0, alias.name, []))
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.level, node.module, [a.name for a in node.names]))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph(package: Path) -> dict[str, dict[str, int]]:
    """Each module of *package* → {module of the package it imports: first line}."""
    top = package.name
    modules = {_module_name(package, p): p for p in package.rglob("*.py")}
    graph: dict[str, dict[str, int]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        here = name.split(".") if is_package else name.split(".")[:-1]
        edges: dict[str, int] = {}
        for line, level, module, names in _imports(ast.parse(path.read_text("utf-8"))):
            if level:
                base = here[: len(here) - (level - 1)]
                target = ".".join(base + ([module] if module else []))
            else:
                target = module or ""
            if target != top and not target.startswith(top + "."):
                continue
            targets = [f"{target}.{n}" for n in names if f"{target}.{n}" in modules] or [target]
            for t in targets:
                while t not in modules and "." in t:
                    t = t.rsplit(".", 1)[0]
                if t != name:
                    edges.setdefault(t, line)
        graph[name] = edges
    return graph


def _unit(module: str) -> str:
    """The name ARCHITECTURE.md lists for a module: translit.reverse.channel → reverse."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def violations(package: Path, layers: dict[str, int]) -> list[str]:
    """Every upward import, unmapped module and import circle, as readable lines."""
    graph = import_graph(package)
    problems: list[str] = []
    for module in sorted(graph):
        unit = _unit(module) if not module.endswith("__main__") else "__main__"
        if unit not in layers:
            problems.append(f"{module}: not in ARCHITECTURE.md's layer table")
    for module, edges in sorted(graph.items()):
        unit = "__main__" if module.endswith("__main__") else _unit(module)
        for target, line in sorted(edges.items()):
            if unit in layers and _unit(target) in layers and layers[_unit(target)] > layers[unit]:
                problems.append(
                    f"{module} (layer {layers[unit]}) imports {target} (layer "
                    f"{layers[_unit(target)]}) at line {line}: an import goes up a layer")
    problems.extend(f"import circle: {' → '.join(c)}" for c in _cycles(graph))
    return problems


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One circle through each strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def strongconnect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                strongconnect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            strongconnect(v)
    return [[*g, g[0]] for g in groups]


def test_no_import_goes_up_a_layer_or_round_a_circle() -> None:
    assert violations(PACKAGE, layer_map(ROOT / "ARCHITECTURE.md")) == []


def test_every_mapped_module_exists() -> None:
    units = {_unit(m) for m in import_graph(PACKAGE)} | {"__main__"}
    assert set(layer_map(ROOT / "ARCHITECTURE.md")) - units == set()


@pytest.mark.parametrize(("module", "planted", "expected"), [
    ("letters.py", "from .systems import romanize\n", "translit.letters (layer 0) imports translit.systems"),
    ("engine.py", "def _late() -> None:\n    from . import places\n",
     "translit.engine (layer 1) imports translit.places"),
    ("tables.py", "import translit.check\n", "translit.tables (layer 1) imports translit.check"),
    ("systems.py", "from .normalize import key\n", "import circle"),
])
def test_a_planted_import_is_caught(tmp_path: Path, module: str, planted: str, expected: str) -> None:
    copy = tmp_path / "translit"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("data", "__pycache__", "*.so"))
    path = copy / module
    path.write_text(path.read_text("utf-8") + "\n" + planted, "utf-8")
    found = violations(copy, layer_map(ROOT / "ARCHITECTURE.md"))
    assert any(expected in line for line in found), found
