"""The package's modules form layers without an import cycle (issue 13, item 1).

The static import graph of ``src/cleantext`` is built with :mod:`ast` from
every ``import`` and ``from ... import`` in a module, at its top or inside a
function (lazy imports count, ``if TYPE_CHECKING`` ones too): no module may
import one that imports it back, and no module imports one of a higher layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "cleantext"

#: The layers, lowest first: a module imports modules of its own layer or lower ones.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("core", ("_install", "_version", "chars", "lexicon", "pipeline", "stream", "review", "dedup")),
    ("normalizers", ("normalizers",)),
    ("presets", ("steps", "catalog", "config")),
    ("io", ("io",)),
    ("engines", ("engines", "batch", "ray_engine")),
    ("cli", ("cli", "__main__")),
    ("facade", ("",)),  # the package's __init__.py
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted((SRC / PACKAGE).rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports, anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # "from . import x": x is a module if there is one by that name
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # import a.b.c: the module a.b.c, else a.b, ...
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(name, path, set(found)) for name, path in found.items()}


def layer(name: str) -> int:
    relative = name.removeprefix(PACKAGE).removeprefix(".")
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if relative == prefix or (prefix and relative.startswith(prefix + ".")):
                return rank
    raise AssertionError(f"{name} is in no layer: add it to LAYERS")


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_lazy_imports():
    edges = graph()
    assert "cleantext.cli.dedup" in edges["cleantext.cli"]  # imported inside main()
    assert "cleantext.engines.local" in edges["cleantext.batch"]  # inside clean_sources()


def test_no_import_cycle():
    assert cycles(graph()) == []


def test_every_module_is_in_a_layer():
    for name in graph():
        layer(name)


@pytest.mark.parametrize("name", sorted(graph()))
def test_no_module_imports_a_higher_layer(name):
    higher = sorted(other for other in graph()[name] if layer(other) > layer(name))
    assert higher == [], f"{name} ({LAYERS[layer(name)][0]}) imports {higher}"


def test_core_imports_nothing_above_it():
    edges = graph()
    for name in ("cleantext.pipeline", "cleantext.chars", "cleantext.lexicon"):
        assert {layer(other) for other in edges[name]} <= {0}, edges[name]


@pytest.mark.parametrize("name", sorted(n for n in modules() if n != "cleantext.__main__"))
def test_each_module_imports_first_on_its_own(name):
    """Each module imports as the first of the package in a fresh
    interpreter: registering a step loads every step's module, which must
    not meet the one being imported half done (``cleantext.normalizers.spaces``
    first once failed so)."""
    import importlib.util
    import subprocess
    import sys

    if name == "cleantext.ray_engine" and importlib.util.find_spec("ray") is None:
        pytest.skip("ray is not installed (an extra)")
    done = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr.strip().splitlines()[-1:]
