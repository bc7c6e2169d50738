"""The package layout shows the pipeline: few top-level modules, stage folders, no import cycles."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "pipeline"
STAGES = ("prepare", "parse", "rules", "tagging", "normalize", "events", "output", "batch")


def _modules() -> dict[str, Path]:
    def name(p: Path) -> str:
        parts = list(p.relative_to(PKG.parent).with_suffix("").parts)
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    return {name(p): p for p in PKG.rglob("*.py")}


def _imports(mod: str, path: Path, mods: dict) -> set[str]:
    """Modules of this package that `mod` imports (relative or absolute, lazy ones too)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
            base = base[:len(base) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        for alias in node.names:
            sub = f"{target}.{alias.name}"
            found = sub if sub in mods else target
            if found in mods and found != mod:
                out.add(found)
    return out


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(v):
        state[v] = 1
        path.append(v)
        for w in sorted(graph[v]):
            if state.get(w) == 1:
                return path[path.index(w):] + [w]
            if w not in state and (found := visit(w)):
                return found
        state[v] = 2
        path.pop()
        return None
    for v in sorted(graph):
        if v not in state and (found := visit(v)):
            return found
    return None


def test_no_import_cycles():
    mods = _modules()
    graph = {m: _imports(m, p, mods) for m, p in mods.items()}
    assert _cycle(graph) is None


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_few_top_level_modules_and_a_folder_per_stage():
    top = sorted(p.name for p in PKG.glob("*.py"))
    assert len(top) <= 6, top
    assert all((PKG / s / "__init__.py").exists() for s in STAGES)
