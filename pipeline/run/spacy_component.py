"""bantin inside spaCy: a pipeline component, a tokenizer, and the span view of `bantin show`.

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "bantin.Tokenizer.v1"}}})
    nlp.add_pipe("bantin")
    for span in nlp(text).spans["bantin"]:
        span.label_, span.text, span._.record      # kind, the words of its evidence, the record

Both names reach spaCy through entry points (pyproject.toml), so no import of bantin is needed.
The component reads the Doc's text and returns bantin's own Doc over the same text (made with the
pipeline's vocab): its tokens are bantin's words whatever tokenizer ran before, and every offset
is unchanged. spaCy's own Vietnamese tokenizer needs pyvi (not installed, and it splits words its
own way); `bantin.Tokenizer.v1` replaces it offline with bantin's segmenter, so `nlp.make_doc`
gives bantin's words too (`use_pyvi = false`, spaCy's syllable split, works as well: the component
replaces it). The component runs after its tokenizer's segmentation, which the segmenter's cache
makes cheap the second time.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry as spacy_registry
from spacy.vocab import Vocab

from bantin.extractors import Extractor, registry
from bantin.gazetteer.sites import Sites
from bantin.pipeline.ingest.inputs import InputItem, read_item
from bantin.pipeline.run.article import input_hints, process_document, read_document
from bantin.pipeline.text.document import build_document
from bantin.pipeline.text.nlp import SPANS_KEY, attach_records

# displaCy's colour per record kind (its span view keys colours by upper-case label).
KIND_COLORS = {
    "date": "#90caf9",
    "unit": "#a5d6a7",
    "official": "#ffcc80",
    "campaign": "#ce93d8",
    "model": "#f48fb1",
    "money": "#fff59d",
    "count": "#80deea",
    "measure": "#bcaaa4",
}
# Record fields the show page's table leaves out: the span already shows them.
_PLACE = ("record_id", "article_id", "kind", "text", "start", "end", "sentence")


class BantinTokenizer:
    """spaCy's `nlp.tokenizer` made bantin's: the text's Doc with bantin's words and sentences."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return build_document("spacy", text, vocab=self.vocab).doc

    # Nothing to save: the segmenter's model ships with bantin.
    def to_bytes(self, **_: Any) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: Any) -> BantinTokenizer:
        return self

    def to_disk(self, _path: Any, **_: Any) -> None:
        return None

    def from_disk(self, _path: Any, **_: Any) -> BantinTokenizer:
        return self


@spacy_registry.tokenizers("bantin.Tokenizer.v1")
def make_bantin_tokenizer() -> Callable[[Language], BantinTokenizer]:
    def create(nlp: Language) -> BantinTokenizer:
        return BantinTokenizer(nlp.vocab)

    return create


class BantinComponent:
    """Every bantin extractor over a Doc's text: bantin's Doc back, the records in `doc.spans["bantin"]`,
    the article (title, date, ward) in `doc.user_data["bantin.article"]`."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.extractors: dict[str, Extractor] = registry()

    def __call__(self, doc: Doc) -> Doc:
        document = build_document("spacy", doc.text, vocab=self.vocab)
        result = process_document(document, self.extractors)
        out = document.doc
        out.user_data["title"] = document.title  # displaCy's heading
        out.user_data["bantin.article"] = {k: v for k, v in result.article.items() if k != "text"}
        out.user_data["bantin.errors"] = result.errors
        return out


@Language.factory("bantin")
def make_bantin_component(nlp: Language, name: str) -> BantinComponent:
    return BantinComponent(nlp.vocab)


def item_doc(item: InputItem, hints: dict[str, str] | None = None, sites: Sites | None = None) -> Doc:
    """One input (a text, a page) through the whole pipeline, as `bantin extract` reads it (with the
    same `--region` and sites file hints): its Doc."""
    raw = read_item(item)
    document = read_document(raw)
    document.hints.update(input_hints(item, raw, hints, sites))
    process_document(document, registry())
    document.doc.user_data["title"] = document.title or raw.source
    return document.doc


def stored_doc(article: Mapping[str, Any], records: Iterable[Mapping[str, Any]]) -> Doc:
    """An extracted article (a row of articles.jsonl, with its text) and its stored records as a Doc."""
    document = build_document(str(article.get("source", "")), article["text"])
    attach_records(document.doc, sorted(records, key=lambda r: (r["start"], r["end"], r["kind"])))
    document.doc.user_data["title"] = article.get("title") or article.get("source")
    return document.doc


def _record_table(doc: Doc) -> str:
    rows = []
    for span in doc.spans[SPANS_KEY]:
        record = span._.record
        fields = {k: v for k, v in record.items() if k not in _PLACE and v not in (None, [], {})}
        rows.append(
            f"<tr><td>{html.escape(record['kind'])}</td><td>{html.escape(record['text'])}</td>"
            f"<td>{record['start']}–{record['end']}</td>"
            f"<td><code>{html.escape(json.dumps(fields, ensure_ascii=False))}</code></td></tr>"
        )
    return (
        '<table style="border-collapse:collapse;font-size:.85rem;margin:1rem 0 3rem" border="1" '
        'cellpadding="4"><tr><th>kind</th><th>evidence</th><th>offsets</th><th>fields</th></tr>'
        + "".join(rows)
        + "</table>"
    )


# displaCy's span view compares every token with every span (tokens × spans): a dense 200 KB page would
# take minutes. It is drawn a paragraph at a time, a long paragraph in blocks of this many tokens.
_BLOCK_TOKENS = 300


def _blocks(doc: Doc) -> list[dict[str, Any]]:
    """The Doc as displaCy's manual span input, one per paragraph (or block of a long one); a block is
    cut only where no span is open."""
    spans = sorted(doc.spans[SPANS_KEY], key=lambda s: (s.start, s.end))
    blocks: list[dict[str, Any]] = []
    first = k = done = reach = 0  # block's first token; next span; first span of the block; spans' reach

    def close(end: int) -> None:
        nonlocal first, done
        tokens = [t.text for t in doc[first:end]]
        if any(t.strip() for t in tokens):
            marks = [
                {"start_token": s.start - first, "end_token": s.end - first, "label": s.label_}
                for s in spans[done:k]
            ]
            blocks.append({"text": doc[first:end].text_with_ws, "tokens": tokens, "spans": marks})
        first, done = end, k

    for i, token in enumerate(doc):
        if reach <= i and i - first >= _BLOCK_TOKENS:
            close(i)
        while k < len(spans) and spans[k].start == i:
            reach = max(reach, spans[k].end)
            k += 1
        if reach <= i + 1 and token.is_space and "\n" in token.text:
            close(i + 1)
    close(len(doc))
    return blocks


def render_show(docs: list[Doc]) -> str:
    """One self-contained HTML page (no network): each article's records drawn by displaCy's span view
    over its words, then a table of the records (kind, evidence, offsets, fields)."""
    parts = []
    options = {"colors": KIND_COLORS}
    for doc in docs:
        title = html.escape(str(doc.user_data.get("title") or ""))
        view = displacy.render(_blocks(doc), style="span", options=options, manual=True, jupyter=False)
        parts.append(f"<section><h2>{title}</h2>\n{view}\n{_record_table(doc)}</section>")
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>bantin show</title></head>\n'
        "<body style=\"font-family:system-ui,sans-serif;padding:2rem;max-width:80rem\">\n"
        + "\n".join(parts)
        + "\n</body></html>\n"
    )
