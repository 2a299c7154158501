"""Tokenisation: underthesea's word segmentation placed in a spaCy `Doc`.

underthesea's segmentation model (run by `pipeline.wordseg`) gives multi-syllable words
("Đảng ủy", "Việt Nam") but rewrites tone placement ("Uỷ" → "Ủy") and drops whitespace,
so its words are aligned back to the article by their letters; the `Doc` is built from
the article's own characters, which guarantees `doc.text == text` and token offsets that
index the article. Models load once per process.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from itertools import accumulate

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.spans import Span
from pipeline.wordseg import word_segmenter

_FALLBACK_TOKEN = regex.compile(r"\w+(?:[.,]\w+)*|[^\w\s]")
# Runs of characters that are not `str.isspace()` (the standard library's `\s` is exactly that).
_NON_SPACE_RUN = re.compile(r"\S+")


class AlignmentError(ValueError):
    """underthesea's words do not spell the sentence they came from."""


@cache
def vocab_pipeline() -> Language:
    """A blank Vietnamese spaCy pipeline (no pyvi: we bring our own tokens)."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def _fold(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[:1]
    return base.casefold()


def align_words(text: str, start: int, end: int, words: Sequence[str]) -> list[Span]:
    """Spans in `text[start:end]` of each word, whitespace skipped.

    Fast path: when the words spell the sentence exactly (whitespace aside), offsets come
    from a map of the sentence's non-space characters. Otherwise (underthesea rewrote a
    character, e.g. its tone placement) the words are matched letter by letter, tone-folded.
    """
    starts, ends = _word_bounds(text, start, end, words)
    return list(map(Span, starts, ends))


def _word_bounds(text: str, start: int, end: int, words: Sequence[str]) -> tuple[list[int], list[int]]:
    """`align_words` as two lists, starts and ends: no object per word (a dense page has 200,000)."""
    offsets: list[int] = []
    for run in _NON_SPACE_RUN.finditer(text, start, end):
        offsets.extend(range(run.start(), run.end()))
    stripped = "".join(text[start:end].split())
    pieces = ["".join(word.split()) for word in words]
    if "".join(pieces) == stripped:
        lengths = [n for n in map(len, pieces) if n]
        ends = list(accumulate(lengths))  # each word ends (among the non-space characters) at the sum
        starts = list(map(offsets.__getitem__, map(operator.sub, ends, lengths)))
        return starts, [offsets[e - 1] + 1 for e in ends]
    spans = _align_letters(text, start, end, words)
    return [s.start for s in spans], [s.end for s in spans]


def _align_letters(text: str, start: int, end: int, words: Sequence[str]) -> list[Span]:
    spans: list[Span] = []
    pos = start
    for word in words:
        letters = [c for c in word if not c.isspace()]
        if not letters:
            continue
        while pos < end and text[pos].isspace():
            pos += 1
        first = pos
        for letter in letters:
            while pos < end and text[pos].isspace():
                pos += 1
            if pos >= end or _fold(text[pos]) != _fold(letter):
                raise AlignmentError(f"word {word!r} does not match text at offset {pos}")
            pos += 1
        spans.append(Span(first, pos))
    while pos < end and text[pos].isspace():
        pos += 1
    if pos != end:
        raise AlignmentError(f"words end at {pos}, sentence at {end}")
    return spans


def tokenize_sentence(text: str, sentence: Span) -> list[Span]:
    """Word spans of one sentence: underthesea's words, or a plain split if they cannot be aligned."""
    return list(map(Span, *_sentence_words(text, sentence)))


def _sentence_words(text: str, sentence: Span) -> tuple[list[int], list[int]]:
    """`tokenize_sentence` as two lists, the words' starts and ends."""
    chunk = text[sentence.start : sentence.end]
    try:
        return _word_bounds(text, sentence.start, sentence.end, word_segmenter()(chunk))
    except (AlignmentError, ValueError):
        found = list(_FALLBACK_TOKEN.finditer(chunk))
        return [sentence.start + m.start() for m in found], [sentence.start + m.end() for m in found]


def build_doc(text: str, sentences: Sequence[Span]) -> Doc:
    """A spaCy Doc over the whole text: word tokens, whitespace tokens between them, sentence starts set."""
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool | int | None] = []
    word_ends: dict[int, int] = {}
    pos = 0

    def add_gap(upto: int) -> None:
        nonlocal pos
        gap = text[pos:upto]
        if not gap:
            return
        if gap == " " and words:
            spaces[-1] = True
        else:
            if words and gap.startswith(" ") and not spaces[-1]:
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
                sent_starts.append(False)
        pos = upto

    for sentence in sentences:
        first = True
        for tok_start, tok_end in zip(*_sentence_words(text, sentence), strict=True):
            if tok_start > pos:  # else no gap: add_gap would do nothing
                if tok_start == pos + 1 and text[pos] == " " and words:
                    spaces[-1] = True  # add_gap's commonest case, inline: one space after a word
                    pos = tok_start
                else:
                    add_gap(tok_start)
            words.append(text[tok_start:tok_end])
            word_ends[tok_start] = tok_end
            spaces.append(False)
            sent_starts.append(first)
            first = False
            pos = tok_end
    add_gap(len(text))
    if sent_starts:
        sent_starts[0] = True
    if sum(map(len, words)) + sum(spaces) != len(text):  # words are slices of text: a cheap check
        raise AlignmentError("spaCy Doc would not reproduce the article text")
    doc = Doc(vocab_pipeline().vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    # Word spans by start offset, kept beside the Doc: extractors look words up by offset often.
    doc.user_data["word_ends"] = word_ends
    return doc
