"""Vietnamese text encodings found on old sites, detected by character statistics.

Besides Unicode (UTF-8, UTF-16), ward sites written before Unicode took hold
use Windows-1258 (letters plus combining tone marks) and the font encodings
TCVN3 (ABC, ".VnTime" fonts) and VNI, whose bytes look like Latin-1 text
("TiÕng ViÖt", "Tieáng Vieät"); such text is sometimes even saved as UTF-8.
`decode_bytes` tries the candidates and keeps the one whose result reads most
like Vietnamese: the share of letters that carry Vietnamese diacritics, less a
penalty for Latin-1 symbols that Vietnamese text never has. Tables live in
pipeline/data/tcvn3.tsv and vni.tsv.
"""

from __future__ import annotations

import codecs
import unicodedata
from contextlib import suppress
from dataclasses import dataclass
from functools import cache

import regex

from bantin.pipeline.text.resources import load_tsv

UTF8 = "utf-8"


class EncodingProblem(ValueError):
    """Bytes that are no text in any encoding we know; the message says what was found."""


@dataclass(frozen=True)
class _Compiled:
    tcvn3: dict[int, str]
    vni: dict[str, str]
    vni_pattern: regex.Pattern[str]
    vietnamese: frozenset[str]  # letters with Vietnamese diacritics, both cases
    symbols: frozenset[str]  # Latin-1 characters that Vietnamese text does not use
    syllable: regex.Pattern[str]  # a well-formed Vietnamese syllable


@cache
def compiled() -> _Compiled:
    tcvn3 = {int(row["byte"], 16): row["letter"] for row in load_tsv("pipeline", "tcvn3.tsv")}
    vni = {
        "".join(chr(int(h, 16)) for h in row["sequence"].split()): row["letter"]
        for row in load_tsv("pipeline", "vni.tsv")
    }
    letters = set(tcvn3.values()) | set(vni.values())
    vietnamese = frozenset(letters | {c.upper() for c in letters} | {c.lower() for c in letters})
    symbols = frozenset(chr(i) for i in range(0xA1, 0x100)) - vietnamese
    alternation = "|".join(regex.escape(s) for s in sorted(vni, key=len, reverse=True))
    vowels = "".join(sorted({c for c in vietnamese if c.lower() != "đ"} | set("aeiouyAEIOUY")))
    syllable = regex.compile(
        rf"(?i:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?[{vowels}]{{1,3}}(?i:ng|nh|ch|[cmnpt])?"
    )
    return _Compiled(tcvn3, vni, regex.compile(alternation), vietnamese, symbols, syllable)


def tcvn3_to_unicode(text: str) -> str:
    t = compiled()
    return text.translate(t.tcvn3)


def vni_to_unicode(text: str) -> str:
    t = compiled()
    return t.vni_pattern.sub(lambda m: t.vni[m.group()], text)


def unicode_to_tcvn3(text: str) -> str:
    """The inverse, for tests and for producing samples: Unicode → TCVN3 (as Latin-1 text)."""
    inverse = {ord(letter): chr(byte) for byte, letter in compiled().tcvn3.items()}
    return unicodedata.normalize("NFC", text).translate(inverse)


def unicode_to_vni(text: str) -> str:
    inverse = {letter: seq for seq, letter in compiled().vni.items()}
    return "".join(inverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def unicode_to_cp1258(text: str) -> bytes:
    """Unicode → Windows-1258 bytes: a base letter (â, ơ, đ … are single bytes) and a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in _TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


@cache
def _toned(ch: str) -> bool:
    return any(c in _TONE_MARKS for c in unicodedata.normalize("NFD", ch))


def _is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable: onset, one to three vowels, coda, and at most one tone mark."""
    return bool(compiled().syllable.fullmatch(word)) and sum(1 for ch in word if _toned(ch)) <= 1


def vietnamese_score(text: str) -> float:
    """How much a text reads as Vietnamese: the share of words that are well-formed syllables
    (one tone mark each), plus a little for diacritics, less three times the share of stray
    Latin-1 symbols. Text decoded with the wrong table fails on syllables: "éaềng", "phýừèng".
    """
    t = compiled()
    sample = text[:20_000]
    letters = viet = odd = 0
    for ch in sample:
        if ch.isalpha():
            letters += 1
            if ch in t.vietnamese:
                viet += 1
        if ch in t.symbols:
            odd += 1
    words = regex.findall(r"\p{L}+", sample)
    if not words or viet == 0:
        return 0.0
    syllables = sum(1 for w in words if _is_syllable(w)) / len(words)
    return syllables + 0.1 * viet / max(1, letters) - 3 * odd / max(1, letters)


def _has_unicode_vietnamese(text: str) -> bool:
    return any("\u0102" <= ch <= "\u01b0" or "\u1ea0" <= ch <= "\u1ef9" for ch in text)


# Font-encoded files were written on Windows: bytes 0x80–0x9F are cp1252 punctuation (“ ” – …).
_C1_AS_CP1252 = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _font_candidates(latin1_text: str) -> list[tuple[str, str]]:
    return [("tcvn3", tcvn3_to_unicode(latin1_text)), ("vni", vni_to_unicode(latin1_text))]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a file's bytes; EncodingProblem when none fits."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise EncodingProblem(f"invalid UTF-16 at byte {exc.start}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, exc)
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else UTF8
    if _has_unicode_vietnamese(text) or not any(ch in compiled().symbols for ch in text):
        return text, encoding
    # Latin-1-looking text saved as UTF-8: a font encoding read with the wrong font table.
    best_name, best_text = max(_font_candidates(text), key=lambda c: vietnamese_score(c[1]))
    if vietnamese_score(best_text) > max(0.6, vietnamese_score(text) + 0.05):
        return best_text, f"{best_name} (in utf-8)"
    return text, encoding


def _decode_legacy(data: bytes, exc: UnicodeDecodeError) -> tuple[str, str]:
    high = sum(1 for b in data if b >= 0x80)
    if exc.start >= len(data) - 3 and _utf8_prefix_ok(data, exc.start):
        raise EncodingProblem(
            f"truncated UTF-8: the file ends inside a character (offset {exc.start} of {len(data)})"
        ) from exc
    valid_utf8_high = _valid_utf8_high_bytes(data)
    if high and valid_utf8_high / high > 0.9:
        raise EncodingProblem(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    candidates: list[tuple[str, str]] = []
    with suppress(UnicodeDecodeError):
        candidates.append(("windows-1258", unicodedata.normalize("NFC", data.decode("cp1258"))))
    candidates += _font_candidates(data.decode("latin-1").translate(_C1_AS_CP1252))
    name, text = max(candidates, key=lambda c: vietnamese_score(c[1]))
    if vietnamese_score(text) < 0.6:
        raise EncodingProblem(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}), and not Vietnamese "
            "in Windows-1258, TCVN3 or VNI either"
        ) from exc
    return text, name


def _utf8_prefix_ok(data: bytes, cut: int) -> bool:
    try:
        data[:cut].decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _valid_utf8_high_bytes(data: bytes) -> int:
    """How many bytes ≥ 0x80 belong to well-formed UTF-8 sequences."""
    return sum(
        len(m.group())
        for m in regex.finditer(
            rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data
        )
    )
