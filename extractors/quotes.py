"""Quoted names as the bulletins write them: “ ”, " ", « », doubled, broken or unclosed.

Shared by the campaign and model extractors. `quoted_at` reads a quotation that
opens at a position (after spaces) and returns where its content is, trimmed:
`“” Dân vận khéo”` (a doubled opening) gives "Dân vận khéo"; an unclosed quote
ends before " của ", at ";" or at the end of the sentence.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from dataclasses import dataclass

import regex

OPENERS = '“"«„‘'
CLOSERS = {"“": '”"', '"': '"”', "«": "»", "„": '“”"', "‘": "’"}
_UNCLOSED_END = regex.compile(r"\s+của\s|;", regex.VERSION1)
_TURNED_CLOSE = regex.compile(
    r"(?<=\w[ \t]?)[“«](?=[ \t]*(?:[.,;:)]|[ \t]\p{Ll}|$))", regex.VERSION1 | regex.MULTILINE
)


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
    while start < limit and text[start] in " \t\n" and text.count("\n", pos, start + 1) <= 1:
        start += 1
    if start >= limit or text[start] not in OPENERS:
        return None
    closers = CLOSERS[text[start]]
    content = start + 1
    if content < limit and text[content] in closers:
        # “” X”: a doubled or broken opening, when a closing mark still follows.
        if any(c in text[content + 1 : limit] for c in closers):
            content += 1
        else:
            return None
    close = min((i for i in (text.find(c, content, limit) for c in closers) if i >= 0), default=-1)
    # “Dân vận khéo “ năm 2023: an opening mark after a word and before a space closes the quotation.
    turned = _TURNED_CLOSE.search(text, content, close if close >= 0 else limit)
    if turned is not None and text[turned.start()] == text[start]:
        close = turned.start()
    if close >= 0:
        s, e = _trim(text, content, close)
        return Quote(start, close + 1, s, e, True) if e > s else None
    m = _UNCLOSED_END.search(text, content, limit)
    end = m.start() if m else limit
    s, e = _trim(text, content, end)
    while e > s and text[e - 1] in ".,;:…":
        e -= 1
    return Quote(start, e, s, e, False) if e > s else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def unquote(text: str) -> str:
    """A name without any quotation marks, whitespace (line breaks included) collapsed."""
    return " ".join(regex.sub(r"[“”\"«»„]", " ", text).split())


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
    i = bisect_right(spans, (start, sys.maxsize)) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return spans[i]
    return None
