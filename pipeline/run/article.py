"""One article: one input item → Document → every registered extractor → validated records.

`process_item` takes one input through ingest, analysis, every registered extractor and the
arbitration between kinds, and returns the article, its records and its errors; nothing here
stops on a failure: a bad file, an extractor that raises, a record that fails validation each
become an error entry with the source and the reason. The batch (many inputs, workers, the
journal, identical articles merged, the output files) is `bantin.pipeline.run.batch`'s.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from bantin.extractors import Extractor, find_all
from bantin.extractors.base import Mention
from bantin.gazetteer.link import article_ward
from bantin.gazetteer.sites import Sites
from bantin.pipeline.ingest.inputs import (
    DEFAULT_MAX_BYTES,
    IngestError,
    InputItem,
    RawArticle,
    read_item,
)
from bantin.pipeline.records.roles import assign_roles
from bantin.pipeline.records.schema import Article, ErrorEntry, WardLink, validate_record
from bantin.pipeline.text import ids
from bantin.pipeline.text.document import Document, build_document
from bantin.pipeline.text.nlp import attach_records
from bantin.pipeline.text.spans import Span

# A record keeps at most this many characters of its sentence, around its evidence: a page may be one
# 200 KB "sentence" holding thousands of figures, and each record would carry all of it.
SENTENCE_CAP = 400
CUT = "…"  # marks each end where a stored sentence was cut


@dataclass
class ArticleResult:
    """One input's outcome: its article (empty when it gave none), records and errors; `skipped`
    when --resume found it already done."""

    article: dict[str, Any]
    records: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    skipped: bool = False


def _error(source: str, stage: str, reason: str, **extra: Any) -> dict[str, Any]:
    return ErrorEntry(source=source, stage=stage, reason=reason, **extra).model_dump(mode="json")  # type: ignore[arg-type]


def record_sentence(text: str, sentence: Span, start: int, end: int, cap: int = SENTENCE_CAP) -> str:
    """The sentence holding the evidence `text[start:end]`; a longer one than `cap` characters is cut to
    about `cap` around the evidence (never inside it, and at a space), each cut end marked with "…"."""
    first, last = min(sentence.start, start), max(sentence.end, end)
    if last - first <= cap:
        return text[first:last]
    room = max(0, cap - (end - start))
    left = max(first, start - room // 2)
    right = min(last, end + room - (start - left))
    left = max(first, start - (room - (right - end)))  # room the right side did not use
    if left > first:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < last:
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    return (CUT if left > first else "") + text[left:right] + (CUT if right < last else "")


def mentions_to_records(document: Document, kind: str, mentions: Iterable[Mention]) -> ArticleResult:
    """Validated records of one extractor's mentions; furniture dropped, failures reported."""
    records: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    seen: set[tuple[int, int, str]] = set()
    for mention in mentions:
        if document.in_furniture(mention.start, mention.end):
            continue
        discriminator = repr(sorted(mention.fields.items()))
        key = (mention.start, mention.end, discriminator)
        if key in seen:
            continue
        seen.add(key)
        sentence = record_sentence(
            document.text, document.sentence_at(mention.start), mention.start, mention.end
        )
        data = {
            "record_id": ids.record_id(document.article_id, kind, mention.start, mention.end, discriminator),
            "article_id": document.article_id,
            "kind": mention.kind,
            "text": document.text[mention.start : mention.end],
            "start": mention.start,
            "end": mention.end,
            "sentence": sentence,
            **mention.fields,
        }
        try:
            record = validate_record(data, document.text)
        except ValidationError as exc:
            reason = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            errors.append(
                _error(
                    document.source,
                    "validate",
                    reason,
                    article_id=document.article_id,
                    kind=kind,
                    record={k: v for k, v in data.items() if k != "sentence"},
                )
            )
            continue
        records.append(record.model_dump(mode="json"))
    return ArticleResult(article={}, records=records, errors=errors)


def _span(sentence: Any) -> tuple[int, int]:
    return sentence.start, sentence.end


