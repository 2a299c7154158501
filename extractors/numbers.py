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
- Qualifiers come from `extractors/data/numbers.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import NamedTuple

import regex

from bantin.pipeline.text.resources import alternation, load_yaml
from bantin.pipeline.text.textnorm import tolerant_alternation

NUMERAL = r"\d+(?:[.,]\d+)*"
_FLAGS = regex.IGNORECASE | regex.VERSION1
# Context windows, in characters: read once per match, a bounded window keeps a 200 KB sentence linear.
# "không vượt quá 5", "thực hiện trên 5 lĩnh vực", "từ 60": a qualifier (qualifiers_before, from_before) and
# the verb before it that makes "trên"/"dưới" a preposition (locative_before), with spaces.
_QUALIFIER_WINDOW = 40
_AND_UP_WINDOW = 60  # "từ 60 tuổi trở lên": up to four words of the counted phrase, then "trở lên"


class Quantity(NamedTuple):
    """A number found in text: `start`/`end` cover the number (scales included), not the qualifier.

    A named tuple (immutable as a frozen dataclass, a third of the cost to build): a dense page
    makes one per figure."""

    start: int
    end: int
    value: Decimal
    qualifier: str
    qualifier_start: int  # where the qualifier word begins (== start when exact)
    has_scale: bool
    in_words: bool = False  # written in words only ("hai xã"), no digit


@dataclass(frozen=True)
class _Compiled:
    digits: dict[str, int]
    ten: frozenset[str]
    tens: frozenset[str]
    hundred: frozenset[str]
    zero_filler: frozenset[str]
    scales: dict[str, int]
    glued: frozenset[str]
    starters: frozenset[str]  # words that can open a number phrase
    before: tuple[tuple[regex.Pattern[str], str], ...]
    any_before: regex.Pattern[str]  # matches where any of `before` does
    at_least_after: str  # pattern of the words after a counted phrase that make it "at least"
    from_before: regex.Pattern[str]
    and_up: regex.Pattern[str]
    before_reach: int  # the longest word of `before`: how far before its trailing spaces it begins
    locative: regex.Pattern[str]
    part_of_whole: regex.Pattern[str]
    vague_before: frozenset[str]
    lone_words: frozenset[str]


@cache
def compiled() -> _Compiled:
    """extractors/data/numbers.yaml, compiled once per process."""
    data = load_yaml("extractors", "numbers.yaml")
    digits = {k.casefold(): int(v) for k, v in data["digits"].items()}
    scales = {k.casefold(): int(v) for k, v in data["scales"].items()}
    before = []
    for qual, words in data["qualifiers_before"].items():
        for w in words:
            before.append(
                (regex.compile(rf"(?:^|(?<=[\s(“\"']))(?:{regex.escape(w)})\s+$", _FLAGS), qual, len(w))
            )
    before.sort(key=lambda item: -item[2])
    at_least_after = tolerant_alternation(data["at_least_after"])
    return _Compiled(
        digits=digits,
        ten=frozenset(data["ten"]),
        tens=frozenset(data["tens"]),
        hundred=frozenset(data["hundred"]),
        zero_filler=frozenset(data["zero_filler"]),
        scales=scales,
        glued=frozenset(w.casefold() for w in data["glued_suffixes"]),
        starters=frozenset(
            [*digits, *(w.casefold() for w in data["ten"]), *(w.casefold() for w in data["hundred"])]
        ),
        before=tuple((p, q) for p, q, _ in before),
        any_before=regex.compile("|".join(f"(?:{p.pattern})" for p, _, _ in before), _FLAGS),
        at_least_after=at_least_after,
        from_before=regex.compile(rf"(?:^|(?<=\s))({tolerant_alternation(data['from_before'])})\s+$", _FLAGS),
        and_up=regex.compile(rf"^\s*(?:\S+\s+){{0,4}}?(?:{at_least_after})(?!\w)", _FLAGS),
        before_reach=max(n for _, _, n in before),
        locative=regex.compile(rf"(?<!\w)(?:{alternation(data['locative_before'])})\s+$", _FLAGS),
        vague_before=frozenset(w.casefold() for w in data["vague_before"]),
        lone_words=frozenset(w.casefold() for w in data["lone_number_words"]),
        part_of_whole=regex.compile(
            rf"(?P<x>\d{{1,4}})/(?P<y>\d{{1,4}})(?P<space>\s+(?:\([^()\n]{{1,20}}\)\s+)?)"
            rf"(?:{alternation(data['part_of_whole_nouns'])})"
            rf"(?!\w)(?!\s+(?-i:\p{{Lu}})|\s+\d)",
            _FLAGS,
        ),
    )


def part_of_whole_at(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """ "84/84 khu phố" at `pos`: the numerator's value and where the counted noun begins, or None."""
    m = compiled().part_of_whole.match(text, pos, limit)
    if m is None or (pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "/.,")):
        return None
    x, y = int(m["x"]), int(m["y"])
    if not 0 < x <= y:
        return None
    return x, m.end("space")


@lru_cache(maxsize=65_536)  # a page's figures repeat ("1", "2", "10"); a Decimal is immutable
def parse_numeral(token: str) -> Decimal | None:
    """A written numeral to its value by the Vietnamese rules above; None if it is not one."""
    if not _NUMERAL.fullmatch(token):
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


def _word_prefixes(words: list[str]) -> list[tuple[int, int]]:
    """Every prefix of `words` that is a number below a thousand, as (words used, value).

    The grammar: [digit] trăm [linh|lẻ digit | mười [digit] | digit mươi [digit]] | mười [digit]
    | digit mươi [digit] | digit. "ba năm" is not 8: a digit word cannot follow a digit word.
    """
    g = compiled()
    out: list[tuple[int, int]] = []
    state, value, pending = "start", 0, 0
    for i, raw in enumerate(words):
        w = raw.casefold()
        digit = g.digits.get(w)
        if state == "start":
            if digit is not None:
                state, value = "digit", digit
            elif w in g.ten:
                state, value = "ten", 10
            elif w in g.hundred:
                state, value = "hundred", 100
            else:
                break
        elif state == "digit":
            if w in g.tens and value >= 2:
                state, value = "tens", value * 10
            elif w in g.hundred:
                state, value = "hundred", value * 100
            else:
                break
        elif state in ("tens", "ten"):
            if digit is not None and digit > 0:
                state, value = "done", value + digit
            else:
                break
        elif state == "hundred":
            if w in g.zero_filler:
                state = "filler"
            elif w in g.ten:
                state, value = "ten", value + 10
            elif digit is not None and digit > 0:
                state, pending = "hundred_digit", digit
            else:
                break
        elif state == "filler":
            if digit is not None and digit > 0:
                state, value = "done", value + digit
            else:
                break
        elif state == "hundred_digit":
            if w in g.tens and pending >= 2:
                state, value = "tens", value + pending * 10
            else:
                break
        else:
            break
        if state not in ("filler", "hundred_digit"):
            out.append((i + 1, value))
    return out


# A clock time ("08:35", "14:30:00") is one token, so neither of its parts reads as a number.
_TOKEN = regex.compile(
    rf"(?P<clock>(?<![\d:])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?![\d:]))|(?P<num>{NUMERAL})|(?P<word>\p{{L}}+)|(?P<other>\S)",
    regex.VERSION1,
)


class _Tok(NamedTuple):  # a tuple: a dense page makes one per character, a dataclass costs 3× more
    kind: str  # num, word, clock, other
    start: int
    end: int
    low: str


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [
        _Tok(m.lastgroup or "other", m.start(), m.end(), m.group().casefold())
        for m in _TOKEN.finditer(text, start, end)
    ]


def _group(toks: list[_Tok], i: int) -> tuple[int, Decimal, bool] | None:
    """The number group starting at token i (a numeral, or number words): (next index, value, is_digits)."""
    tok = toks[i]
    if tok.kind == "num":
        value = parse_numeral(tok.low)
        return None if value is None else (i + 1, value, True)
    if tok.kind != "word":
        return None
    words: list[str] = []
    j = i
    # Number words must be separated by spaces only; the grammar decides how many belong.
    while j < len(toks) and toks[j].kind == "word" and len(words) < 8:
        words.append(toks[j].low)
        j += 1
    prefixes = _word_prefixes(words)
    if not prefixes:
        return None
    used, number = prefixes[-1]
    return i + used, Decimal(number), False


def _scales(toks: list[_Tok], i: int) -> tuple[int, int]:
    """Stacked scale words from token i ("nghìn tỷ"): (next index, multiplier, 1 when none)."""
    g = compiled()
    multiplier = 1
    while i < len(toks) and toks[i].kind == "word" and toks[i].low in g.scales:
        multiplier *= g.scales[toks[i].low]
        i += 1
    return i, multiplier


def _adjacent(text: str, a: _Tok, b: _Tok) -> bool:
    """Two tokens of one number phrase: separated by spaces (a line break included) only."""
    gap = text[a.end : b.start]
    return gap.strip() == "" and "\n\n" not in gap


def _read(text: str, toks: list[_Tok], i: int) -> tuple[int, Decimal, bool, bool] | None:
    """The longest number phrase from token i: (next index, value, has_scale, has_digit)."""
    first = _group(toks, i)
    if first is None:
        return None
    j, value, has_digit = first
    k, multiplier = _scales_after(text, toks, j)
    if multiplier == 1:
        return j, value, False, has_digit
    total, last_multiplier, j = value * multiplier, multiplier, k
    # Compounds: "2 tỷ 300 triệu", each further part with a smaller scale.
    while j < len(toks) and _adjacent(text, toks[j - 1], toks[j]):
        part = _group(toks, j)
        if part is None:
            break
        k, m = _scales_after(text, toks, part[0])
        if m == 1 and last_multiplier == 1000 and not part[2] and part[0] - j >= 2:
            # "một nghìn không trăm năm mươi": the last hundreds need no scale word.
            total += part[1]
            j = part[0]
            break
        if m == 1 or m >= last_multiplier:
            break
        total += part[1] * m
        last_multiplier, j = m, k
        has_digit = has_digit or part[2]
    return j, total, True, has_digit


def _scales_after(text: str, toks: list[_Tok], j: int) -> tuple[int, int]:
    if j >= len(toks) or toks[j].low not in compiled().scales or not _adjacent(text, toks[j - 1], toks[j]):
        return j, 1  # (the scale word first: the cheaper test, and most numbers have none)
    return _scales(toks, j)


def parse_number(text: str) -> Decimal | None:
    """A whole number phrase, numerals, words and scales: "2 tỷ 300 triệu" → 2300000000."""
    toks = _tokens(text, 0, len(text))
    if not toks:
        return None
    read = _read(text, toks, 0)
    if read is None or read[0] != len(toks):
        return None
    return read[1]


# A number phrase with its scale words and the token after them is far shorter ("4,8 triệu đồng").
_NUMBER_AT_WINDOW = 120
_SPACE = regex.compile(r"\s")


def number_at(text: str, pos: int, limit: int) -> tuple[Quantity, Decimal] | None:
    """The number phrase that begins at `pos` (a range's second bound: "4,8 triệu" of "1,5 - 4,8
    triệu"), with the multiplier of its scale words (10**6 here), or None when none begins there.
    Read in a bounded window, ended at a space so no word is cut: one range per number of a 200 KB
    sentence of ranges keeps it linear."""
    window = min(limit, pos + _NUMBER_AT_WINDOW)
    space = _SPACE.search(text, window, min(limit, window + _NUMBER_AT_WINDOW)) if window < limit else None
    toks = _tokens(text, pos, space.start() if space else min(limit, window + _NUMBER_AT_WINDOW))
    if not toks or toks[0].start != pos or toks[0].kind != "num":
        return None
    read = _read(text, toks, 0)
    if read is None or not _right_ok(text, toks, read[0], toks[read[0] - 1]):
        return None
    j, value, has_scale, _ = read
    numeral = parse_numeral(toks[0].low)
    multiplier = value / numeral if has_scale and numeral else Decimal(1)
    return Quantity(pos, toks[j - 1].end, value, "exact", pos, has_scale), multiplier


_DIGIT_OR_LETTER = regex.compile(r"[\d\p{L}]", regex.VERSION1)  # what a `num` or `word` token begins with
# Patterns read once per number: compiled here, not looked up in regex's cache each time.
_NUMERAL = regex.compile(NUMERAL)


def qualifier_at(text: str, start: int, end: int, window_start: int = 0) -> tuple[str, int]:
    """The qualifier of the number at [start:end] and where it begins; ("exact", start) when none."""
    g = compiled()
    left = text[max(window_start, start - _QUALIFIER_WINDOW) : start]
    offset = max(window_start, start - _QUALIFIER_WINDOW)
    stem = left.rstrip()
    if len(stem) == len(left) or not stem or not stem[-1].isalpha():
        # Every qualifier ("từ" too) is words ending in a letter, then spaces: none ends here (the
        # commonest case on a dense page of figures, decided without a search).
        return "exact", start
    # "từ X trở lên" → at_least
    tu = g.from_before.search(left)
    if tu and g.and_up.match(text[end : end + _AND_UP_WINDOW]):
        return "at_least", offset + tu.start(1)
    # A qualifier (a literal word) ends where `left`'s trailing spaces begin: searched from there
    # back by the longest one, not from each of 40 characters (the same answer).
    if not g.any_before.search(left, max(0, len(stem) - g.before_reach)):
        return "exact", start  # one search for the text before most numbers, not one per word
    for pattern, qual in g.before:
        m = pattern.search(left)
        if m:
            if g.locative.search(left[: m.start()]):
                break  # "thực hiện trên 5 lĩnh vực": a preposition, not "more than"
            return qual, offset + m.start()
    return "exact", start


def _left_ok(text: str, tok: _Tok) -> bool:
    """A number may not continue an identifier or another figure ("Q.3", "04/2023", "A12")."""
    if tok.start == 0:
        return True
    prev = text[tok.start - 1]
    if prev.isalnum():
        return False
    return not (prev in ".,/-" and tok.start >= 2 and text[tok.start - 2].isalnum())


def _right_ok(text: str, toks: list[_Tok], j: int, end_tok: _Tok) -> bool:
    """Letters glued after a numeral must be a scale or a currency ("50tr", "200.000đ")."""
    if j < len(toks) and toks[j].start == end_tok.end and toks[j].kind == "word":
        return toks[j].low in compiled().glued or toks[j].low in compiled().scales
    nxt = text[end_tok.end : end_tok.end + 1]
    return not (nxt.isalnum())


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number phrase in text[start:end] with its value and qualifier, longest phrase first."""
    end = len(text) if end is None else end
    if not _DIGIT_OR_LETTER.search(text, start, end):
        return []  # every number is digits or words: a run of marks holds none (and makes a token a mark)
    toks = _tokens(text, start, end)
    g = compiled()
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        starts = tok.kind == "num" or (tok.kind == "word" and tok.low in g.starters)
        read = _read(text, toks, i) if starts and _left_ok(text, tok) else None
        if read is None:
            i += 1
            continue
        j, value, has_scale, has_digit = read
        last = toks[j - 1]
        words_used = j - i
        if not has_digit and not has_scale and words_used < 2 and tok.low not in g.lone_words:
            # A lone number word ("năm", "một", "tư") is too ambiguous without a scale.
            i += 1
            continue
        if not has_digit and i > 0 and toks[i - 1].kind == "word" and toks[i - 1].low in g.vague_before:
            i = j  # "hàng trăm triệu đồng": an order of magnitude, not an amount
            continue
        if not _right_ok(text, toks, j, last):
            i = j
            continue
        qual, qstart = qualifier_at(text, tok.start, last.end, start)
        out.append(Quantity(tok.start, last.end, value, qual, qstart, has_scale, in_words=not has_digit))
        i = j
    return out
