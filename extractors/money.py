"""Money: amounts of đồng, "hơn 575 triệu đồng" → 575000000 with qualifier more_than.

Uses the shared number grammar (extractors/numbers.py) for the amount and its
qualifier; currency words and the "đồng chí"/"đồng bào" exclusions live in
extractors/data/money.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import regex

from bantin.extractors.base import Findings, Mention, quantities_with_ranges
from bantin.extractors.numbers import Quantity
from bantin.pipeline.text.document import Document
from bantin.pipeline.text.resources import alternation, load_yaml
from bantin.pipeline.text.spans import letter_after_space

KIND = "money"
NEEDS: tuple[str, ...] = ()
_FLAGS = regex.IGNORECASE | regex.VERSION1
# Context windows, in characters: read once per match, a bounded window keeps a 200 KB sentence linear.
_MONEY_WORD_WINDOW = 30  # "tổng kinh phí: 7.000.000": a money word (amount_before), its colon and spaces


@dataclass(frozen=True)
class _Compiled:
    currency_after: regex.Pattern[str]
    amount_before: regex.Pattern[str]  # a money word before an amount without a currency word
    bare_amount_after: regex.Pattern[str]  # what may follow such an amount
    min_bare_amount: int


@cache
def compiled() -> _Compiled:
    """extractors/data/money.yaml, compiled once per process."""
    data = load_yaml("extractors", "money.yaml")
    currency = "|".join(regex.escape(c) for c in sorted(data["currency"], key=len, reverse=True))
    compounds = "|".join(regex.escape(w) for w in data["dong_compounds"])
    return _Compiled(
        # The currency word must end the word ("đ" in "đồng" alone is not "đ"), and "đồng" must not
        # begin another word ("đồng chí").
        currency_after=regex.compile(
            rf"\s*(?P<cur>đồng(?!\s+(?:{compounds})(?!\p{{L}}))|(?!đồng)(?:{currency}))(?!\p{{L}})",
            _FLAGS,
        ),
        # What makes an amount money without a currency word: a money word before it, and what may follow.
        amount_before=regex.compile(rf"(?<!\w)(?:{alternation(data['amount_before'])})\s*:?\s*$", _FLAGS),
        bare_amount_after=regex.compile(
            rf"\s*(?:$|[^\w\s]|(?:{alternation(data['bare_amount_followers'])})(?!\w))", _FLAGS
        ),
        min_bare_amount=int(data["min_bare_amount"]),
    )


# "gần 50 triệu/hộ/năm": millions per household, per head or per year are money without "đồng".
_PER_UNIT = regex.compile(r"/\s*\p{L}", _FLAGS)
_MILLION = 1_000_000


def money_end(text: str, q: Quantity, limit: int) -> int | None:
    """Where the amount `q` ends as money (after its currency word), or None when it is no money."""
    c = compiled()
    # Every currency word begins with a letter: no letter after the number, no currency.
    m = c.currency_after.match(text, q.end, limit) if letter_after_space(text, q.end, limit) else None
    if m:
        return m.end("cur")
    if q.has_scale and q.value >= _MILLION and _PER_UNIT.match(text, q.end, limit):
        return q.end
    if q.value < c.min_bare_amount:
        return None
    money_word = c.amount_before.search(
        text, max(0, q.qualifier_start - _MONEY_WORD_WINDOW), q.qualifier_start
    )
    if money_word and c.bare_amount_after.match(text, q.end, limit):
        return q.end  # "trị giá 7.000.000 cho hộ …"
    return None


def extract(document: Document, found: Findings) -> list[Mention]:
    text = document.text
    out: list[Mention] = []
    for sentence in document.content_sentences():
        for bound in quantities_with_ranges(document, sentence):
            q = bound.quantity
            end = money_end(text, bound.last, sentence.end)
            if end is None:
                continue
            amount = q.value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
            if amount != q.value:
                # Fractions of a đồng are not amounts: a decimal figure with no scale is something else.
                continue
            if amount == 0:
                continue  # "Phiên chợ 0 đồng", "Siêu thị 0 đồng": the name of a free market
            out.append(
                Mention(
                    KIND,
                    bound.evidence_start,
                    end,
                    {"amount": int(amount), "currency": "VND", "qualifier": bound.qualifier},
                )
            )
    return out
