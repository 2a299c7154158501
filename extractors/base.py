"""What an extractor returns: a Mention, the evidence span plus the kind's own fields.

The pipeline turns mentions into validated records (ids, `text`, `sentence`),
drops those in page furniture, and reports those that fail validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import regex

from pipeline.document import Document
from pipeline.numbers import NUMERAL, Quantity, find_quantities, parse_numeral
from pipeline.spans import Span


@dataclass(frozen=True)
class Mention:
    kind: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


def sentence_quantities(document: Document, sentence: Span) -> list[Quantity]:
    """The number phrases of one sentence, read once and shared by the money and count extractors."""
    return document.memo(
        f"quantities:{sentence.start}:{sentence.end}",
        lambda: find_quantities(document.text, sentence.start, sentence.end),
    )


def number_value(value: Decimal) -> int | float:
    """A record's number: an int when whole ("06" → 6), else a float ("11,5" → 11.5)."""
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass(frozen=True)
class Bound:
    """One number of a count or measure: a lone number, or one bound of a range ("50-60 cử tri").

    `unit_from` is where what it counts begins (after the range's last number), `evidence_start`
    where its evidence begins (the first bound's evidence covers the whole range, as the guideline
    asks), and `qualifier` is the range's, shared by both bounds ("khoảng 50-60" → about, about).
    """

    quantity: Quantity
    unit_from: int
    evidence_start: int
    qualifier: str


# "50-60", "60 – 70": a dash and a second number make a range, unless a date or an identifier
# goes on after it ("9-12/10", "1-2-3").
_RANGE_TAIL = regex.compile(rf"[ \t]*[-–][ \t]*(?P<num>{NUMERAL})(?![\d/.,:-])", regex.VERSION1)


def quantities_with_ranges(document: Document, sentence: Span) -> list[Bound]:
    """The sentence's numbers, each range read as its two bounds."""
    text = document.text
    out: list[Bound] = []
    covered = -1  # where the last range's second number ends: "50 - 60" reads 60 once
    for q in sentence_quantities(document, sentence):
        if q.start < covered:
            continue
        tail = None if q.has_scale else _RANGE_TAIL.match(text, q.end, sentence.end)
        high = parse_numeral(tail["num"]) if tail else None
        if tail is None or high is None or high <= q.value or text[q.start - 1 : q.start] in ("/", "-"):
            out.append(Bound(q, q.end, q.qualifier_start, q.qualifier))
            continue
        second = Quantity(tail.start("num"), tail.end("num"), high, q.qualifier, tail.start("num"), False)
        out.append(Bound(q, second.end, q.qualifier_start, q.qualifier))
        out.append(Bound(second, second.end, second.start, q.qualifier))
        covered = second.end
    return out
