"""No import cycles among the project's own modules (``bot/`` and ``adapters/``), and no import
from a lower layer up into a higher one (:data:`NEVER`).

Every import counts wherever it stands: at module level, inside a function, under
``if TYPE_CHECKING:``, or as ``importlib.import_module("...")`` with a constant name. A cycle that
laziness hides at run time is still a cycle in the design. Importing ``a.b.c`` also runs the
packages ``a`` and ``a.b``, so those count too, except the importer's own enclosing packages
(which Python has already started by the time the importer runs) unless it names them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "adapters")

#: Module name -> {imported module name -> the first line that imports it}.
Graph = dict[str, dict[str, int]]


def project_modules(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    """Every module under the given top-level packages, by dotted name."""
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _imported_names(module: str, is_package: bool, tree: ast.AST) -> Iterable[tuple[str, int]]:
    """Every dotted name ``tree`` imports (or may import), with its line."""
    here = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = here[: len(here) - (node.level - 1)]
                base = ".".join([*parent, base] if base else parent)
            yield base, node.lineno
            yield from ((f"{base}.{alias.name}", node.lineno) for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            name = node.args[0].value
            yield (".".join(here) + name if name.startswith(".") else name), node.lineno


def import_graph(modules: Mapping[str, Path]) -> Graph:
    """Which project module imports which (see the module docstring for what counts)."""
    graph: Graph = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        own_packages = {module.rsplit(".", depth)[0] for depth in range(1, module.count(".") + 1)}
        edges = graph.setdefault(module, {})
        for name, line in _imported_names(module, path.name == "__init__.py", tree):
            while name and name not in modules:  # "bot.messages.Reply" -> "bot.messages"
                name = name.rpartition(".")[0]
            if not name:
                continue
            parents = [name.rsplit(".", depth)[0] for depth in range(1, name.count(".") + 1)]
            for target in (name, *(p for p in parents if p not in own_packages)):
                if target in modules and target != module:
                    edges.setdefault(target, line)
    return graph


def cycles(graph: Graph) -> list[list[str]]:
    """The strongly connected components of more than one module, each sorted (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return sorted(found)


def describe(graph: Graph, modules: Mapping[str, Path], component: list[str]) -> str:
    """One cycle with the import lines that tie it, for the failure message."""
    members = set(component)
    lines = [" <-> ".join(component)]
    for module in component:
        path = modules[module].relative_to(ROOT)
        for target, line in sorted(graph[module].items()):
            if target in members:
                lines.append(f"  {path}:{line} imports {target}")
    return "\n".join(lines)


def test_the_project_has_no_import_cycles() -> None:
    modules = project_modules(ROOT, PACKAGES)
    graph = import_graph(modules)
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(describe(graph, modules, c) for c in found)


#: Layers that must never import the modules named (by prefix): importer, forbidden, why.
NEVER = (
    (
        "bot.reminders",
        ("bot.features", "bot.commands", "bot.core", "bot.serve"),
        "reminders are written and sent below the commands; features use them, not the reverse",
    ),
    (
        "bot.storage",
        ("bot.features", "bot.commands", "bot.core", "bot.serve", "bot.reminders"),
        "storage keeps data for the layers above it and knows none of them",
    ),
)


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def back_arrows(graph: Graph, never: Iterable[tuple[str, Iterable[str], str]]) -> list[str]:
    """Every import that ``never`` forbids, as "importer imports target (why)"."""
    found = []
    for layer, forbidden, why in never:
        for module, edges in sorted(graph.items()):
            if not _within(module, layer):
                continue
            for target in sorted(edges):
                if any(_within(target, above) for above in forbidden):
                    found.append(f"{module} imports {target} ({why})")
    return found


def test_no_layer_imports_a_layer_above_it() -> None:
    found = back_arrows(import_graph(project_modules(ROOT, PACKAGES)), NEVER)
    assert not found, "imports that run back up:\n" + "\n".join(found)


def _write(root: Path, files: Mapping[str, str]) -> dict[str, Path]:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project_modules(root, ["app"])


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {
                "app/__init__.py": "",
                "app/a.py": "from app.b import thing\n",
                "app/b.py": "def f():\n    from app.c import other\n",
                "app/c.py": (
                    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import app.a\n"
                ),
                "app/d.py": "import importlib\nimportlib.import_module('app.e')\n",
                "app/e.py": "from . import d\n",
            },
            [["app.a", "app.b", "app.c"], ["app.d", "app.e"]],
            id="lazy and type-only imports close a cycle",
        ),
        # app.store imports app.jobs.schedule, which first runs app/jobs/__init__.py; that imports
        # app.jobs.engine lazily, and the engine imports the store: a cycle through the package.
        pytest.param(
            {
                "app/__init__.py": "",
                "app/store.py": "from app.jobs.schedule import due\n",
                "app/jobs/__init__.py": "def __getattr__(name):\n    from app.jobs import engine\n",
                "app/jobs/schedule.py": "",
                "app/jobs/engine.py": "from app.store import Store\n",
            },
            [["app.jobs", "app.jobs.engine", "app.store"]],
            id="a package run by importing its submodule closes a cycle",
        ),
        pytest.param(
            {
                "app/__init__.py": "",
                "app/store/__init__.py": "def open_store():\n    from app.store import db\n",
                "app/store/db.py": "from app.store import Store\n",
            },
            [["app.store", "app.store.db"]],
            id="a module naming its own package that imports it closes a cycle",
        ),
        pytest.param(
            {
                "app/__init__.py": "",
                "app/parts/__init__.py": "from app.parts import one, two\n",
                "app/parts/one.py": "from app.parts.two import x\n",
                "app/parts/two.py": "import app\n",
            },
            [],
            id="a package importing its own modules is no cycle",
        ),
    ],
)
def test_the_cycles_of_a_small_project(
    tmp_path: Path, files: dict[str, str], expected: list[list[str]]
) -> None:
    assert cycles(import_graph(_write(tmp_path, files))) == expected


def test_a_type_only_import_of_a_higher_layer_runs_back_up(tmp_path: Path) -> None:
    modules = _write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/core.py": "from app.jobs import run\n",
            "app/jobs.py": "if TYPE_CHECKING:\n    import app.core\n",
            "app/store.py": "import app.jobs\n",
        },
    )
    never = [("app.jobs", ("app.core",), "jobs below the core")]
    assert back_arrows(import_graph(modules), never) == [
        "app.jobs imports app.core (jobs below the core)"
    ]
