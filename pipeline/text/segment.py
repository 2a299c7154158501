"""Paragraphs and sentences of an article, as spans of its exact text.

Bulletins come in two shapes: one paragraph per line, or hard-wrapped lines
(a print layout copied as is, where a newline is only a space). The shape is
decided per article; blank lines, bullet marks and table bars always end a
paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from bantin.pipeline.text.resources import alternation, load_yaml
from bantin.pipeline.text.spans import Span, strip_span

_TERMINAL = '.!?…:;"”)»|'
_PARAGRAPH_BREAK = regex.compile(r"\n[ \t]*\n\s*|\n[ \t]*(?=[•|])|(?<=\|)[ \t]*\n")
# A "•" heading is a short line of its own before a capitalised line ("• Khen thưởng, trao quà và ra
# mắt mô hình"); a longer "•" line is the first line of a wrapped paragraph.
_HEADING_LINE = regex.compile(r"^[ \t]*•[^\n]{0,50}(?=\n[ \t]*\p{Lu})", regex.MULTILINE | regex.VERSION1)
_BAR_LINE = regex.compile(r"^\s*\|\s*$")
_ABBREVIATION_WINDOW = 8  # the longest abbreviation in segment.yaml and the character before it


@cache
def _abbreviations() -> str:
    return alternation(load_yaml("pipeline", "segment.yaml")["not_sentence_end"])


@cache
def _abbreviation_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\w)(?:{_abbreviations()})$")


def stop_after_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation that ends no sentence ("CT." in "CT. HĐND")."""
    return _abbreviation_before().search(text, max(0, dot - _ABBREVIATION_WINDOW), dot) is not None


@cache
def _sentence_end() -> regex.Pattern[str]:
    """Sentence end: terminal punctuation (and closing quotes), whitespace, then a likely sentence start;
    not the stop of a single capital or of an abbreviation in pipeline/data/segment.yaml ("TP.", "CT.")."""
    return regex.compile(
        rf"(?<!\b\p{{Lu}})(?<!\b(?:{_abbreviations()}))"
        r"(?:[.!?]+|…|\.{3})[\"”’»)]*(?=\s+[\"“‘«(•\-–]?[\p{Lu}\d])"
    )


def is_hard_wrapped(text: str) -> bool:
    """True when most lines are short and break mid-sentence (a print layout)."""
    return lines_hard_wrapped([ln.strip() for ln in text.split("\n") if ln.strip()])


def lines_hard_wrapped(lines: list[str]) -> bool:
    """The same judgement on already stripped, non-empty lines."""
    if len(lines) < 5:
        return False
    # A long line without end punctuation may be a whole paragraph (some sites drop the final
    # full stop); it is a wrapped line when the next one goes on in lower case.
    wrapped = sum(
        1
        for i, ln in enumerate(lines)
        if ln[-1] not in _TERMINAL and (len(ln) <= 90 or (i + 1 < len(lines) and lines[i + 1][0].islower()))
    )
    return wrapped / len(lines) >= 0.5


def _continues(text: str, newline: int) -> bool:
    """A line break inside a sentence: no end punctuation before it, a lower-case word after it."""
    # Read outward from the break, not by copying the text before and after it (quadratic in lines).
    before = newline
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    after = newline + 1
    while after < len(text) and text[after] in " \t":
        after += 1
    return before > 0 and text[before - 1] not in _TERMINAL and after < len(text) and text[after].islower()


def paragraphs(text: str, hard_wrapped: bool | None = None, own_lines: Iterable[Span] = ()) -> list[Span]:
    """Paragraph spans, whitespace-trimmed, in text order.

    `own_lines` (the dateline, page furniture) stand on lines of their own: a hard-wrapped body does
    not run into them or out of them. Neither does it run out of a "•" heading's line.
    """
    if hard_wrapped is None:
        hard_wrapped = is_hard_wrapped(text)
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    forced = {m.end() for m in _HEADING_LINE.finditer(text)}
    for span in own_lines:
        forced |= {text.rfind("\n", 0, span.start), text.find("\n", span.end)}
    breaks += [(nl, nl + 1) for nl in forced if nl >= 0 and not any(a <= nl < b for a, b in breaks)]
    pieces: list[Span] = []
    pos = 0
    for start, end in sorted(breaks):
        if start < pos:
            continue
        pieces.append(Span(pos, start))
        pos = end
    pieces.append(Span(pos, len(text)))
    out: list[Span] = []
    for piece in pieces:
        if hard_wrapped:
            candidates = [piece]
        else:
            candidates = []
            start = piece.start
            for i in range(piece.start, piece.end):
                if text[i] == "\n" and not _continues(text, i):
                    candidates.append(Span(start, i))
                    start = i + 1
            candidates.append(Span(start, piece.end))
        for cand in candidates:
            span = strip_span(text, cand.start, cand.end)
            if span.end > span.start and not _BAR_LINE.match(text[span.start : span.end]):
                out.append(span)
    return out


def sentences(text: str, paragraph_spans: list[Span]) -> list[Span]:
    """Sentence spans inside each paragraph, whitespace-trimmed."""
    out: list[Span] = []
    for para in paragraph_spans:
        chunk = text[para.start : para.end]
        start = 0
        for m in _sentence_end().finditer(chunk):
            out.append(strip_span(text, para.start + start, para.start + m.end()))
            start = m.end()
        out.append(strip_span(text, para.start + start, para.end))
    return [s for s in out if s.end > s.start]
