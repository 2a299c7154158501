"""Ingest: find input files, decode them and normalise their text.

Accepted: UTF-8 (with or without BOM) and UTF-16 with BOM. Newlines become
`\\n` and the text is NFC. Anything else raises `IngestError` with a reason a
person can act on; the batch records it and goes on.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


class IngestError(Exception):
    """A file that cannot be read as a bulletin; `reason` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class RawArticle:
    source: str
    text: str


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Each input file, folders expanded recursively to their `*.txt` files, in a stable order.

    A path that does not exist is yielded as is, so that reading it reports the problem.
    """
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        found = sorted(p for p in path.rglob("*.txt") if p.is_file()) if path.is_dir() else [path]
        for file in found:
            if file not in seen:
                seen.add(file)
                yield file


def decode(data: bytes, source: str) -> str:
    """Bytes to normalised text, or IngestError."""
    if not data:
        raise IngestError(source, "empty file")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(source, f"invalid UTF-16 at byte {exc.start}") from exc
    else:
        if b"\x00" in data:
            raise IngestError(source, "binary file (contains NUL bytes), not a text bulletin")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise IngestError(
                source, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from exc
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _is_control_heavy(text):
        raise IngestError(source, "binary content (mostly control characters), not a text bulletin")
    if not text.strip():
        raise IngestError(source, "no text (only whitespace)")
    return text


def _is_control_heavy(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    return controls > max(3, len(text) // 100)


def read_article(path: Path) -> RawArticle:
    """Read and decode one file; IngestError when it is missing, unreadable or not text."""
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(source, "no such file") from exc
    except IsADirectoryError as exc:
        raise IngestError(source, "is a directory") from exc
    except OSError as exc:
        raise IngestError(source, f"cannot read: {exc.strerror or exc}") from exc
    return RawArticle(source=source, text=decode(data, source))
