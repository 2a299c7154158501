"""Extractors: one small module per kind, each a pure function of a Document and what it needs.

Every module exposes `KIND`, `NEEDS` (the kinds whose mentions it reads while finding its own,
e.g. `("date", "unit")`) and `extract(document, found) -> list[Mention]`, where `found` maps
each needed kind to the mentions that kind found (unarbitrated, `recorded=False` ones included).
That is the only way one kind learns what another found: no extractor imports another to run
it. Shared grammar is imported as plain functions of the text (the number grammar in base.py,
`money_end`, `counted_phrase`, `person_name`, the nationwide campaign names) and finds nothing.

The registry derives the run order from the declared needs (a kind runs after every kind it
needs; a cycle fails loudly). After every extractor the arbitration step
(extractors/arbitrate.py) drops the mentions that lose an overlap to a higher-priority kind:
`find_all` runs both, as does the pipeline (pipeline/run/article.py, with error capture).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from bantin.extractors.arbitrate import YIELDS, arbitrate
from bantin.extractors.base import Findings, Mention
from bantin.pipeline.records.schema import KINDS
from bantin.pipeline.text.document import Document

# One module under `extractors` per kind of the record schema, named after it; the order they
# run in is derived (`run_order`).
EXTRACTOR_MODULES: frozenset[str] = frozenset(KINDS)


@dataclass(frozen=True)
class Extractor:
    """One kind's extractor: called with the document and everything found so far, it sees only
    the kinds it declares in `needs`."""

    kind: str
    needs: tuple[str, ...]
    find: Callable[[Document, Findings], list[Mention]]

    def __call__(self, document: Document, found: Findings) -> list[Mention]:
        return self.find(document, {kind: found[kind] for kind in self.needs})


def run_order(needs: Mapping[str, Iterable[str]]) -> list[str]:
    """The kinds in an order where each comes after every kind it needs (ties by name).

    Raises ValueError on a need no kind answers or on a cycle, naming it.
    """
    for kind, wanted in needs.items():
        unknown = sorted(set(wanted) - set(needs))
        if unknown:
            raise ValueError(f"extractor {kind!r} needs unknown kinds {unknown}")
    order: list[str] = []
    state: dict[str, str] = {}  # "visiting" while its needs are ordered, then "done"

    def visit(kind: str, path: list[str]) -> None:
        if state.get(kind) == "done":
            return
        if state.get(kind) == "visiting":
            cycle = [*path[path.index(kind) :], kind]
            raise ValueError(f"extractor needs form a cycle: {' → '.join(cycle)}")
        state[kind] = "visiting"
        for need in sorted(needs[kind]):
            visit(need, [*path, kind])
        state[kind] = "done"
        order.append(kind)

    for kind in sorted(needs):
        visit(kind, [])
    return order


@cache
def _extractors() -> tuple[Extractor, ...]:
    modules = [import_module(f"bantin.extractors.{name}") for name in EXTRACTOR_MODULES]
    by_kind = {m.KIND: Extractor(m.KIND, tuple(m.NEEDS), m.extract) for m in modules}
    return tuple(by_kind[kind] for kind in run_order({k: e.needs for k, e in by_kind.items()}))


def registry() -> dict[str, Extractor]:
    """Kind → extractor for every registered extractor, in the order they must run."""
    return {e.kind: e for e in _extractors()}


def _with_requirements(kinds: Iterable[str], extractors: Mapping[str, Extractor]) -> set[str]:
    """The kinds, those they need and those they give way to in the arbitration, transitively."""
    todo, out = list(kinds), set[str]()
    while todo:
        kind = todo.pop()
        if kind not in out:
            out.add(kind)
            todo += [*extractors[kind].needs, *YIELDS.get(kind, ())]
    return out


def find_all(
    document: Document,
    kinds: Iterable[str] | None = None,
    *,
    extractors: Mapping[str, Extractor] | None = None,
    on_error: Callable[[str, Exception], None] | None = None,
) -> dict[str, list[Mention]]:
    """The arbitrated mentions of `kinds` (every kind when None) in one document: each extractor run
    in the registry's order (only those the kinds require), then the arbitration step.

    With `on_error`, an extractor that raises is reported to it and its kind left out, as is a kind
    whose need failed; without, the exception propagates.
    """
    extractors = registry() if extractors is None else extractors
    wanted = list(extractors) if kinds is None else list(kinds)
    run = _with_requirements(wanted, extractors)
    found: dict[str, list[Mention]] = {}
    for kind, extractor in extractors.items():
        if kind not in run:
            continue
        try:
            missing = [need for need in extractor.needs if need not in found]
            if missing:
                raise RuntimeError(f"needs {', '.join(missing)}, which failed")
            found[kind] = extractor(document, found)
        except Exception as exc:
            if on_error is None:
                raise
            on_error(kind, exc)
    arbitrated = arbitrate(found)
    return {kind: arbitrated[kind] for kind in wanted if kind in arbitrated}
