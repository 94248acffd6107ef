"""No import cycle of any kind in the installed package: imports at module level,
inside functions and under `if TYPE_CHECKING:` all count, and so does a package's
`__init__` importing its own children. A deferred import hides a cycle from Python
at start-up, not from a reader, so the graph here is the source's, read with `ast`."""
from __future__ import annotations

import ast
import importlib.util
import pkgutil
from importlib.metadata import entry_points
from pathlib import Path
from typing import Dict, List, Optional, Set

import planlint


def _modules() -> Dict[str, Path]:
    """Every module of the installed package by dotted name; rules/ installs as
    planlint.rules, found here through its entry points, as the registry finds it."""
    found = {"planlint": Path(planlint.__file__)}
    for info in pkgutil.walk_packages(planlint.__path__, "planlint."):
        found[info.name] = Path(importlib.util.find_spec(info.name).origin)  # type: ignore[union-attr,arg-type]
    names = {point.value.split(":")[0] for point in entry_points(group="planlint.rules")}
    for name in names | {"planlint.rules"}:
        if name.startswith("planlint."):
            found[name] = Path(importlib.util.find_spec(name).origin)  # type: ignore[union-attr,arg-type]
    return found


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".") if is_package else module.split(".")[:-1]
    base = parts[: len(parts) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _known(name: str, modules: Dict[str, Path]) -> Optional[str]:
    """The longest prefix of a dotted name that is a module of the package."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str, path: Path, modules: Dict[str, Path]) -> Set[str]:
    """The package's modules that `module` imports anywhere in its source."""
    targets: Set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets |= {_known(alias.name, modules) or "" for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, path.name == "__init__.py", node)
            targets.add(_known(source, modules) or "")  # `from pkg import sub` runs pkg's __init__ first
            for alias in node.names:
                targets.add(_known(f"{source}.{alias.name}", modules) or "")
    return {target for target in targets if target and target != module}


def _cycles(graph: Dict[str, Set[str]]) -> List[List[str]]:
    """One cycle per strongly connected group of modules (Tarjan's algorithm)."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    groups: List[List[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def import_graph() -> Dict[str, Set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def test_the_graph_sees_the_whole_package() -> None:
    graph = import_graph()
    assert {"planlint.api", "planlint.engine.run", "planlint.server.app",
            "planlint.rules.pl201_short_lead_time"} <= set(graph)
    assert "planlint.model" in graph["planlint.engine.run"]


def test_a_cycle_is_found_wherever_its_imports_sit() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_of_planlint_is_part_of_an_import_cycle() -> None:
    assert _cycles(import_graph()) == []
