"""Arbitration: one step after every extractor decides which mention gives way where two kinds overlap.

The rule, as data: `YIELDS[loser]` lists the kinds `loser` gives way to. A mention of `loser` whose
core (`Mention.core`; its whole evidence when None) overlaps the evidence of any mention of one of
those kinds is dropped; so is every mention marked `recorded=False`, after it has held its span.
What is left becomes records. Each test is a lookup in the merged spans of the winners, so the step
is linear (n log n) however many mentions a 200 KB page holds.

Which overlaps are resolved where, and why:

- Here, after finding (a kind that loses only by overlapping, nothing else about it changes):
  - count gives way to date and unit: the digits of "ngày 12/7/2023" or "Khu phố 5 và 7" count
    nothing. Tested on the count's number alone, so "120 hộ phường 6" keeps its count although its
    noun runs to the unit's level word. Count also needs date and unit, only to skip those numbers
    early by this same rule (`held_against`): a page of dates would otherwise pay count's checks on
    every digit; the counts kept are the same (tests/test_arbitrate.py).
  - a date's inverted range ("từ 20/8 đến 15/8") is a date expression, so no count reads its
    digits, yet names no period: the date extractor marks it `recorded=False`.
- While finding, as a declared need (`NEEDS`, passed in `found`): the other kind changes what is
  found, not only whether it is kept, so no later step could do it.
  - unit needs date: a number that opens a date names no unit ("khu dân cư 6 tháng đầu năm"), and
    a number of a date before a level word does not make it a count ("Sáng 2/9 khóm 3").
  - official needs unit: a name inside a unit is no person ("phường Trần Hưng Đạo"); a dropped
    run passes no honorific on to the next name and does not bound where the next one's titles
    begin, so dropping it later would change its neighbours. A unit's name written bare elsewhere
    is that place too ("Ủy ban nhân dân xã Đào Hữu Cảnh").
  - campaign needs date and unit: an unquoted name ends before a place or a date (its extent).
  - model needs campaign: a campaign's name is no model's title, and an unquoted title that begins
    with one runs on past it; list items and inline models are chosen around the titles kept.
- In shared grammar, no kind's findings: count, money and measure read the same numbers
  (extractors/base.py); a number with a currency word is no count (`money_end`), nor one before a
  measure word (`measure_word_at`). Money and measure do not overlap by construction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bantin.extractors.base import Mention
from bantin.pipeline.text.spans import SpanUnion

# Loser kind → the kinds it gives way to where their spans overlap.
YIELDS: dict[str, tuple[str, ...]] = {
    "count": ("date", "unit"),
}


def core(mention: Mention) -> tuple[int, int]:
    """The span a mention claims against other kinds."""
    return mention.core if mention.core is not None else (mention.start, mention.end)


def held_against(kind: str, found: Mapping[str, Sequence[Mention]]) -> SpanUnion:
    """The spans of the kinds `kind` gives way to (those in `found`): a mention of `kind` whose core
    overlaps one loses. An extractor that needs those kinds may test its candidates early, to spare
    the work on one that would lose (count: the digits of every date and unit of a page)."""
    # Sorted first: each span then joins the union at its end, not in the middle of a long list.
    return SpanUnion(sorted((m.start, m.end) for w in YIELDS.get(kind, ()) for m in found.get(w, ())))


def arbitrate(found: Mapping[str, Sequence[Mention]]) -> dict[str, list[Mention]]:
    """The mentions that make records, by kind (in `found`'s order): losers of an overlap dropped,
    and those not recorded. A winning kind absent from `found` (it failed) holds nothing."""
    out: dict[str, list[Mention]] = {}
    for kind, mentions in found.items():
        kept = [m for m in mentions if m.recorded]
        if kept and kind in YIELDS:
            held = held_against(kind, found)
            kept = [m for m in kept if not held.overlaps(*core(m))]
        out[kind] = kept
    return out
