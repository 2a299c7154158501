"""Tokenisation: underthesea's word segmentation placed in a spaCy `Doc`, the records as its spans.

underthesea's segmentation model (run by `bantin.pipeline.text.wordseg`) gives multi-syllable words
("Đảng ủy", "Việt Nam") but rewrites tone placement ("Uỷ" → "Ủy") and drops whitespace,
so its words are aligned back to the article by their letters; the `Doc` is built from
the article's own characters, which guarantees `doc.text == text` and token offsets that
index the article. The Doc's tokens are the Document's words: every token that is not
whitespace is a word (`word_offsets`). Models load once per process.

The records extracted from an article live on its Doc as `doc.spans["bantin"]` (label = kind),
each record read by `span._.record` (`attach_records`).
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import cache
from itertools import accumulate
from typing import Any

import regex
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, SpanGroup
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from bantin.pipeline.text.spans import Span, skip_space
from bantin.pipeline.text.wordseg import word_segmenter

# Runs of characters that are not `str.isspace()` (the standard library's `\s` is exactly that).
_NON_SPACE_RUN = re.compile(r"\S+")
_FALLBACK_TOKEN = regex.compile(r"\w+(?:[.,]\w+)*|[^\w\s]")
# Text between sentences (a table's "|", a stray mark): whitespace runs and the fallback's words.
_GAP_PIECE = regex.compile(r"\s+|\w+(?:[.,]\w+)*|[^\w\s]")

SPANS_KEY = "bantin"  # doc.spans[SPANS_KEY]: the article's records
_RECORDS = "bantin.records"  # doc.user_data[_RECORDS]: the records, in the order of their spans


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
        first = pos = skip_space(text, pos, end)
        for letter in letters:
            pos = skip_space(text, pos, end)
            if pos >= end or _fold(text[pos]) != _fold(letter):
                raise AlignmentError(f"word {word!r} does not match text at offset {pos}")
            pos += 1
        spans.append(Span(first, pos))
    pos = skip_space(text, pos, end)
    if pos != end:
        raise AlignmentError(f"words end at {pos}, sentence at {end}")
    return spans


def _sentence_words(text: str, sentence: Span) -> tuple[list[int], list[int]]:
    """The words of one sentence as two lists, starts and ends: underthesea's words, or a plain
    split if they cannot be aligned."""
    chunk = text[sentence.start : sentence.end]
    try:
        return _word_bounds(text, sentence.start, sentence.end, word_segmenter()(chunk))
    except (AlignmentError, ValueError):
        found = list(_FALLBACK_TOKEN.finditer(chunk))
        return [sentence.start + m.start() for m in found], [sentence.start + m.end() for m in found]


def build_doc(text: str, sentences: Sequence[Span], vocab: Vocab | None = None) -> Doc:
    """A spaCy Doc over the whole text: word tokens, whitespace tokens between them, sentence starts set.

    Every character of the text is in a token: a word's, or a whitespace token's (or a word's
    trailing space). Text outside the sentences is split as the fallback splits a sentence."""
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool | int | None] = []
    pos = 0

    def add_gap(upto: int) -> None:
        nonlocal pos
        if upto == pos:
            return
        if upto - pos == 1 and text[pos] == " " and words:
            spaces[-1] = True  # the common gap, one space: no pattern run
        else:
            for piece in _GAP_PIECE.finditer(text, pos, upto):
                gap = piece.group()
                if gap[0] == " " and words and not spaces[-1]:
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
            spaces.append(False)
            sent_starts.append(first)
            first = False
            pos = tok_end
    add_gap(len(text))
    if sent_starts:
        sent_starts[0] = True
    if sum(map(len, words)) + sum(spaces) != len(text):  # words are slices of text: a cheap check
        raise AlignmentError("spaCy Doc would not reproduce the article text")
    return Doc(vocab or vocab_pipeline().vocab, words=words, spaces=spaces, sent_starts=sent_starts)


def word_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end offsets of the Doc's words (its tokens that are not whitespace), in text order;
    read from the Doc in one array (a Python loop over its tokens would cost more than the lookups)."""
    table = doc.to_array([IDX, LENGTH, IS_SPACE])
    table = table[table[:, 2] == 0]
    starts = table[:, 0]
    return starts.tolist(), (starts + table[:, 1]).tolist()


def _span_record(span: SpacySpan) -> dict[str, Any] | None:
    """The record a span of `doc.spans["bantin"]` stands for (its id is the record's place + 1)."""
    records = span.doc.user_data.get(_RECORDS)
    if not records or not 0 < span.id <= len(records):
        return None
    record: dict[str, Any] = records[span.id - 1]
    return record if record.get("kind") == span.label_ else None


# A getter, not a stored value: spaCy keys a span's stored values by its offsets alone, and two records
# may cover the same words (a count and a measure of one figure).
if not SpacySpan.has_extension("record"):
    SpacySpan.set_extension("record", getter=_span_record)


def attach_records(doc: Doc, records: Sequence[Mapping[str, Any]]) -> SpanGroup:
    """`doc.spans["bantin"]`: one span per record (label = its kind, `span._.record` = the record), over
    the words its evidence `[start:end]` touches."""
    spans = []
    kept: list[Mapping[str, Any]] = []
    for record in records:
        start, end, kind = record["start"], record["end"], record["kind"]
        span = doc.char_span(start, end, label=kind, alignment_mode="expand", span_id=len(kept) + 1)
        if span is not None and len(span):  # an empty evidence touches no word
            spans.append(span)
            kept.append(record)
    doc.user_data[_RECORDS] = kept
    group = SpanGroup(doc, name=SPANS_KEY, spans=spans)
    doc.spans[SPANS_KEY] = group
    return group
