"""The house rules of helpers/ (issue 14), checked on the source: one job per module, short
functions, no private names across modules, and lower layers that never import upper ones."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HELPERS = Path(__file__).resolve().parent.parent / "helpers"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60  # the whole def, docstring included
# The pipeline, bottom up: a module imports its own layer or those below it, never one above.
LAYERS = (
    ("base", ("paths", "arrays", "parallel", "nltk_data", "tables", "wording", "outputs", "wordlists", "versions",
              "lazy")),
    ("clean", ("clean",)),
    ("corpus", ("corpus",)),
    ("text", ("text", "quote_spans")),
    ("analyses", ("actors", "actors_auto", "attention", "events", "overview", "quotes", "profiles", "terms",
                  "sentiment", "overlap", "facts", "groups")),
    ("words and pictures", ("display", "plots", "explorer")),
    ("report", ("report",)),
)
RANK = {name: rank for rank, (_, names) in enumerate(LAYERS) for name in names}


def modules() -> list[Path]:
    return sorted(HELPERS.rglob("*.py"))


def top_name(path: Path) -> str:
    """``helpers/terms/counting.py`` -> ``terms``; ``helpers/clean.py`` -> ``clean``."""
    parts = path.relative_to(HELPERS).with_suffix("").parts
    return parts[0]


def imported_modules(tree: ast.AST, path: Path) -> list[tuple[str, list[str]]]:
    """(top-level helpers module, names) for each ``from helpers.X``/``from .X`` import."""
    out = []
    depth = len(path.relative_to(HELPERS).parts) - 1
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: .x from helpers/, ..x from helpers/pkg/
                if node.level - 1 > depth:
                    continue
                base = list(path.relative_to(HELPERS).parts[: depth - (node.level - 1)])
                full = [*base, *module.split(".")] if module else base
            elif module.startswith("helpers."):
                full = module.split(".")[1:]
            else:
                continue
            if full:
                out.append((full[0], [a.name for a in node.names]))
    return out


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(HELPERS).as_posix())
def test_module_is_short_and_documented(path):
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES, f"{path.name}: {source.count(chr(10))} lines"
    tree = ast.parse(source)
    assert ast.get_docstring(tree), f"{path.name} has no docstring saying its one job"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(HELPERS).as_posix())
def test_no_private_name_crosses_modules_and_layers_point_down(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{a.name}" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        for a in node.names if a.name.startswith("_") and not a.name.startswith("__")
    ]
    assert not private, f"private names imported: {private}"
    if top_name(path) == "__init__":  # helpers/__init__.py: the package docstring only
        return
    own = RANK[top_name(path)]
    upward = sorted({m for m, _ in imported_modules(tree, path) if RANK[m] > own})
    assert not upward, f"{path.name} (layer {LAYERS[own][0]!r}) imports {upward}, from layers above it"


def test_every_module_has_a_layer():
    tops = {top_name(p) for p in modules()} - {"__init__"}
    assert tops <= set(RANK), f"modules in no layer of LAYERS: {sorted(tops - set(RANK))}"


def test_the_checks_see_a_violation(tmp_path):
    """The import walker finds a lower layer importing an analysis (so the test above can fail)."""
    fake = HELPERS / "text" / "x.py" if (HELPERS / "text").is_dir() else HELPERS / "x.py"
    tree = ast.parse("from ..quotes import extract_quotes\nfrom .quotes import y\n")
    found = {m for m, _ in imported_modules(tree, fake)}
    assert "quotes" in found
    assert RANK["quotes"] > RANK["text"] and RANK["display"] > RANK["overlap"]
