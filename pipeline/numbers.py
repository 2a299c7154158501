"""Vietnamese numbers, in one place: numerals, number words, scales, qualifiers.

Rules (documented in the README):
- "." groups thousands and "," is the decimal mark: "2.676" → 2676,
  "1.778.000" → 1778000, "11,7" → 11.7, "06" → 6.
- Ambiguous forms are decided by the digits after the mark: a "." followed by
  groups of exactly three digits groups thousands; a "." followed by one or
  two digits ("4.7") is a decimal point (an English-style figure). A "," is a
  decimal mark unless it separates several three-digit groups ("194,104,000").
- Number words ("năm trăm nghìn", "hai mươi lăm", "mốt", "lăm", "tư") and
  scales (nghìn/ngàn, triệu, tỷ/tỉ) compose, also in compounds with numerals:
  "2 tỷ 300 triệu" → 2300000000.
- Qualifiers come from `pipeline/data/numbers.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

import regex

from pipeline.resources import load_yaml

NUMERAL = r"\d+(?:[.,]\d+)*"
_FLAGS = regex.IGNORECASE | regex.VERSION1


@dataclass(frozen=True)
class Quantity:
    """A number found in text: `start`/`end` cover the number (scales included), not the qualifier."""

    start: int
    end: int
    value: Decimal
    qualifier: str
    qualifier_start: int  # where the qualifier word begins (== start when exact)
    has_scale: bool


@dataclass(frozen=True)
class _Grammar:
    digits: dict[str, int]
    ten: frozenset[str]
    tens: frozenset[str]
    hundred: frozenset[str]
    zero_filler: frozenset[str]
    scales: dict[str, int]
    quantity: regex.Pattern[str]
    before: tuple[tuple[regex.Pattern[str], str], ...]
    after: tuple[tuple[regex.Pattern[str], str], ...]


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def grammar() -> _Grammar:
    data = load_yaml("pipeline", "numbers.yaml")
    digits = {k.casefold(): int(v) for k, v in data["digits"].items()}
    scales = {k.casefold(): int(v) for k, v in data["scales"].items()}
    word_list = [*digits, *data["ten"], *data["tens"], *data["hundred"], *data["zero_filler"]]
    word = rf"(?:{_alternation(word_list)})"
    scale = rf"(?:{_alternation(list(scales))})"
    # A number is a numeral or a run of number words; scales may follow, and
    # further "number scale" pairs make a compound.
    base = rf"(?:{NUMERAL}|{word}(?:\s+{word})*)"
    atom = rf"{base}(?:\s*{scale}(?!\w))?"
    quantity = rf"(?<![\w.,/-])(?P<q>{atom}(?:\s+{base}\s*{scale}(?!\w))*)(?![\w])"
    before = []
    for qual, words in data["qualifiers_before"].items():
        for w in words:
            before.append(
                (regex.compile(rf"(?:^|(?<=[\s(“\"']))(?:{regex.escape(w)})\s+$", _FLAGS), qual, len(w))
            )
    before.sort(key=lambda item: -item[2])
    after = []
    for qual, words in data["qualifiers_after"].items():
        for w in words:
            after.append((regex.compile(rf"^\s*(?:\S+\s+){{0,6}}?{regex.escape(w)}(?!\w)", _FLAGS), qual))
    return _Grammar(
        digits=digits,
        ten=frozenset(data["ten"]),
        tens=frozenset(data["tens"]),
        hundred=frozenset(data["hundred"]),
        zero_filler=frozenset(data["zero_filler"]),
        scales=scales,
        quantity=regex.compile(quantity, _FLAGS),
        before=tuple((p, q) for p, q, _ in before),
        after=tuple(after),
    )


def parse_numeral(token: str) -> Decimal | None:
    """A written numeral to its value by the Vietnamese rules above; None if it is not one."""
    if not regex.fullmatch(NUMERAL, token):
        return None
    dots, commas = token.count("."), token.count(",")
    try:
        if dots and commas:
            # "1.234,5": dots group, the comma is decimal.
            whole, _, frac = token.rpartition(",")
            if "," in whole:
                return None
            groups = whole.split(".")
            if not all(len(g) == 3 for g in groups[1:]):
                return None
            return Decimal("".join(groups) + "." + frac)
        if dots:
            groups = token.split(".")
            if all(len(g) == 3 for g in groups[1:]):
                return Decimal("".join(groups))
            if dots == 1:
                return Decimal(token)
            return None
        if commas:
            groups = token.split(",")
            if commas > 1:
                return Decimal("".join(groups)) if all(len(g) == 3 for g in groups[1:]) else None
            return Decimal(token.replace(",", "."))
        return Decimal(token)
    except InvalidOperation:
        return None


def parse_words(words: list[str]) -> Decimal | None:
    """Number words below a thousand ("hai mươi lăm", "một trăm linh năm"); None if they are not a number."""
    g = grammar()
    total = 0
    current: int | None = None
    seen_any = False
    for raw in words:
        w = raw.casefold()
        if w in g.digits:
            if current is not None and current % 10 and current >= 10:
                return None
            current = (current or 0) + g.digits[w]
            seen_any = True
        elif w in g.ten:
            current = (current or 0) + 10
            seen_any = True
        elif w in g.tens:
            if current is None or current % 100 > 9:
                return None
            current = (current - current % 100) + (current % 100) * 10
        elif w in g.hundred:
            current = (current if current is not None else 1) * 100
            total += current
            current = None
            seen_any = True
        elif w in g.zero_filler:
            continue
        else:
            return None
    if not seen_any:
        return None
    return Decimal(total + (current or 0))


def parse_number(text: str) -> Decimal | None:
    """A whole number phrase, numerals, words and scales: "2 tỷ 300 triệu" → 2300000000."""
    g = grammar()
    tokens = regex.findall(rf"{NUMERAL}|\w+", text)
    if not tokens:
        return None
    total = Decimal(0)
    pending: list[str] = []
    pending_value: Decimal | None = None
    last_scale: int | None = None

    def flush() -> Decimal | None:
        if pending_value is not None:
            return pending_value
        if pending:
            return parse_words(pending)
        return None

    for tok in tokens:
        low = tok.casefold()
        if low in g.scales:
            value = flush()
            if value is None:
                return None
            scale = g.scales[low]
            if last_scale is not None and scale >= last_scale:
                # "5 nghìn tỷ" style stacking: multiply what came before.
                total = (total + value) * scale
            else:
                total += value * scale
            last_scale = scale
            pending, pending_value = [], None
        elif regex.fullmatch(NUMERAL, tok):
            if pending or pending_value is not None:
                return None
            pending_value = parse_numeral(tok)
            if pending_value is None:
                return None
        else:
            if pending_value is not None:
                return None
            pending.append(tok)
    rest = flush()
    if rest is None and (pending or pending_value is not None):
        return None
    if rest is not None:
        total += rest
    return total


def qualifier_at(text: str, start: int, end: int, window_start: int = 0) -> tuple[str, int]:
    """The qualifier of the number at [start:end] and where it begins; ("exact", start) when none."""
    g = grammar()
    left = text[max(window_start, start - 40) : start]
    offset = max(window_start, start - 40)
    # "từ X trở lên" → at_least
    tu = regex.search(r"(?:^|(?<=\s))(từ)\s+$", left, _FLAGS)
    if tu and regex.match(r"^\s*(?:\S+\s+){0,4}?trở\s+lên(?!\w)", text[end : end + 60], _FLAGS):
        return "at_least", offset + tu.start(1)
    for pattern, qual in g.before:
        m = pattern.search(left)
        if m:
            return qual, offset + m.start()
    return "exact", start


def qualifier_after(text: str, end: int) -> tuple[str, int] | None:
    """A qualifier after the counted phrase ("trở lên"), with the offset where it ends."""
    for pattern, qual in grammar().after:
        m = pattern.match(text[end : end + 80])
        if m:
            return qual, end + m.end()
    return None


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number phrase in text[start:end] with its value and qualifier."""
    g = grammar()
    end = len(text) if end is None else end
    out: list[Quantity] = []
    for m in g.quantity.finditer(text, start, end):
        phrase = m.group("q")
        value = parse_number(phrase)
        if value is None:
            continue
        s, e = m.start("q"), m.end("q")
        has_digit = any(ch.isdigit() for ch in phrase)
        has_scale = any(tok.casefold() in g.scales for tok in regex.findall(r"\w+", phrase))
        if not has_digit and not has_scale and len(phrase.split()) < 2:
            # A lone number word ("năm", "ba") is too ambiguous without a scale.
            continue
        qual, qstart = qualifier_at(text, s, e, start)
        out.append(Quantity(s, e, value, qual, qstart, has_scale))
    return out
