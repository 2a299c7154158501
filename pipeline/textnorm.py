"""Text keys for matching Vietnamese words: case, NFC and tone-mark placement folded.

"Uỷ" and "Ủy", "khoá" and "khóa", "Hoà" and "Hòa" are the same word written
with the tone mark on a different vowel; `fold` maps them to one key. `ascii_fold`
drops every diacritic as well (for register names typed without marks).
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
    return " ".join(fold_word(w) for w in text.split())


def ascii_fold(text: str) -> str:
    """No diacritics at all, "đ" → "d", lower case: for names typed without marks."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())
