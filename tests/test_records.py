"""Record validation is real: bad evidence, types and values are rejected with a reason."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from bantin.extractors.base import Mention
from bantin.pipeline.records.schema import DateRecord, MoneyRecord, validate_record
from bantin.pipeline.run.article import mentions_to_records
from bantin.pipeline.text.document import build_document

ARTICLE = "Tổng kinh phí 670 triệu đồng, ngày 31/3/2023."


def money(**over: Any) -> dict[str, Any]:
    data = {
        "record_id": "r1",
        "article_id": "a1",
        "kind": "money",
        "text": "670 triệu đồng",
        "start": 14,
        "end": 28,
        "sentence": ARTICLE,
        "amount": 670_000_000,
        "qualifier": "exact",
    }
    data.update(over)
    return data


def date(**over: Any) -> dict[str, Any]:
    data = {
        "record_id": "r2",
        "article_id": "a1",
        "kind": "date",
        "text": "31/3/2023",
        "start": 35,
        "end": 44,
        "sentence": ARTICLE,
        "date_from": "2023-03-31",
        "date_to": "2023-03-31",
        "granularity": "day",
    }
    data.update(over)
    return data


def test_good_records_validate() -> None:
    assert isinstance(validate_record(money(), ARTICLE), MoneyRecord)
    record = validate_record(date(), ARTICLE)
    assert isinstance(record, DateRecord)
    assert record.date_from.isoformat() == "2023-03-31"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (money(start=15, end=29), "evidence mismatch"),
        (money(text="670 triệu đồng."), "length"),
        (money(start=28, end=14), "reversed span"),
        (money(amount=-5), "greater than or equal to 0"),
        (money(amount=6.7e8), "valid integer"),
        (money(amount="670 triệu"), "valid integer"),
        (money(currency="USD"), "'VND'"),
        (money(qualifier="roughly"), "qualifier"),
        (money(kind="salary"), "tag"),
        (money(extra_field=1), "Extra inputs"),
        (money(text=""), "at least 1 character"),
        (money(sentence="Một câu khác."), "sentence does not contain"),
        (date(date_from="2023-02-30", date_to="2023-02-30"), "date"),
        (date(date_from="31/3/2023"), "date"),
        (date(date_from="2023-04-01"), "after date_to"),
        (date(granularity="week"), "granularity"),
    ],
    ids=[
        "shifted-offsets", "text-longer-than-span", "reversed-span", "negative-amount", "float-amount",
        "string-amount", "currency", "qualifier", "unknown-kind", "extra-field", "empty-text",
        "foreign-sentence", "impossible-date", "non-iso-date", "reversed-range", "granularity",
    ],
)  # fmt: skip
def test_bad_records_are_rejected(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_record(data, ARTICLE)
    assert message in str(info.value)


def test_pipeline_reports_a_failing_mention_instead_of_writing_it() -> None:
    document = build_document("t.txt", ARTICLE)
    good = Mention("money", 14, 28, {"amount": 670_000_000, "qualifier": "exact"})
    bad = Mention("money", 14, 28, {"amount": -1, "qualifier": "exact"})
    result = mentions_to_records(document, "money", [good, bad])
    assert [r["amount"] for r in result.records] == [670_000_000]
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error["stage"] == "validate"
    assert error["kind"] == "money"
    assert "amount" in error["reason"]
    assert error["record"]["amount"] == -1


def test_record_ids_are_stable_and_distinct() -> None:
    document = build_document("t.txt", ARTICLE)
    mentions = [
        Mention("money", 14, 28, {"amount": 670_000_000, "qualifier": "exact"}),
        Mention("date", 35, 44, {"date_from": "2023-03-31", "date_to": "2023-03-31", "granularity": "day"}),
    ]
    first = [r["record_id"] for m in mentions for r in mentions_to_records(document, m.kind, [m]).records]
    again = [r["record_id"] for m in mentions for r in mentions_to_records(document, m.kind, [m]).records]
    assert first == again
    assert len(set(first)) == 2


def test_whole_counts_are_written_as_integers() -> None:
    from bantin.pipeline.records.schema import CountRecord, MeasureRecord

    base = {"record_id": "r", "article_id": "a", "start": 0, "sentence": ""}
    count = CountRecord(**base, text="40 hộ", end=5, value=40.0, unit="hộ")
    measure = MeasureRecord(**base, text="2,5 tấn", end=7, value=2.5, unit="tấn", si_value=2500.0, si_unit="kg")
    assert '"value":40,' in count.model_dump_json()
    assert '"value":2.5,' in measure.model_dump_json() and '"si_value":2500,' in measure.model_dump_json()
