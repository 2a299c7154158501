"""Measure words after a number ("kg", "tấn", "m2", "ha", "km", "lít" …) and what they convert to.

The words, their plain units and factors live in extractors/data/measure.yaml. Both the
measure extractor (which reads them) and the count extractor (for which a number with a
measure word is no count) use this one matcher.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from bantin.pipeline.text.resources import alternation, load_yaml
from bantin.pipeline.text.spans import letter_after_space

_FLAGS = regex.IGNORECASE | regex.VERSION1
# Context windows, in characters: read once per match, a bounded window keeps a 200 KB sentence linear.
_DISTANCE_WINDOW = 40  # "cách trung tâm xã 2 km": a distance word (distance_before) and up to four words
_PLACE_WINDOW = 8  # "ở 6 khối": a word of place (place_before) and its spaces


@dataclass(frozen=True)
class MeasureWord:
    """A measure word at [start:end]; `per_end` ends its rate ("m2/căn"), == end when it has none."""

    start: int
    end: int
    per_end: int
    si_unit: str | None
    factor: Decimal | None


@dataclass(frozen=True)
class _Compiled:
    pattern: regex.Pattern[str]
    conversions: dict[str, tuple[str | None, Decimal | None]]
    distance_before: regex.Pattern[str]
    place_words: frozenset[str]
    place_before: regex.Pattern[str]


@cache
def compiled() -> _Compiled:
    """extractors/data/measure.yaml, compiled once per process."""
    data = load_yaml("extractors", "measure.yaml")
    conversions = {
        word.casefold(): (si, None if factor is None else Decimal(str(factor)))
        for word, (si, factor) in data["words"].items()
    }
    excluded = [
        rf"(?i:{regex.escape(word)})\s+(?:{alternation(after)})(?!\w)"
        for word, after in data["not_followed_by"].items()
    ]
    # A word glued to the number or after spaces; it must end there ("m" is not "mô hình", but
    # "m2" is one word), and a rate's "per" part follows a slash ("60-70m2/căn").
    pattern = regex.compile(
        rf"\s*(?!{'|'.join(excluded)})(?P<word>{alternation(list(data['words']))})(?![\p{{L}}\d])"
        rf"(?P<per>\s*/\s*\p{{Ll}}+)?",
        _FLAGS,
    )
    return _Compiled(
        pattern=pattern,
        conversions=conversions,
        distance_before=regex.compile(
            rf"(?<!\w)(?:{alternation(data['distance_before'])})\s+(?:\S+\s+){{0,4}}$", _FLAGS
        ),
        place_words=frozenset(word.casefold() for word in data["place_words"]),
        place_before=regex.compile(rf"(?<!\w)(?:{alternation(data['place_before'])})\s+$", _FLAGS),
    )


def measure_word_at(text: str, pos: int, limit: int) -> MeasureWord | None:
    """The measure word right after a number ending at `pos`, or None."""
    if not letter_after_space(text, pos, limit):
        return None  # every measure word begins with a letter
    table = compiled()
    m = table.pattern.match(text, pos, limit)
    if m is None or "\n\n" in text[pos : m.start("word")]:
        return None
    si_unit, factor = table.conversions[" ".join(m["word"].casefold().split())]
    return MeasureWord(m.start("word"), m.end("word"), m.end(), si_unit, factor)


def counts_places(text: str, word: MeasureWord, number_start: int, floor: int) -> bool:
    """Whether the measure word after the number at `number_start` names places it counts ("ở 6 khối")."""
    table = compiled()
    if " ".join(text[word.start : word.end].casefold().split()) not in table.place_words:
        return False
    return bool(table.place_before.search(text, max(floor, number_start - _PLACE_WINDOW), number_start))


def is_distance(text: str, number_start: int, floor: int) -> bool:
    """Whether the number at `number_start` is a distance ("cách trung tâm xã 2 km")."""
    window = text[max(floor, number_start - _DISTANCE_WINDOW) : number_start]
    return bool(compiled().distance_before.search(window))
