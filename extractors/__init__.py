"""Extractors: one small module per kind, each a pure function of a Document.

Every module exposes `KIND` and `extract(document) -> list[Mention]`. The
registry below is the list the pipeline runs, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from bantin.extractors.base import Mention
from bantin.pipeline.text.document import Document

Extractor = Callable[[Document], list[Mention]]

# Module names under `extractors`, in the order they run.
EXTRACTOR_MODULES: tuple[str, ...] = (
    "date", "unit", "official", "campaign", "model", "money", "count", "measure",
)  # fmt: skip


def registry() -> dict[str, Extractor]:
    """Kind → extract function for every registered extractor."""
    out: dict[str, Extractor] = {}
    for name in EXTRACTOR_MODULES:
        module = import_module(f"bantin.extractors.{name}")
        out[module.KIND] = module.extract
    return out
