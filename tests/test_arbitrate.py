"""The registry's order, derived from each extractor's NEEDS, and the arbitration between kinds."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bantin.extractors import EXTRACTOR_MODULES, Extractor, find_all, registry, run_order
from bantin.extractors import count as count_extractor
from bantin.extractors.arbitrate import YIELDS, arbitrate
from bantin.extractors.base import Mention
from bantin.pipeline.ingest.inputs import InputItem, read_item
from bantin.pipeline.run.article import process_document
from bantin.pipeline.text.document import build_document

ROOT = Path(__file__).resolve().parent.parent


def test_the_registry_runs_each_kind_after_what_it_needs() -> None:
    extractors = registry()
    assert list(extractors) == ["date", "unit", "campaign", "count", "measure", "model", "money", "official"]
    assert {kind: e.needs for kind, e in extractors.items()} == {
        "date": (),
        "unit": ("date",),
        "campaign": ("date", "unit"),
        "count": ("date", "unit"),
        "measure": (),
        "model": ("campaign",),
        "money": (),
        "official": ("unit",),
    }


@pytest.mark.parametrize(
    ("needs", "order"),
    [
        ({"b": ["a"], "a": []}, ["a", "b"]),
        ({"c": ["b"], "b": ["a"], "a": []}, ["a", "b", "c"]),
        ({"z": [], "y": [], "x": ["z"]}, ["z", "x", "y"]),  # ties by name, needs first
    ],
)
def test_run_order(needs: dict[str, list[str]], order: list[str]) -> None:
    assert run_order(needs) == order


@pytest.mark.parametrize(
    ("needs", "message"),
    [
        ({"a": ["b"], "b": ["a"]}, "cycle: a → b → a"),
        ({"a": ["a"]}, "cycle: a → a"),
        ({"a": ["c"], "b": ["a"], "c": ["b"]}, "cycle: a → c → b → a"),
        ({"a": ["nowhere"]}, "'a' needs unknown kinds \\['nowhere'\\]"),
    ],
)
def test_a_cycle_or_an_unknown_need_fails_loudly(needs: dict[str, list[str]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        run_order(needs)


def test_an_extractor_sees_only_the_kinds_it_declares() -> None:
    reads_date = Extractor("sneaky", (), lambda document, found: list(found["date"]))
    document = build_document("a.txt", "Tin phường\n\nNgày 12/7/2023 họp.")
    with pytest.raises(KeyError):
        reads_date(document, {"date": []})


def _kind_modules() -> list[Path]:
    return [ROOT / "extractors" / f"{name}.py" for name in sorted(EXTRACTOR_MODULES)]


@pytest.mark.parametrize("path", _kind_modules(), ids=lambda p: p.stem)
def test_no_extractor_runs_another_kind(path: Path) -> None:
    """What another kind found comes through `found`; importing its module whole, its `extract` or a
    `find_*` would hide a dependency the registry does not see."""
    wrong = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bantin.extractors"):
            module = node.module.rsplit(".", 1)[-1]
            for alias in node.names:
                if node.module == "bantin.extractors" and alias.name in EXTRACTOR_MODULES:
                    wrong.append(alias.name)
                elif module in EXTRACTOR_MODULES and (alias.name == "extract" or alias.name.startswith("find_")):
                    wrong.append(f"{module}.{alias.name}")
    assert not wrong


TEXT = "Ngày 12/7/2023, 120 hộ phường 6 và 5 đội dự, từ 20/8/2024 đến 15/8/2024."


def _at(kind: str, evidence: str, core: str | None = None, *, recorded: bool = True) -> Mention:
    start = TEXT.index(evidence)
    span = None if core is None else (TEXT.index(core, start), TEXT.index(core, start) + len(core))
    return Mention(kind, start, start + len(evidence), core=span, recorded=recorded)


# Two mentions found, which of them the arbitration keeps (kind, evidence).
CASES: list = [
    pytest.param(
        _at("date", "12/7/2023"), _at("count", "12/7", "12"), [("date", "12/7/2023")], id="a-date-s-digits-count-nothing"
    ),
    pytest.param(
        _at("unit", "phường 6"), _at("count", "6 và 5 đội", "6"), [("unit", "phường 6")], id="a-unit-s-number-counts-nothing"
    ),
    pytest.param(
        _at("unit", "phường 6"),
        _at("count", "120 hộ phường", "120"),
        [("unit", "phường 6"), ("count", "120 hộ phường")],
        id="a-count-whose-noun-runs-into-a-unit-keeps-its-number",
    ),
    pytest.param(
        _at("date", "20/8/2024 đến 15/8/2024", recorded=False),
        _at("count", "20/8", "20"),
        [],
        id="an-inverted-range-makes-no-record-and-counts-nothing",
    ),
    pytest.param(
        _at("date", "12/7/2023"),
        _at("unit", "12/7"),
        [("date", "12/7/2023"), ("unit", "12/7")],
        id="no-rule-between-date-and-unit-keeps-both",
    ),
    pytest.param(
        _at("money", "120 hộ"),
        _at("count", "120 hộ", "120"),
        [("money", "120 hộ"), ("count", "120 hộ")],
        id="money-and-count-are-parted-by-grammar-not-here",
    ),
]


@pytest.mark.parametrize(("first", "second", "kept"), CASES)
def test_arbitration(first: Mention, second: Mention, kept: list[tuple[str, str]]) -> None:
    found = {first.kind: [first]} | {second.kind: [second]}
    survivors = [(kind, TEXT[m.start : m.end]) for kind, ms in arbitrate(found).items() for m in ms]
    assert survivors == kept


def test_every_loser_and_winner_is_a_kind() -> None:
    kinds = set(registry())
    assert set(YIELDS) <= kinds
    assert {w for winners in YIELDS.values() for w in winners} <= kinds


SENTENCES = [
    ("Khu phố 5 và 7 đăng ký 30 hộ tham gia.", ["30 hộ"], "unit-numbers"),
    ("Ngày 12/7/2023, 120 hộ tham gia.", ["120 hộ"], "a-day"),
    ("Đợt 1 diễn ra từ 20/8/2024 đến 15/8/2024 với 5 đội.", ["5 đội"], "inverted-range"),
    ("Có 120 hộ phường 6 tham gia.", ["120 hộ phường"], "noun-runs-into-a-unit"),
    # Real bulletins (corpus/real): a year of a term, a unit's number before another unit or a verb.
    ("Đại hội đã bầu Ban Chấp hành hội khóa VII, nhiệm kỳ 2017-2022 gồm 09 đồng chí.", ["09 đồng chí"], "term"),
    ("Trao 80 suất quà cho hộ gia đình có hoàn cảnh khó khăn tại buôn Tung 3 xã Buôn Triết.", ["80 suất quà"], "buon"),
    ("Mô hình 3 ha cây ăn quả của ông Nguyễn Văn An thôn 2 bước đầu cho kết quả tốt.", [], "thon-then-verb"),
]


@pytest.mark.parametrize(("sentence", "counts"), [pytest.param(s, c, id=i) for s, c, i in SENTENCES])
def test_counts_after_arbitration(sentence: str, counts: list[str]) -> None:
    text = "Tin phường\n\n" + sentence
    assert [text[m.start : m.end] for m in find_all(build_document("a.txt", text), ["count"])["count"]] == counts


# Real bulletins where a date's or a unit's digits read as a count when count does not skip them.
SKIPPING = [ROOT / "corpus" / "real" / "articles" / f"{name}.txt" for name in ("r10", "r14", "r22")]


@pytest.mark.parametrize("path", SKIPPING, ids=lambda p: p.stem)
def test_counts_skip_early_only_what_the_arbitration_drops(path: Path) -> None:
    """Count reads dates and units only to spare work: without them, the arbitration keeps the same counts."""
    raw = read_item(InputItem(str(path)))
    document = build_document(raw.source, raw.text, title=raw.title, published=raw.published)
    found: dict[str, list[Mention]] = {}
    for kind, extract in registry().items():
        found[kind] = extract(document, found)
    unskipped = count_extractor.extract(document, {"date": [], "unit": []})
    assert len(unskipped) > len(found["count"])  # the samples have counts on dates' and units' digits
    assert arbitrate({**found, "count": unskipped})["count"] == arbitrate(found)["count"]


def test_an_extractor_whose_need_failed_is_reported_not_run() -> None:
    def broken(document: object, found: object) -> list[Mention]:
        raise RuntimeError("boom")

    extractors = registry()
    extractors["date"] = Extractor("date", (), broken)
    document = build_document("a.txt", "Tin phường\n\nNgày 12/7/2023, phường 6 có 120 hộ tham gia.")
    result = process_document(document, extractors)
    reasons = {e["kind"]: e["reason"] for e in result.errors}
    assert reasons == {
        "date": "date extractor failed: RuntimeError: boom",
        "unit": "unit extractor failed: RuntimeError: needs date, which failed",
        "campaign": "campaign extractor failed: RuntimeError: needs date, unit, which failed",
        "count": "count extractor failed: RuntimeError: needs date, unit, which failed",
        "model": "model extractor failed: RuntimeError: needs campaign, which failed",
        "official": "official extractor failed: RuntimeError: needs unit, which failed",
    }
    assert {r["kind"] for r in result.records} <= {"money", "measure"}


def test_every_kind_of_the_schema_has_its_extractor() -> None:
    from bantin.pipeline.records.schema import KINDS

    assert set(registry()) == set(KINDS) == EXTRACTOR_MODULES