def process_document(document: Document, extractors: dict[str, Extractor]) -> ArticleResult:
    """Run every extractor over one Document (in the registry's order), then the arbitration step."""
    records: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []

    def failed(kind: str, exc: Exception) -> None:  # an extractor bug must not lose the article
        errors.append(
            _error(
                document.source,
                "extract",
                f"{kind} extractor failed: {type(exc).__name__}: {exc}",
                article_id=document.article_id,
                kind=kind,
            )
        )

    for kind, mentions in find_all(document, extractors=extractors, on_error=failed).items():
        result = mentions_to_records(document, kind, mentions)
        records.extend(result.records)
        errors.extend(result.errors)
    records.sort(key=lambda r: (r["start"], r["end"], r["kind"]))
    assign_roles(document.text, records, lambda r: _span(document.sentence_at(r["start"])))
    attach_records(document.doc, records)  # doc.spans["bantin"], for spaCy users and `bantin show`
    ward = None
    try:
        title_span = document.meta.title_span
        ward = article_ward(
            [r for r in records if r["kind"] == "unit"],
            title_span.end if title_span else None,
            document.published,
            document.hints,
            lead=[(s.start, s.end) for s in document.lead()],
            text=document.text,
        )
    except Exception as exc:  # the register is an aid: its failure must not lose the article
        errors.append(
            _error(
                document.source,
                "gazetteer",
                f"article ward failed: {type(exc).__name__}: {exc}",
                article_id=document.article_id,
            )
        )
    article = Article(
        article_id=document.article_id,
        source=document.source,
        title=document.title,
        published=document.published,
        authors=list(document.meta.authors),
        ward=None if ward is None else WardLink.model_validate(ward),
        text=document.text,
    ).model_dump(mode="json")
    return ArticleResult(article=article, records=records, errors=errors)


WARM_UP_TEXT = "Phường 6 tổ chức hội nghị ngày 12/7/2023 với 120 đại biểu."


def warm_up(extractors: dict[str, Extractor]) -> None:
    """Load every model and data file (the register, underthesea's, each extractor's) by one short
    article, then keep what they made out of the garbage collector's sweeps (`gc.freeze`): each full
    collection would otherwise walk the models' millions of dict entries again, seconds in all on a
    dense page that makes millions of objects (and, in forked workers, copy their memory pages)."""
    process_document(build_document("warm-up", WARM_UP_TEXT), extractors)
    gc.freeze()


# Allocations between two young collections while one article is processed (Python's default: 700).
ARTICLE_GC_THRESHOLD = 50_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Young-generation collections made rarer while one article is processed: a dense page makes
    millions of short-lived objects (a token, a number, a record every few characters), none in a
    cycle, and every 700 of them the collector would walk everything still alive."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], ARTICLE_GC_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def read_document(raw: RawArticle) -> Document:
    """A read input's Document; the page's title, date and authors fill in what its text does not say."""
    return build_document(
        raw.source,
        raw.text,
        title=raw.title,
        published=raw.published,
        authors=raw.authors,
        title_stated=raw.stated,
    )


def input_hints(
    item: InputItem, raw: RawArticle, hints: dict[str, str] | None, sites: Sites | None
) -> dict[str, str]:
    """The hints for the gazetteer of one input: the run's (`--region`), then the sites file's for
    the input's path or, when the path matches no site, for the page's own URL (a saved page's
    canonical link)."""
    out = dict(hints or {})
    if sites is not None:
        site_hints = sites.hints_for(item.label)
        if not site_hints and raw.source != item.label:
            site_hints = sites.hints_for(raw.source)
        out.update(site_hints)
    return out


@fewer_collections()
def process_item(
    item: InputItem,
    extractors: dict[str, Extractor],
    hints: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skip_ids: frozenset[str] = frozenset(),
    sites: Sites | None = None,
) -> ArticleResult:
    """One input through the whole pipeline; ingest problems become error entries.

    An article whose id is in `skip_ids` (already done, for --resume) comes back with
    `skipped` set and nothing extracted. `sites` adds the hints of the input's path or, when the
    path matches no site, of the page's own URL (a saved page's canonical link).
    """
    try:
        raw = read_item(item, max_bytes)
    except IngestError as exc:
        return ArticleResult(article={}, records=[], errors=[_error(exc.source, "ingest", exc.reason)])
    if ids.article_id(raw.text) in skip_ids:
        return ArticleResult(
            article={"article_id": ids.article_id(raw.text)}, records=[], errors=[], skipped=True
        )
    try:
        document = read_document(raw)
    except Exception as exc:  # analysis failure: report it, keep the batch going
        return ArticleResult(
            article={},
            records=[],
            errors=[_error(raw.source, "extract", f"analysis failed: {type(exc).__name__}: {exc}")],
        )
    document.hints.update(input_hints(item, raw, hints, sites))
    result = process_document(document, extractors)
    result.article["hints"] = dict(document.hints)
    result.article["encoding"] = raw.encoding
    result.article["sources"] = [raw.source]
    return result
