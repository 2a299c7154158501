"""Ingest: find the inputs, read them, decode them and normalise their text.

Inputs are bulletin files (`*.txt`), scraped pages (`*.html`, `*.htm`: the
article without the page's furniture, its heading and its own date, see
pipeline/ingest/html.py) and JSONL files of
scraped pages (one object per line with `url` and `html` or `text`, optional
`published`, `title`). Text may be UTF-8 (with or without BOM), UTF-16 with
BOM, or a legacy Vietnamese encoding (Windows-1258, TCVN3, VNI: see
pipeline/ingest/encodings.py); the encoding found is kept. Newlines become `\\n`, the
text is NFC. Anything else raises `IngestError` with a reason a person can act
on; the batch records it and goes on.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bantin.pipeline.ingest.encodings import EncodingProblem, decode_bytes

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
    # Why a path met in a folder cannot be read (a dangling symlink, a FIFO …), found without opening it.
    problem: str | None = field(default=None, compare=False)

    @property
    def source(self) -> str:
        """The path as text that can be written (a file name that is not UTF-8 shows its bytes as \\xNN)."""
        return printable(self.path)

    @property
    def label(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` without lone surrogates, shown as the bytes of an undecodable file name (\\xff) or as
    the code point (\\ud800)."""

    def shown(m: re.Match[str]) -> str:
        code = ord(m[0])
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _SURROGATE.sub(shown, text)


_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
_FILE_TYPES = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def walk_inputs(inputs: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Each input file with the reason it cannot be read (None when it can), in a stable order.

    Folders are expanded recursively (*.txt, *.html, *.htm, *.jsonl, symlinked folders too); what a
    folder holds that cannot be read is yielded with its reason, never dropped: symlink loops,
    dangling symlinks (whatever their name), FIFOs, devices and sockets with a bulletin's suffix,
    folders that cannot be listed. A path given by name is yielded as is: reading it (a pipe too)
    reports the problem.
    """
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        found = _walk(path, frozenset()) if path.is_dir() else iter([(path, None)])
        for file, problem in found:
            if file not in seen:
                seen.add(file)
                yield file, problem


def _walk(folder: Path, ancestors: frozenset[str]) -> Iterator[tuple[Path, str | None]]:
    real = os.path.realpath(folder)
    if real in ancestors:
        yield folder, "symlink loop (a link to a folder that contains it), not followed"
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield folder, f"cannot list the folder: {exc.strerror or exc}"
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            mode = os.stat(entry.path).st_mode  # follows symlinks
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                yield path, "symlink loop, not followed"
            elif entry.is_symlink():
                yield path, "dangling symlink (its target does not exist)"
            else:
                yield path, f"cannot read: {exc.strerror or exc}"
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, ancestors | {real})
        elif path.suffix.lower() in _SUFFIXES:
            kind = next((name for test, name in _FILE_TYPES if test(mode)), None)
            yield path, None if stat.S_ISREG(mode) else f"not a regular file ({kind or 'special file'})"


def iter_inputs(inputs: Iterable[str | Path]) -> Iterator[InputItem]:
    """Every input item: one per file, one per non-empty line of a JSONL file."""
    for path, problem in walk_inputs(inputs):
        if problem is None and path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            for number, offset in _jsonl_lines(path):
                yield InputItem(str(path), number, offset)
        else:
            yield InputItem(str(path), problem=problem)


def _jsonl_lines(path: Path, chunk: int = 1 << 20) -> Iterator[tuple[int, int]]:
    """(line number, byte offset) of each non-blank line, read in bounded chunks (a line may be huge)."""
    offset = number = 0
    with path.open("rb") as fh:
        while True:
            start, blank = offset, True
            while True:
                part = fh.readline(chunk)
                offset += len(part)
                blank = blank and not part.strip()
                if not part or part.endswith(b"\n"):
                    break
            if offset == start:
                return
            number += 1
            if not blank:
                yield number, start


def normalise(text: str) -> str:
    """`\\n` newlines, NFC; a lone surrogate (from a JSON escape) becomes U+FFFD, offsets unchanged."""
    text = _SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


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


def size_text(n: int) -> str:
    """A byte count for people: "100 bytes", "12.3 KB", "5.0 MB"."""
    if n < 1000:
        return f"{n} bytes"
    return f"{n / 1e3:.1f} KB" if n < 1_000_000 else f"{n / 1e6:.1f} MB"


def _too_large(source: str, size: int | None, max_bytes: int) -> IngestError:
    found = size_text(size) if size is not None else f"more than {size_text(max_bytes)}"
    return IngestError(
        source, f"too large for a bulletin ({found}; the limit is {size_text(max_bytes)}, see --max-bytes)"
    )


def _read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    """At most `max_bytes` of a file, a pipe or a device: never more than max_bytes + 1 are read."""
    try:
        with path.open("rb") as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                raise _too_large(source, info.st_size, max_bytes)
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _too_large(source, None, max_bytes)
        return data
    except FileNotFoundError as exc:
        raise IngestError(source, "no such file") from exc
    except IsADirectoryError as exc:
        raise IngestError(source, "is a directory") from exc
    except OSError as exc:
        raise IngestError(source, f"cannot read: {exc.strerror or exc}") from exc


def read_item(item: InputItem, max_bytes: int = DEFAULT_MAX_BYTES) -> RawArticle:
    """Read one input item (a text file, an HTML page, a JSONL line) into a RawArticle."""
    path, source = Path(item.path), item.source
    if item.problem is not None:
        raise IngestError(source, item.problem)
    if item.line is not None:
        return _read_jsonl_line(item, max_bytes)
    data = _read_bytes(path, source, max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES:
        html, encoding = decode_with_encoding(data, source)
        return from_html(html, source, encoding)
    text, encoding = decode_with_encoding(data, source)
    return RawArticle(source, text, encoding)


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
            label, f"line too large for a bulletin (more than {size_text(max_bytes)}; see --max-bytes)"
        )
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError(label, f"not a JSON object: {exc}") from exc
    if not isinstance(obj, dict):
        raise IngestError(label, "not a JSON object")
    url = obj.get("url")
    source = printable(url) if isinstance(url, str) and url.strip() else label
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
    """The article of a page and what the page states (ingest/html.py); the page's URL is the source."""
    try:
        from bantin.pipeline.ingest.html import PageProblem, read_page
    except ImportError as exc:  # pragma: no cover - the module itself imports nothing optional
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
