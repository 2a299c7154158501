"""Character spans over an article's text: the unit of evidence everywhere."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def strip_span(text: str, start: int, end: int) -> Span:
    """The span narrowed to exclude leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


class SpanIndex:
    """Sorted, non-overlapping spans with fast lookup by offset."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans: list[Span] = sorted(spans)
        self._starts = [s.start for s in self.spans]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def at(self, offset: int) -> Span | None:
        """The span containing `offset`, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i].start <= offset < self.spans[i].end:
            return self.spans[i]
        return None

    def overlapping(self, start: int, end: int) -> Sequence[Span]:
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        out = []
        for span in self.spans[i:]:
            if span.start >= end:
                break
            if span.overlaps(start, end):
                out.append(span)
        return out

    def any_overlap(self, start: int, end: int) -> bool:
        return bool(self.overlapping(start, end))


class SpanUnion:
    """The spans (start <= end) added so far, merged: whether a span overlaps one of them, in log time.

    Extractors check each new mention against those taken before; a list scanned per mention
    is quadratic in a sentence that names thousands ("phường 1, phường 1, …").
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._empty: list[int] = []  # empty spans, kept apart: one overlaps a span around it
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        if end <= start:
            bisect.insort(self._empty, start)
            return
        i = bisect.bisect_right(self._ends, start)  # the first kept span ending after `start`
        j = bisect.bisect_left(self._starts, end)  # past the last one starting before `end`
        if i < j:
            start, end = min(start, self._starts[i]), max(end, self._ends[j - 1])
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        """As `any(s < end and start < e for s, e in spans)` over the spans added."""
        i = bisect.bisect_right(self._ends, start)
        if i < len(self._starts) and self._starts[i] < end:
            return True
        k = bisect.bisect_right(self._empty, start)
        return k < len(self._empty) and self._empty[k] < end

    def covers(self, offset: int) -> bool:
        """As `any(s <= offset < e for s, e in spans)`."""
        return self.overlaps(offset, offset + 1)


def skip_space(text: str, pos: int, limit: int) -> int:
    """The first position at or after `pos` (before `limit`) that is not whitespace."""
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def letter_after_space(text: str, pos: int, limit: int) -> bool:
    r"""Whether a letter stands at `pos` or after the whitespace there (before `limit`).

    A pattern `\s*(?:words)` whose words all begin with a letter can only match where this holds:
    tested first, it spares a dense page of figures ("1 1 1 …") the pattern at each number.
    """
    pos = skip_space(text, pos, limit)
    return pos < limit and text[pos].isalpha()


def search_from(
    pattern: regex.Pattern[str], heads: list[int], text: str, start: int, end: int
) -> regex.Match[str] | None:
    """As `pattern.search(text, start, end)` when every match of the pattern begins at one of `heads`
    (sorted; found once for the whole text): each head in the window is tried in turn, so a window read
    again and again (from each trigger or quote of a long sentence) is not scanned again."""
    for i in range(bisect.bisect_left(heads, start), len(heads)):
        if heads[i] >= end:
            break
        found = pattern.match(text, heads[i], end)
        if found:
            return found
    return None
