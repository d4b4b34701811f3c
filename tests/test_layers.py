"""The package's layers: a lower layer never imports a higher one (CONTRIBUTING, '## Modules').

The order is declared here, lowest first; every module of the package belongs to one layer.
"""
from __future__ import annotations

from test_imports import import_graph

LAYERS = ["data", "analysis", "presentation", "synthetic", "publishing", "book", "chapters"]


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def violations(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a module from a higher layer than its own, as ``a (layer) -> b (layer)``."""
    found = []
    for mod, deps in sorted(graph.items()):
        lo = layer_of(mod)
        for dep in sorted(deps):
            hi = layer_of(dep)
            if lo and hi and LAYERS.index(hi) > LAYERS.index(lo):
                found.append(f"{mod} ({lo}) -> {dep} ({hi})")
    return found


def test_the_layer_check_finds_a_planted_upward_import():
    graph = {"barometer.data.paths": {"barometer.book.build"}, "barometer.book.build": {"barometer.data.paths"}}
    assert violations(graph) == ["barometer.data.paths (data) -> barometer.book.build (book)"]


def test_every_module_belongs_to_a_layer():
    outside = [m for m in import_graph() if m != "barometer" and layer_of(m) is None]
    assert outside == [], f"modules outside the layers {LAYERS}: {outside}"


def test_no_layer_imports_a_higher_one():
    assert violations(import_graph()) == [], "upward import(s) between layers"
