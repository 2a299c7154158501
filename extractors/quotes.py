"""Quoted names as the bulletins write them: “ ”, " ", « », doubled, broken or unclosed.

Shared by the campaign and model extractors. `quoted_at` reads a quotation that
opens at a position (after spaces) and returns where its content is, trimmed:
`“” Dân vận khéo”` (a doubled opening) gives "Dân vận khéo"; an unclosed quote
ends before " của ", at ";" or at the end of the sentence, and is none when that is
more than `MAX_UNCLOSED` characters away.
"""

from __future__ import annotations

import bisect
import sys
from dataclasses import dataclass
from functools import lru_cache

import regex

from bantin.pipeline.text.spans import strip_span

# Patterns of single calls, compiled once (regex's cache lookup costs as much as a short match).
_MARK = regex.compile(r"[“”\"«»„]")

OPENERS = '“"«„‘'
CLOSERS = {"“": '”"', '"': '"”', "«": "»", "„": '“”"', "‘": "’"}
_UNCLOSED_END = regex.compile(r"\s+của\s|;", regex.VERSION1)
_TURNED_CLOSE = regex.compile(
    r"(?<=\w[ \t]?)[“«](?=[ \t]*(?:[.,;:)]|[ \t]\p{Ll}|$))", regex.VERSION1 | regex.MULTILINE
)
_TURNED_CANDIDATE = regex.compile(r"(?<=\w[ \t]?)[“«]", regex.VERSION1)  # where `_TURNED_CLOSE` may match
# An unclosed quotation longer than this (in characters) is no name (real ones are under 150).
MAX_UNCLOSED = 400
_OF = regex.compile(r"\s+của(?=\s)", regex.VERSION1)  # `_UNCLOSED_END`'s first branch, "của" by "của"


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark
    end: int  # after the closing mark (== content_end when unclosed)
    content_start: int
    content_end: int
    closed: bool


def quoted_at(text: str, pos: int, limit: int) -> Quote | None:
    """The quotation opening at `pos` (spaces and one line break skipped), or None."""
    start = pos
    newlines = 0
    while start < limit and text[start] in " \t\n":
        newlines += text[start] == "\n"
        if newlines > 1:
            break
        start += 1
    if start >= limit or text[start] not in OPENERS:
        return None
    marks = _marks(text)
    closers = CLOSERS[text[start]]
    content = start + 1
    if content < limit and text[content] in closers:
        # “” X”: a doubled or broken opening, when a closing mark still follows.
        if marks.next_closer(closers, content + 1, limit) >= 0:
            content += 1
        else:
            return None
    close = marks.next_closer(closers, content, limit)
    # “Dân vận khéo “ năm 2023: an opening mark after a word and before a space closes the quotation
    # (looked for no further than an unclosed quotation may run).
    turned = marks.turned_close(text, content, close if close >= 0 else min(limit, content + MAX_UNCLOSED))
    if turned is not None and text[turned.start()] == text[start]:
        close = turned.start()
    if close >= 0:
        inner = strip_span(text, content, close)
        return Quote(start, close + 1, inner.start, inner.end, True) if inner.end > inner.start else None
    end = marks.unclosed_end(content, limit)
    if end - content > MAX_UNCLOSED:
        return None  # no name runs on this far: read from each mark, it makes output quadratic
    inner = strip_span(text, content, end)
    s, e = inner.start, inner.end
    while e > s and text[e - 1] in ".,;:…":
        e -= 1
    return Quote(start, e, s, e, False) if e > s else None


class _Marks:
    """Where a text's closing marks and the ends of its unclosed quotes are, found once.

    A quotation never closed would otherwise be searched to the end of its sentence from each
    opening mark: quadratic in a sentence of thousands of "“".
    """

    def __init__(self, text: str) -> None:
        self.at: dict[str, list[int]] = {c: [] for c in "".join(CLOSERS.values())}
        for m in regex.finditer(f"[{regex.escape(''.join(self.at))}]", text):
            self.at[m.group()].append(m.start())
        self.semicolons = [m.start() for m in regex.finditer(";", text)]
        of = [(m.end() - 3, m.start()) for m in _OF.finditer(text)]  # ("của", its spaces' start)
        self.of_at = [k for k, _ in of]
        self.of_spaces = [s for _, s in of]
        self.turned = [m.start() for m in _TURNED_CANDIDATE.finditer(text)]

    def turned_close(self, text: str, start: int, limit: int) -> regex.Match[str] | None:
        """As `_TURNED_CLOSE.search(text, start, limit)`, searched only from the first mark after a word
        (none in a run of marks: "««««…" would cost a window's scan at each)."""
        i = bisect.bisect_left(self.turned, start)
        if i == len(self.turned) or self.turned[i] >= limit:
            return None
        return _TURNED_CLOSE.search(text, self.turned[i], limit)

    def next_closer(self, closers: str, start: int, limit: int) -> int:
        """As the least `text.find(c, start, limit)` over the closers found; -1 when none is."""
        first = limit
        for closer in closers:
            at = self.at[closer]
            i = bisect.bisect_left(at, start)
            if i < len(at):
                first = min(first, at[i])
        return first if first < limit else -1

    def unclosed_end(self, start: int, limit: int) -> int:
        """As `_UNCLOSED_END.search(text, start, limit)`'s start, or `limit` when it finds none."""
        end = limit
        i = bisect.bisect_left(self.semicolons, start)
        if i < len(self.semicolons) and self.semicolons[i] < limit:
            end = self.semicolons[i]
        i = bisect.bisect_left(self.of_at, start + 1)  # a space at least between `start` and "của"
        if i < len(self.of_at) and self.of_at[i] + 4 <= limit:
            end = min(end, max(start, self.of_spaces[i]))
        return end


@lru_cache(maxsize=4)
def _marks(text: str) -> _Marks:
    return _Marks(text)


def unquote(text: str) -> str:
    """A name without any quotation marks, whitespace (line breaks included) collapsed."""
    return " ".join(_MARK.sub(" ", text).split())


_OPENER = regex.compile(f"[{regex.escape(OPENERS)}]")
_CLOSER = {o: regex.compile(f"[{regex.escape(c)}]") for o, c in CLOSERS.items()}


def closed_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The closed quotations of start..end, marks included, in one left-to-right pass (linear: an
    unclosed mark ends the scan, since no later quotation can be paired with certainty)."""
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        opener = _OPENER.search(text, pos, end)
        if opener is None:
            return out
        closer = _CLOSER[opener.group()].search(text, opener.end(), end)
        if closer is None:
            return out
        out.append((opener.start(), closer.end()))
        pos = closer.end()


def inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The span of `spans` (sorted, disjoint) that holds start..end, if any."""
    i = bisect.bisect_right(spans, (start, sys.maxsize)) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return spans[i]
    return None
