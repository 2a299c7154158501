"""The Document: one article's text with everything the extractors read.

Built once per article (metadata, paragraphs, sentences, spaCy tokens) and passed to
every extractor. No extractor changes its text, metadata or spans, so each extractor is a
pure function of it; two fields do change: `hints` (the region and sites file's ward, set by
the batch before any extractor runs) and the memo, a cache of values derived from the
text (each computed once per article, the same for every reader).
Its words are its spaCy `Doc`'s tokens (those that are not whitespace).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from spacy.tokens import Doc
from spacy.vocab import Vocab

from bantin.pipeline.text import ids
from bantin.pipeline.text.metadata import Metadata, extract_metadata, split_lines
from bantin.pipeline.text.nlp import build_doc, word_offsets
from bantin.pipeline.text.segment import lines_hard_wrapped, paragraphs, sentences
from bantin.pipeline.text.spans import Span, SpanIndex

T = TypeVar("T")

# A paragraph ends as a sentence does (before closing quotes and brackets); a caption or a heading
# does not, and is short.
_SENTENCE_END = ".!?…:;"
_CLOSERS = ' \t"”’)»'
_CAPTION_MAX_CHARS = 200


@dataclass
class Document:
    source: str
    text: str
    article_id: str
    meta: Metadata
    paragraphs: SpanIndex
    sentences: SpanIndex
    furniture: SpanIndex
    authors: SpanIndex
    doc: Doc
    # Filled by the CLI from --region / the sites file: hints for the gazetteer.
    hints: dict[str, str] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def title(self) -> str | None:
        return self.meta.title

    @property
    def published(self) -> dt.date | None:
        return self.meta.published

    def sentence_at(self, offset: int) -> Span:
        """The sentence containing `offset` (or a one-line span when it lies between sentences)."""
        found = self.sentences.at(offset)
        if found is not None:
            return found
        line_start = self.text.rfind("\n", 0, offset) + 1
        line_end = self.text.find("\n", offset)
        return Span(line_start, len(self.text) if line_end < 0 else line_end)

    def paragraph_at(self, offset: int) -> Span:
        found = self.paragraphs.at(offset)
        return found if found is not None else self.sentence_at(offset)

    def in_furniture(self, start: int, end: int) -> bool:
        return self.furniture.any_overlap(start, end)

    def is_author(self, start: int, end: int) -> bool:
        return self.authors.any_overlap(start, end)

    @cached_property
    def words(self) -> tuple[list[int], list[int]]:
        """Start and end offsets of the words, in order: the Doc's tokens that are not whitespace
        (underthesea words: "học sinh" is one)."""
        return word_offsets(self.doc)

    @cached_property
    def word_ends(self) -> dict[int, int]:
        """Start offset → end offset of every word (the Doc's tokens, looked up by offset)."""
        return dict(zip(*self.words, strict=True))

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A per-document result computed once and shared by extractors (date atoms, units …)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    def lead(self, count: int = 2) -> list[Span]:
        """The first `count` sentences of the running text: after the title and the dateline, the first
        one, then those in a paragraph that ends as a sentence does or is long (not a photo caption)."""
        heads = (self.meta.title_span, self.meta.dateline_span)
        after = max((s.end for s in heads if s is not None), default=0)
        out: list[Span] = []
        for sentence in self.content_sentences():
            if sentence.start < after:
                continue
            para = self.paragraph_at(sentence.start)
            body = self.text[para.start : para.end].rstrip(_CLOSERS)
            # The first paragraph leads even without a full stop (a sapo: "TÂN PHONG: Hội … ra mắt …").
            if not out or (
                body and (body[-1] in _SENTENCE_END or para.end - para.start > _CAPTION_MAX_CHARS)
            ):
                out.append(sentence)
                if len(out) == count:
                    break
        return out

    def content_sentences(self) -> list[Span]:
        """Sentences that are not page furniture."""
        return [s for s in self.sentences if not self.furniture.any_overlap(s.start, s.end)]


def build_document(
    source: str,
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    authors: Sequence[str] = (),
    title_stated: bool = False,
    vocab: Vocab | None = None,
) -> Document:
    """Analyse one decoded article; `title`, `published` and `authors` (from a page's metadata) fill in
    what the text itself does not say. A `title_stated` by a page (its heading, or None for a page
    without one) stands over the text's reading of its first line. The Doc is made with `vocab` (a spaCy
    pipeline's, for its component), by default bantin's blank Vietnamese one."""
    meta = extract_metadata(text)
    if title_stated:
        meta.title = " ".join(title.split()) if title else None
        opening = text.lstrip()
        at = len(text) - len(opening)
        line_end = opening.find("\n")
        first = opening if line_end < 0 else opening[:line_end]
        same = meta.title is not None and " ".join(first.split()) == meta.title
        meta.title_span = Span(at, at + len(first.rstrip())) if same else None
    elif meta.title is None and title:
        meta.title = title.strip()
    if meta.published is None and published:
        with suppress(ValueError):
            meta.published = dt.date.fromisoformat(published[:10])
    for author in authors:
        if author not in meta.authors:
            meta.authors.append(author)
    furniture = SpanIndex(meta.furniture)
    # Shape (hard-wrapped or not) is judged on the article's own lines, not its furniture.
    content_lines = [
        ln for ln in split_lines(text) if ln.text and not furniture.any_overlap(ln.start, ln.end)
    ]
    wrapped = lines_hard_wrapped([ln.text for ln in content_lines])
    # The dateline and furniture stand apart from the body even when it is hard-wrapped.
    own_lines = [meta.dateline_span] if meta.dateline_span is not None else []
    para = paragraphs(text, hard_wrapped=wrapped, own_lines=[*own_lines, *meta.furniture])
    sents = sentences(text, para)
    return Document(
        source=source,
        text=text,
        article_id=ids.article_id(text),
        meta=meta,
        paragraphs=SpanIndex(para),
        sentences=SpanIndex(sents),
        furniture=furniture,
        authors=SpanIndex(meta.author_spans),
        doc=build_doc(text, sents, vocab),
    )
