"""The package layout: stages import one way, down the pipeline, through each stage's re-exports; no cycles."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "termkit"
# Lower ranks are imported by higher ones, never the reverse. glossary and documents are side by side
# (neither needs the other), as are output and tools.
RANK = {"base": 0, "matching": 1, "glossary": 2, "documents": 2, "rules": 3, "checking": 4, "output": 5,
        "tools": 5, "cli": 6, "api": 6}
STAGES = ("matching", "glossary", "documents", "rules", "checking", "output", "tools")


def module_name(path: Path) -> str:
    parts = ("termkit",) + path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> str:
    parts = module.split(".")
    if module == "termkit":
        return "api"
    if parts[1] in STAGES:
        return parts[1]
    if parts[1] in ("cli", "__main__"):
        return "cli"
    return "base"  # model, errors, config, _lazy


def imports(module: str, source: str | None = None):
    """(target module, imported names, line) for every import in a module, function-level ones included."""
    path = MODULES.get(module)
    package = module if path is not None and path.name == "__init__.py" else module.rsplit(".", 1)[0]
    if source is None:
        source = path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("termkit"):
                continue
            names = [a.name for a in node.names]
            submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES]
            if submodules:  # `from . import rules`: an import of the module itself
                for sub in submodules:
                    yield sub, [], node.lineno
                names = [n for n in names if f"{target}.{n}" not in MODULES]
                if not names:
                    continue
            yield target, names, node.lineno
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("termkit"):
                    yield a.name, [], node.lineno


EDGES = [(m, t, names, line) for m in MODULES for t, names, line in imports(m)]


def test_every_import_is_a_termkit_module():
    unknown = [(m, t, line) for m, t, _, line in EDGES if t not in MODULES]
    assert not unknown


def upward(edges) -> list[str]:
    """The imports that go up or sideways between stages (the API facade may import any stage)."""
    wrong = []
    for m, t, names, line in edges:
        sm, st = stage(m), stage(t)
        if sm != st and sm != "api" and RANK[st] >= RANK[sm]:
            wrong.append(f"{m}:{line}: {sm} imports {t} ({st})")
    return wrong


def test_stages_import_downward_only():
    wrong = upward(EDGES)
    assert not wrong, "\n".join(wrong)


def test_other_stages_import_only_a_stage_package_re_exports():
    wrong = []
    for m, t, names, line in EDGES:
        sm, st = stage(m), stage(t)
        if sm == st or st in ("base", "api", "cli"):
            continue
        package = importlib.import_module(f"termkit.{st}")
        if t != package.__name__:
            wrong.append(f"{MODULES[m].relative_to(PACKAGE)}:{line}: imports {t}, not termkit.{st}")
        wrong += [f"{MODULES[m].relative_to(PACKAGE)}:{line}: {n} is not in termkit.{st}.__all__"
                  for n in names if n not in package.__all__]
    assert not wrong, "\n".join(wrong)


def _defining_modules(target: str, names: list[str]) -> list[str]:
    """A stage package's lazily re-exported names resolve to the submodules that define them."""
    package = importlib.import_module(target)
    table = getattr(package, "__lazy_exports__", None)
    if table is None or not names:
        return [target]
    return sorted({f"{target}.{table[n].partition(':')[0]}" if n in table else target for n in names})


def test_no_import_cycles():
    graph = {m: set() for m in MODULES}
    for m, t, names, _ in EDGES:
        if t in MODULES:
            graph[m].update(d for d in _defining_modules(t, names) if d != m)
    # Tarjan's strongly connected components: any component with two or more modules is a cycle.
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
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
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert not cycles


@pytest.mark.parametrize("name", STAGES)
def test_stage_package_documents_and_re_exports(name):
    package = importlib.import_module(f"termkit.{name}")
    assert package.__doc__ and "takes" in package.__doc__.lower() and "gives" in package.__doc__.lower()
    submodules = {m.rsplit(".", 1)[1] for m in MODULES if m.startswith(f"termkit.{name}.")}
    # A re-exported name equal to a submodule's would be replaced by the module once it is imported.
    assert not set(package.__all__) & submodules
    for export in package.__all__:
        assert getattr(package, export) is not None, export


def test_layout_test_sees_a_wrong_import():
    """The direction check is not vacuous: upward and sideways imports in a lower stage are caught."""
    probe = "termkit.matching.probe"
    edges = [(probe, t, names, line) for t, names, line in
             imports(probe, "from ..checking import Checker\nfrom ..model import Hit\nfrom .normalize import fold_key\n")]
    assert [e[1] for e in edges] == ["termkit.checking", "termkit.model", "termkit.matching.normalize"]
    assert upward(edges) == ["termkit.matching.probe:1: matching imports termkit.checking (checking)"]
    sideways = [("termkit.glossary.probe", t, n, line) for t, n, line in
                imports("termkit.glossary.probe", "def f():\n    from ..documents import open_document\n")]
    assert upward(sideways) == ["termkit.glossary.probe:2: glossary imports termkit.documents (documents)"]
