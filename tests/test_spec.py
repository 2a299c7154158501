"""One spec per kind: the record models say everything per kind, and every later stage derives it.

A field declared on a model appears in the database columns, the Parquet schema and the audit's
comparison; a kind's `key_fields` make the evaluation key, which must stay the shared scorer's.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar, Literal

import pyarrow as pa
import pytest
from pydantic import Field

from bantin.pipeline.check import audit, evaluate
from bantin.pipeline.database.load import COLUMNS, TABLE, LoadError, load, parse_target, record_columns
from bantin.pipeline.outputs.readers import OutputsError, read_jsonl
from bantin.pipeline.outputs.writers import arrow_schema
from bantin.pipeline.records import roles, schema
from bantin.pipeline.records.schema import KINDS, PLURAL, RECORD_TYPE_BY_KIND, CountRecord, Match, RecordBase

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


class PrizeRecord(RecordBase):
    """A kind made up for the tests: every stage must take it from its model alone."""

    plural = "prizes"
    key_fields: ClassVar[dict[str, Match]] = {"name": "loose", "rank": "number"}
    value_fields = ("rank", "name")

    kind: Literal["prize"] = "prize"
    name: str
    rank: int | None = None
    awarded: dt.date | None = None
    winners: list[str] = Field(default_factory=list)
    share: float | int = 0


class CountWithPage(CountRecord):
    """A kind's model with one field more: the field shows up everywhere, after the others."""

    page: int | None = None


def prize(**extra: Any) -> dict[str, Any]:
    row = {"record_id": "p1", "article_id": "a1", "kind": "prize", "text": "giải Nhất", "start": 0, "end": 9}
    return {**row, "sentence": "giải Nhất", "name": "Nhất", "rank": 1, **extra}


def test_kinds_come_from_the_discriminated_union() -> None:
    assert KINDS == ("date", "unit", "official", "campaign", "model", "money", "count", "measure")
    assert tuple(m.model_fields["kind"].default for m in schema.RECORD_TYPES) == KINDS
    assert TABLE == PLURAL == {kind: RECORD_TYPE_BY_KIND[kind].plural for kind in KINDS}
    assert roles.AMOUNT_KINDS == ("money", "count", "measure")
    assert audit.UNIT_KINDS == ("count", "measure")


def test_a_new_field_becomes_a_column_of_its_type() -> None:
    assert record_columns(PrizeRecord) == [
        ("name", "TEXT"),
        ("rank", "BIGINT"),
        ("awarded", "DATE"),
        ("winners", "TEXT[]"),
        ("share", "DOUBLE PRECISION"),
    ]
    assert record_columns(CountWithPage) == [*COLUMNS["count"], ("page", "BIGINT")]


def test_a_new_field_is_in_the_parquet_schema() -> None:
    fields = {f.name: f.type for f in arrow_schema(PrizeRecord)}
    assert list(fields)[-5:] == ["kind", "name", "rank", "awarded", "winners", "share"][1:]
    assert fields["rank"] == pa.int64() and fields["awarded"] == pa.date32()
    assert fields["winners"] == pa.list_(pa.string()) and fields["share"] == pa.float64()
    assert arrow_schema(CountWithPage).names == [*arrow_schema(CountRecord).names, "page"]


def test_the_columns_of_every_kind_keep_their_types() -> None:
    types = {(kind, c): t for kind, columns in COLUMNS.items() for c, t in columns}
    assert types[("money", "amount")] == "BIGINT"
    assert types[("count", "value")] == types[("measure", "si_value")] == "DOUBLE PRECISION"
    assert types[("date", "date_from")] == "DATE" and types[("date", "year_inferred")] == "BOOLEAN"
    assert types[("unit", "code_2025")] == "TEXT[]" and types[("unit", "candidates")] == "BIGINT"
    assert types[("official", "honorific")] == types[("measure", "si_unit")] == "TEXT"


def test_a_new_field_is_compared_by_the_audit() -> None:
    assert audit._differences(prize(winners=["A"]), prize(winners=["B"])) == [
        "winners: stored ['A'], evidence says ['B']"
    ]
    assert audit._differences(prize(), prize()) == []


