"""No import cycle among newsledger's modules.

The graph is read from the source with `ast`: an edge for every import a module runs when it is
loaded (module level, including inside try/if; not under `if TYPE_CHECKING:`). Imports inside
functions run later and may deliberately break a cycle or defer a heavy dependency; they are
counted apart and not part of the check.
"""

from __future__ import annotations

import ast
from pathlib import Path

import newsledger

PACKAGE_DIR = Path(newsledger.__file__).resolve().parent


def module_files() -> dict[str, Path]:
    files = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        files[".".join(parts)] = path
    return files


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _load_time_statements(body: list[ast.stmt]):
    """Statements run when the module is loaded: not function bodies, not TYPE_CHECKING blocks."""
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from _load_time_statements(node.orelse)
            continue
        for name in ("body", "orelse", "finalbody"):  # class, if, try, with, for, while
            inner = getattr(node, name, None)
            if isinstance(inner, list):
                yield from _load_time_statements(inner)
        for handler in getattr(node, "handlers", []):
            yield from _load_time_statements(handler.body)


def _targets(node: ast.stmt, module: str, is_package: bool, modules: set[str]) -> list[str]:
    """The newsledger modules an import statement loads, leaving out the importer's own packages
    (already being loaded when the importer runs)."""
    names: list[str] = []
    if isinstance(node, ast.Import):
        for alias in node.names:
            parts = alias.name.split(".")
            names += [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            source = ".".join(base + ([node.module] if node.module else []))
        else:
            source = node.module or ""
        parts = source.split(".")
        names += [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
        names += [f"{source}.{alias.name}" for alias in node.names]
    ancestors = {".".join(module.split(".")[:i]) for i in range(1, module.count(".") + 1)}
    return [n for n in dict.fromkeys(names) if n in modules and n not in ancestors and n != module]


def import_graph() -> tuple[dict[str, set[str]], int]:
    """Module -> modules it imports at load time; and the number of imports inside functions."""
    files = module_files()
    graph: dict[str, set[str]] = {}
    deferred = 0
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_package = path.name == "__init__.py"
        load_time = [n for n in _load_time_statements(tree.body) if isinstance(n, (ast.Import, ast.ImportFrom))]
        graph[module] = {t for n in load_time for t in _targets(n, module, is_package, set(files))}
        every = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        deferred += len(every) - len(load_time)
    return graph, deferred


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_is_read_from_every_module():
    graph, deferred = import_graph()
    assert "newsledger.api" in graph and "newsledger.engines.loop" in graph["newsledger.api"]
    assert "newsledger.nlp.extractor" in graph["newsledger.engines.local"]
    assert deferred > 0  # e.g. Extractor imports the pipeline when one is built


def test_a_cycle_is_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_relative_imports_resolve_to_modules():
    modules = {
        "newsledger",
        "newsledger.store",
        "newsledger.store.schema",
        "newsledger.ledger.views",
        "newsledger.ledger",
    }
    node = ast.parse("from ..store import schema").body[0]
    assert _targets(node, "newsledger.ledger.views", False, modules) == ["newsledger.store", "newsledger.store.schema"]
    node = ast.parse("from . import schema").body[0]
    assert _targets(node, "newsledger.store", True, modules) == ["newsledger.store.schema"]


def test_newsledger_has_no_import_cycle():
    graph, deferred = import_graph()
    found = cycles(graph)
    assert not found, (
        f"import cycles among newsledger modules (module-level imports; {deferred} "
        f"imports inside functions are not counted): {found}"
    )
