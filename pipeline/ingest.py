"""Ingest: find the inputs, read them, decode them and normalise their text.

Inputs are bulletin files (`*.txt`), scraped pages (`*.html`, `*.htm`: the
article without the page's furniture, its heading and its own date, see
pipeline/html.py) and JSONL files of
scraped pages (one object per line with `url` and `html` or `text`, optional
`published`, `title`). Text may be UTF-8 (with or without BOM), UTF-16 with
BOM, or a legacy Vietnamese encoding (Windows-1258, TCVN3, VNI: see
pipeline/encodings.py); the encoding found is kept. Newlines become `\\n`, the
text is NFC. Anything else raises `IngestError` with a reason a person can act
on; the batch records it and goes on.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.encodings import EncodingProblem, decode_bytes

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
DEFAULT_MAX_BYTES = 5_000_000  # a bulletin is a few KB; a 50 MB "page" is not one


class IngestError(Exception):
    """An input that cannot be read as a bulletin; `reason` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class RawArticle:
    source: str
    text: str
    encoding: str = "utf-8"
    # Metadata given by the page or the JSONL line, used where the text itself has none.
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    # True when `title` is what a page states (its heading, or none): it stands over the text's reading.
    stated: bool = False


@dataclass(frozen=True)
class InputItem:
    """One input: a file, or one line of a JSONL file (by its byte offset, so items stay small)."""

    path: str
    line: int | None = None
    offset: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def label(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Each input file, folders expanded recursively (*.txt, *.html, *.htm, *.jsonl), in a stable order.

    A path that does not exist is yielded as is, so that reading it reports the problem.
    """
    seen: set[Path] = set()
    suffixes = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        else:
            found = [path]
        for file in found:
            if file not in seen:
                seen.add(file)
                yield file


def iter_inputs(inputs: Iterable[str | Path]) -> Iterator[InputItem]:
    """Every input item: one per file, one per non-empty line of a JSONL file."""
    for path in iter_input_files(inputs):
        if path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            offset = 0
            with path.open("rb") as fh:
                for number, line in enumerate(fh, 1):
                    if line.strip():
                        yield InputItem(str(path), number, offset)
                    offset += len(line)
        else:
            yield InputItem(str(path))


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def decode(data: bytes, source: str) -> str:
    """Bytes to normalised text, or IngestError."""
    return decode_with_encoding(data, source)[0]


def decode_with_encoding(data: bytes, source: str) -> tuple[str, str]:
    if not data:
        raise IngestError(source, "empty file")
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(source, "binary file (contains NUL bytes), not a text bulletin")
    try:
        text, encoding = decode_bytes(data)
    except EncodingProblem as exc:
        raise IngestError(source, str(exc)) from exc
    text = normalise(text)
    if _is_control_heavy(text):
        raise IngestError(source, "binary content (mostly control characters), not a text bulletin")
    if not text.strip():
        raise IngestError(source, "no text (only whitespace)")
    return text, encoding


def _is_control_heavy(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    return controls > max(3, len(text) // 100)


def _read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(
                source,
                f"too large for a bulletin ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit, "
                "see --max-bytes)",
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(source, "no such file") from exc
    except IsADirectoryError as exc:
        raise IngestError(source, "is a directory") from exc
    except OSError as exc:
        raise IngestError(source, f"cannot read: {exc.strerror or exc}") from exc


def read_article(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawArticle:
    """Read and decode one bulletin file; IngestError when it is missing, unreadable or not text."""
    return read_item(InputItem(str(path)), max_bytes)


def read_item(item: InputItem, max_bytes: int = DEFAULT_MAX_BYTES) -> RawArticle:
    """Read one input item (a text file, an HTML page, a JSONL line) into a RawArticle."""
    path = Path(item.path)
    if item.line is not None:
        return _read_jsonl_line(item, max_bytes)
    data = _read_bytes(path, item.path, max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES:
        html, encoding = decode_with_encoding(data, item.path)
        return from_html(html, item.path, encoding)
    text, encoding = decode_with_encoding(data, item.path)
    return RawArticle(item.path, text, encoding)


def _read_jsonl_line(item: InputItem, max_bytes: int) -> RawArticle:
    label = item.label
    try:
        with open(item.path, "rb") as fh:
            fh.seek(item.offset or 0)
            raw = fh.readline(max_bytes + 1)
    except OSError as exc:
        raise IngestError(label, f"cannot read: {exc.strerror or exc}") from exc
    if len(raw) > max_bytes:
        raise IngestError(
            label, f"line too large for a bulletin (> {max_bytes / 1e6:.1f} MB; see --max-bytes)"
        )
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError(label, f"not a JSON object: {exc}") from exc
    if not isinstance(obj, dict):
        raise IngestError(label, "not a JSON object")
    url = obj.get("url")
    source = str(url) if isinstance(url, str) and url.strip() else label
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    published = obj.get("published") if isinstance(obj.get("published"), str) else None
    if isinstance(obj.get("html"), str) and obj["html"].strip():
        page = from_html(normalise(obj["html"]), source, "utf-8", url_given=isinstance(url, str))
        return RawArticle(
            page.source,
            page.text,
            page.encoding,
            title or page.title,
            published or page.published,
            page.authors,
            stated=True,
        )
    if isinstance(obj.get("text"), str) and obj["text"].strip():
        text = normalise(obj["text"])
        if title and not text.lstrip().startswith(title.strip()):
            text = f"{title.strip()}\n\n{text}"
        return RawArticle(source, text, "utf-8", title, published)
    raise IngestError(label, "the JSON object has neither 'html' nor 'text'")


def from_html(html: str, source: str, encoding: str, *, url_given: bool = False) -> RawArticle:
    """The article of a page and what the page states (pipeline/html.py); the page's URL is the source."""
    try:
        from pipeline.html import PageProblem, read_page
    except ImportError as exc:  # pragma: no cover - pipeline.html itself imports nothing optional
        raise IngestError(source, f"the HTML reader cannot be loaded: {exc}") from exc
    try:
        page = read_page(html)
    except ImportError as exc:
        # trafilatura or lxml's html_clean missing from this install: this page cannot be read.
        raise IngestError(
            source, f"the HTML reader cannot be loaded ({exc}); install trafilatura and lxml_html_clean"
        ) from exc
    except PageProblem as exc:
        raise IngestError(source, str(exc)) from exc
    except Exception as exc:  # a parser failure on a broken page is that page's problem only
        raise IngestError(source, f"HTML could not be parsed: {type(exc).__name__}: {exc}") from exc
    page_source = source if url_given or not page.url else page.url
    return RawArticle(
        page_source,
        normalise(page.text),
        encoding,
        page.title,
        page.published,
        page.authors,
        stated=True,
    )