def test_the_value_fields_are_the_audit_evidence_and_the_key_fields_the_eval_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(RECORD_TYPE_BY_KIND, "prize", PrizeRecord)
    evidence = audit._evidence(prize(awarded="2024-01-01"))
    assert list(evidence)[-2:] == ["rank", "name"] and "awarded" not in evidence
    assert evaluate.key("prize", prize(name="NHẤT!")) == (evaluate.loose("nhất"), 1.0)
    assert evaluate.same("prize", prize(name="nhất"), prize())
    assert not evaluate.same("prize", prize(rank=2), prize())
    assert not evaluate.same("prize", prize(rank=None), prize(rank=None))  # no number matches nothing


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("kind: Literal['x'] = 'x'", "does not declare `plural`"),
        (
            "plural = 'xs'\n    key_fields = {'nam': 'loose'}\n    value_fields = ()\n"
            "    kind: Literal['x'] = 'x'\n    name: str",
            r"names fields it does not have: \['nam'\]",
        ),
    ],
)
def test_a_spec_slip_fails_at_import(body: str, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        exec(f"class X(RecordBase):\n    {body}\n", {"RecordBase": RecordBase, "Literal": Literal})


def _scorer() -> ModuleType:
    if not SCORER.exists():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_eval_key_and_match_are_the_scorers(corpus_out: Path) -> None:
    score = _scorer()
    assert list(KINDS) == score.KINDS and score.GOLD_KEY == PLURAL
    gold = [
        json.loads(p.read_text(encoding="utf-8"))
        for folder in (
            "corpus/gold", "corpus/real/gold", "corpus/heldout/gold", "corpus/pages/gold", "corpus/fresh/gold",
            "corpus/fresh2/gold",
        )
        for p in sorted((ROOT / folder).glob("*.json"))
    ]
    records = read_jsonl(corpus_out / "records.jsonl")
    for kind in KINDS:
        entries = [e for g in gold for e in g.get(PLURAL[kind]) or []]
        # Records of the sample run, and every gold entry written as a record (a gold date's from/to
        # are a record's date_from/date_to), so that every kind has matches and misses.
        predicted = [r for r in records if r["kind"] == kind]
        predicted += [
            {**e, "date_from": e.get("from"), "date_to": e.get("to")} if kind == "date" else e
            for e in entries[::3]
        ]
        assert entries and predicted, kind
        for entry in [*entries, *predicted]:
            theirs = score.key(kind, entry)
            assert evaluate.key(kind, entry) == (theirs if isinstance(theirs, tuple) else (theirs,))
        for g in entries[:150]:
            for p in predicted:
                assert evaluate.same(kind, g, p) == score.same(kind, g, p), (kind, g, p)


def test_a_unit_is_read_as_the_scorer_reads_it() -> None:
    assert not evaluate.same("measure", {"value": 53, "unit": "m²"}, {"value": 53, "unit": "m"})
    assert evaluate.same("measure", {"value": 53, "unit": "m²"}, {"value": 53.0, "unit": "M² đất"})


def test_one_reader_for_the_outputs(tmp_path: Path) -> None:
    with pytest.raises(OutputsError, match=r"not found: is .* the output folder"):
        read_jsonl(tmp_path / "articles.jsonl")
    (tmp_path / "articles.jsonl").write_text('{"a": 1}\n\n{"b": 2}\n', encoding="utf-8")
    assert read_jsonl(tmp_path / "articles.jsonl") == [{"a": 1}, {"b": 2}]
    (tmp_path / "records.jsonl").write_text('{"a": 1}\n{oops\n', encoding="utf-8")
    with pytest.raises(OutputsError, match=r"records\.jsonl:2: not JSON"):
        read_jsonl(tmp_path / "records.jsonl")
    with pytest.raises(audit.AuditInputError, match=r"records\.jsonl:2: not JSON"):
        audit.load_outputs(tmp_path)
    with pytest.raises(LoadError, match=r"articles\.jsonl:1: bad article"):
        load(tmp_path, parse_target(str(tmp_path / "x.duckdb"), tmp_path))
    with pytest.raises(ValueError, match=r"records\.jsonl:2: not JSON"):
        evaluate.evaluate(tmp_path, tmp_path)
