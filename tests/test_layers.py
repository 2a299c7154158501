"""The folders are the flow: a stage imports only the stages before it, and no packages form a cycle.

Stages, first to last: text → ingest, gazetteer, records (the schema every later stage
reads: the kinds and their fields) → extractors → outputs → run → check, database → cli. Read from the source with `ast`, so a new import that turns the flow
back (the text layer importing an extractor, the gazetteer importing the pipeline's run) fails here.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each unit may import itself and the units listed for it (transitively closed below).
ALLOWED: dict[str, set[str]] = {
    "pipeline.text": set(),
    "pipeline.ingest": {"pipeline.text"},
    "gazetteer": {"pipeline.text"},
    "pipeline.records": {"pipeline.text"},
    "extractors": {"pipeline.text", "gazetteer", "pipeline.records"},
    "pipeline.outputs": {"pipeline.records"},
    "pipeline.run": {"pipeline.ingest", "extractors", "pipeline.outputs"},
    "pipeline.check": {"pipeline.run"},
    "pipeline.database": {"pipeline.outputs", "gazetteer"},
    "pipeline.cli": {"pipeline.check", "pipeline.database"},
}


def closure(unit: str) -> set[str]:
    seen: set[str] = set()
    todo = [unit]
    while todo:
        for dep in ALLOWED[todo.pop()]:
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def unit_of(module: str) -> str | None:
    """`bantin.pipeline.text.spans` → `pipeline.text`; `bantin.extractors.unit` → `extractors`."""
    parts = module.split(".")
    if parts[0] != "bantin" or len(parts) < 2:
        return None
    if parts[1] == "pipeline":
        return "pipeline." + parts[2].removesuffix(".py") if len(parts) > 2 else "pipeline"
    return parts[1]


def source_files() -> list[tuple[str, Path]]:
    out = []
    for top in ("pipeline", "extractors", "gazetteer"):
        for path in sorted((ROOT / top).rglob("*.py")):
            module = "bantin." + ".".join(path.relative_to(ROOT).with_suffix("").parts)
            out.append((module.removesuffix(".__init__"), path))
    return out


def imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    return found


def test_every_unit_has_a_place_in_the_flow() -> None:
    units = {unit_of(module) for module, _ in source_files()} - {None, "pipeline"}
    assert units == set(ALLOWED)


@pytest.mark.parametrize(("module", "path"), source_files(), ids=lambda v: str(v))
def test_a_stage_imports_only_earlier_stages(module: str, path: Path) -> None:
    unit = unit_of(module)
    if unit == "pipeline":
        assert not [m for m in imports(path) if m.startswith("bantin")]
        return
    assert unit is not None
    allowed = closure(unit) | {unit}
    wrong = [m for m in imports(path) if unit_of(m) not in (None, *allowed)]
    assert not wrong, f"{module} imports {wrong}, outside {sorted(allowed)}"


def test_the_install_names_only_bantin(tmp_path: Path) -> None:
    """Outside the checkout, `bantin.pipeline` imports and no top-level `pipeline` comes from here."""
    probe = (
        "import importlib.util as u, json;"
        "print(json.dumps({n: (s.origin if (s := u.find_spec(n)) else None)"
        " for n in ('bantin.pipeline.cli', 'pipeline', 'extractors', 'gazetteer')}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    origins = json.loads(out.stdout)
    assert origins["bantin.pipeline.cli"] == str(ROOT / "pipeline" / "cli.py")
    for name in ("pipeline", "extractors", "gazetteer"):
        assert origins[name] is None or not origins[name].startswith(str(ROOT)), name
