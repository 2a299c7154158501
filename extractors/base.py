"""What an extractor returns: a Mention, the evidence span plus the kind's own fields.

The pipeline turns mentions into validated records (ids, `text`, `sentence`),
drops those in page furniture, and reports those that fail validation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

import regex

from bantin.extractors.numbers import NUMERAL, Quantity, find_quantities, number_at
from bantin.pipeline.text.document import Document
from bantin.pipeline.text.spans import Span


@dataclass(frozen=True)
class Mention:
    """One thing of one kind in the text: `start:end` is its evidence, `fields` its record's own fields.

    `core` is the part of the evidence the mention claims where kinds overlap (a count's number, not
    the noun after it); the whole evidence when None. `recorded` is False for text that is this
    kind's but makes no record: other kinds still see it and give way to it (extractors/arbitrate.py),
    and the arbitration drops it.
    """

    kind: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)
    core: tuple[int, int] | None = None
    recorded: bool = True


# What the extractors run before one found in the document, by kind: the channel through which an
# extractor reads the kinds it declares it needs (its module's NEEDS), unfiltered by arbitration.
Findings = Mapping[str, Sequence[Mention]]


def sentence_quantities(document: Document, sentence: Span) -> list[Quantity]:
    """The number phrases of one sentence, read once and shared by the money and count extractors."""
    return document.memo(
        f"quantities:{sentence.start}:{sentence.end}",
        lambda: find_quantities(document.text, sentence.start, sentence.end),
    )


def number_value(value: Decimal) -> int | float:
    """A record's number: an int when whole ("06" → 6), else a float ("11,5" → 11.5)."""
    return int(value) if value == value.to_integral_value() else float(value)


class Bound(NamedTuple):
    """One number of a count, measure or amount: a lone number, or one bound of a range
    ("50-60 cử tri", "1,5 - 4,8 triệu đồng", "từ 2 đến 3 hộ"). A named tuple, as `Quantity`.

    `last` is the range's last number (the quantity itself when alone): what follows it is what
    both bounds count. `evidence_start` is where the bound's evidence begins (the first bound's
    covers the whole range, as the guideline asks), and `qualifier` is the range's, shared by both
    bounds ("khoảng 50-60" → about, about). The first bound takes the last's scale words: "1,5 -
    4,8 triệu" is 1,5 triệu.
    """

    quantity: Quantity
    last: Quantity
    evidence_start: int
    qualifier: str

    @property
    def noun_from(self) -> int:
        """Where what the number counts begins."""
        return self.last.end


# "50-60", "60 – 70", "từ 2 đến 3": a dash or "đến" and a second number make a range, unless a
# date or an identifier goes on after it ("9-12/10", "1-2-3").
_RANGE_TAIL = regex.compile(
    rf"(?:[ \t]*[-–][ \t]*|\s+(?:đến|tới)\s+)(?P<num>{NUMERAL})(?![\d/.,:-])",
    regex.IGNORECASE | regex.VERSION1,
)


# A range written in two scales spans less than this factor: "từ 5 đến 3 triệu" is no range.
_MAX_RANGE_SPAN = 1000


def quantities_with_ranges(document: Document, sentence: Span) -> list[Bound]:
    """The sentence's numbers, each range read as its two bounds (read once, shared by the money, count
    and measure extractors)."""
    return document.memo(
        f"bounds:{sentence.start}:{sentence.end}", lambda: _quantities_with_ranges(document, sentence)
    )


def _quantities_with_ranges(document: Document, sentence: Span) -> list[Bound]:
    text = document.text
    out: list[Bound] = []
    covered = -1  # where the last range's second number ends: "50 - 60" reads 60 once
    for q in sentence_quantities(document, sentence):
        if q.start < covered:
            continue
        second = _range_second(text, q, sentence.end)
        if second is None:
            out.append(Bound(q, q, q.qualifier_start, q.qualifier))
            continue
        last, multiplier = second
        first = q._replace(value=q.value * multiplier, has_scale=last.has_scale)
        out.append(Bound(first, last, q.qualifier_start, q.qualifier))
        out.append(Bound(last, last, last.start, q.qualifier))
        covered = last.end
    return out


def _range_second(text: str, q: Quantity, limit: int) -> tuple[Quantity, Decimal] | None:
    """The second number of a range that opens with `q`, and the multiplier of `q`: the second's
    scale when `q` has none and is below the second's bare figure ("1,5 - 4,8 triệu"), else 1, the
    bounds written in different scales ("từ 350.000 đến 1 triệu", "từ 500 nghìn đến 1,5 triệu")."""
    if text[q.start - 1 : q.start] in ("/", "-"):
        return None
    tail = _RANGE_TAIL.match(text, q.end, limit)
    found = number_at(text, tail.start("num"), limit) if tail else None
    if found is None:
        return None
    last, multiplier = found
    if not q.has_scale and last.value / multiplier > q.value:
        return found
    if q.value < last.value <= q.value * _MAX_RANGE_SPAN:
        return last, Decimal(1)
    return None
