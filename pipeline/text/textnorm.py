"""Text keys for matching Vietnamese words: case, NFC and tone-mark placement folded.

"Uỷ" and "Ủy", "khoá" and "khóa", "Hoà" and "Hòa" are the same word written
with the tone mark on a different vowel; `fold` maps them to one key.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_TONES = {"\u0300": "1", "\u0301": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word, case-folded, with its tone mark moved to the end as a digit: "Uỷ" → "uy3"."""
    decomposed = unicodedata.normalize("NFD", word).casefold()
    tone = "".join(_TONES.get(c, "") for c in decomposed)
    base = "".join(c for c in decomposed if c not in _TONES)
    return unicodedata.normalize("NFC", base) + tone


def fold(text: str) -> str:
    """A phrase key: words folded, whitespace (line breaks included) collapsed to one space."""
    if len(text) <= _SHORT_PHRASE:
        return _fold_short(text)
    return " ".join(fold_word(w) for w in text.split())


# Names, titles and keys are folded again and again (once per mention of a long page): short
# phrases are memoised whole; longer texts are not kept.
_SHORT_PHRASE = 64


@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    return " ".join(fold_word(w) for w in text.split())


# Vowel pairs whose tone mark is placed on either vowel: "uỷ"/"ủy", "hoá"/"hóa", "khoẻ"/"khỏe".
_PAIRS = ("oa", "oe", "uy")
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"


def tolerant_pattern(phrase: str) -> str:
    """A regex for a literal phrase that also matches the other tone placement and any whitespace run."""
    import regex

    out: list[str] = []
    for word in phrase.split():
        decomposed = unicodedata.normalize("NFD", word)
        base = "".join(c for c in decomposed if c not in _TONE_MARKS)
        tone = "".join(c for c in decomposed if c in _TONE_MARKS)
        plain = unicodedata.normalize("NFC", base)
        variants = {unicodedata.normalize("NFC", word)}
        low = plain.casefold()
        for pair in _PAIRS:
            at = low.find(pair)
            if tone and at >= 0:
                for pos in (at, at + 1):
                    placed = plain[: pos + 1] + tone + plain[pos + 1 :]
                    variants.add(unicodedata.normalize("NFC", unicodedata.normalize("NFD", placed)))
        out.append("(?:" + "|".join(regex.escape(v) for v in sorted(variants, key=len, reverse=True)) + ")")
    return r"\s+".join(out)


def tolerant_alternation(words: list[str]) -> str:
    """An alternation of `tolerant_pattern`s, longest phrase first ("tổ dân phố" before "tổ")."""
    return "|".join(f"(?:{tolerant_pattern(w)})" for w in sorted(set(words), key=len, reverse=True))
