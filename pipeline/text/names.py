"""Vietnamese personal names: where a full name begins inside a run of capitalised words.

A run such as "Lâm Hà Nguyễn Văn Lực" (a district, then its Party secretary) or "Co Hạ Sùng
A Páo" (a village, then its head) holds a place and a person. Surnames and middle names come
from pipeline/data/people.yaml; both the official and the unit extractors split runs here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bantin.pipeline.text.resources import load_yaml
from bantin.pipeline.text.textnorm import fold


@dataclass(frozen=True)
class _Compiled:
    surnames: frozenset[str]  # folded (`textnorm.fold`)
    middle_names: frozenset[str]  # "Văn", "Thị" …, folded


@cache
def compiled() -> _Compiled:
    """pipeline/data/people.yaml, read once per process."""
    data = load_yaml("pipeline", "people.yaml")
    return _Compiled(
        surnames=frozenset(fold(s) for s in data["surnames"]),
        middle_names=frozenset(fold(s) for s in data["middle_names"]),
    )


def surnames() -> frozenset[str]:
    """Vietnamese surnames, folded (`textnorm.fold`)."""
    return compiled().surnames


def middle_names() -> frozenset[str]:
    """Middle names ("Văn", "Thị" …), folded."""
    return compiled().middle_names


def surname_with_middle_name(words: list[str], first: int = 1) -> int | None:
    """The first index from `first` where a surname is followed by a middle name and two to four
    words remain ("Lâm Hà Nguyễn Văn Lực" → 2): the strongest sign of a full name; None if none."""
    people = compiled()
    surnames, middle = people.surnames, people.middle_names
    for i in range(first, len(words) - 1):
        word, nxt = fold(words[i]), fold(words[i + 1])
        if word in surnames and word not in middle and nxt in middle and 2 <= len(words) - i <= 4:
            return i
    return None
