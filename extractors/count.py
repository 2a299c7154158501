"""Counts: a number and what it counts ("2.676 lượt người" → 2676, the counted noun in the record's `unit`:
"lượt người"), and percentages.

The number comes from the shared grammar (extractors/numbers.py). The counted
phrase starts right after it and ends at punctuation, a stop word (preposition,
conjunction, verb), a following number, a capitalised name after a lower-case
noun, or after `max_counted_words` words. A number is not a count when it is money,
part of a date or a duration, an ordinal, or part of a name or identifier
("Phường 6", "Kế hoạch số 09", "4 AN", "5 không"). Word lists live in
extractors/data/count.yaml; a number of a date or one naming a unit gives way to that
kind (extractors/arbitrate.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from bantin.extractors.arbitrate import held_against
from bantin.extractors.base import Bound, Findings, Mention, number_value, quantities_with_ranges
from bantin.extractors.measure_words import counts_places, measure_word_at
from bantin.extractors.money import money_end
from bantin.extractors.numbers import Quantity, part_of_whole_at
from bantin.extractors.numbers import compiled as number_grammar
from bantin.extractors.quotes import OPENERS, quoted_at
from bantin.pipeline.text.document import Document
from bantin.pipeline.text.resources import alternation, compile_at, load_yaml
from bantin.pipeline.text.spans import SpanUnion, letter_after_space, skip_space
from bantin.pipeline.text.textnorm import fold, tolerant_pattern

KIND = "count"
# Dates and units win over counts (extractors/arbitrate.py); read here only to skip their numbers early.
NEEDS = ("date", "unit")
_FLAGS = regex.IGNORECASE | regex.VERSION1
_TOKEN = regex.compile(r"\p{L}+|\d+(?:[.,]\d+)*|[^\s\p{L}\d]", regex.VERSION1)
# Context windows, in characters: read once per match, a bounded window keeps a 200 KB sentence linear.
# "Quyết định 217", "lần thứ 3", "tổng cộng số 30 hộ": a word before the number and its qualifier that
# makes it no count (not_count_before, document_words) or "số" a quantity (quantity_before_so), with spaces.
_NOT_COUNT_WINDOW = 30
# "Giáp Thìn 2024": where the search for a bare year begins; it need only hold the number, as the
# capitalised word before the year is read by a lookbehind, which the window does not bound.
_YEAR_NAME_WINDOW = 40
_MULTIPLE_WINDOW = 20  # "tăng gấp 2,5 lần": a multiple word (multiple_before) and its spaces
_NUMERAL_WINDOW = 12  # "1 ba lô": a numeral and the spaces between it and a number word


# Counts from a thousand up are written with a dot ("2.024 người"); four bare digits of a year
# right after a capitalised word (not the sentence's first) are the year of a name.
_YEAR_IN_NAME = regex.compile(r"(?<=\S\s+\p{Lu}[\p{L}]*\s+)(?:1[89]|20)\d\d$", regex.VERSION1)
_NUMERAL_BEFORE = regex.compile(r"\d[ \t]*$", regex.VERSION1)
_OPENER = regex.compile(f"[{regex.escape(OPENERS)}]")
_GLUED_ID = regex.compile(r"[/\-]\w")


@dataclass(frozen=True)
class _Compiled:
    duration: regex.Pattern[str]
    not_count_before: regex.Pattern[str]
    document_before: regex.Pattern[str]
    so_as_quantity: regex.Pattern[str]
    stop: regex.Pattern[str]
    not_count_before_reach: int
    verb_stop: regex.Pattern[str]
    verb_noun: regex.Pattern[str]
    event_classifiers: frozenset[str]
    counted_abbreviations: frozenset[str]
    one_of: regex.Pattern[str]
    percent: regex.Pattern[str]
    parallel: regex.Pattern[str]
    at_least_after: regex.Pattern[str]
    not_counted: regex.Pattern[str]
    not_after_number_word: regex.Pattern[str]
    multiple_before: regex.Pattern[str]
    frequency: regex.Pattern[str]
    max_words: int
    max_quoted_name_words: int
    photo_label_before: regex.Pattern[str]
    grade_before: regex.Pattern[str]


@cache
def compiled() -> _Compiled:
    """extractors/data/count.yaml and the number grammar's at-least words, compiled once per process."""
    data = load_yaml("extractors", "count.yaml")
    # Level words are not here: whether "Phường 6" names a unit is the unit extractor's call
    # (its numbers are skipped), and "cấp huyện 41 mô hình" is a count.
    before = alternation(data["not_count_before"])
    return _Compiled(
        duration=regex.compile(
            rf"\s*(?!(?:{alternation(data['labour_units'])})(?!\w))(?:{alternation(data['durations'])})(?!\w)",
            _FLAGS,
        ),
        not_count_before=regex.compile(rf"(?<![\w.])(?:{before})\s*$", _FLAGS),
        not_count_before_reach=max(len(w) for w in data["not_count_before"]),
        document_before=regex.compile(
            rf"(?<![\w.])(?:{'|'.join(tolerant_pattern(d) for d in data['document_words'])})\s*$",
            regex.VERSION1,
        ),
        so_as_quantity=regex.compile(
            rf"(?<!\w)(?:{alternation(data['quantity_before_so'])})\s+số\s*$", _FLAGS
        ),
        stop=regex.compile(rf"(?:{alternation(data['stop_words'])})(?!\w)", _FLAGS),
        event_classifiers=frozenset(fold(x) for x in data["event_classifiers"]),
        counted_abbreviations=frozenset(data["counted_abbreviations"]),
        one_of=regex.compile(rf"(?:{alternation(data['one_before'])})(?!\w)", _FLAGS),
        verb_stop=regex.compile(rf"(?:{alternation(data['verb_stops'])})(?!\w)", _FLAGS),
        verb_noun=regex.compile(rf"(?:{alternation(data['verb_nouns'])})(?!\w)", _FLAGS),
        percent=regex.compile(rf"\s*(?:{alternation(data['percent'])})(?!\w)", _FLAGS),
        parallel=regex.compile(rf"(?:{alternation(data['parallel_nouns'])})(?!\w)", _FLAGS),
        at_least_after=compile_at(rf"\s+(?:{number_grammar().at_least_after})(?!\w)", _FLAGS),
        not_counted=regex.compile(rf"(?:{alternation(data['not_counted'])})(?!\w)", _FLAGS),
        not_after_number_word=regex.compile(
            rf"(?:{alternation(data['not_after_number_word'])})(?!\w)", _FLAGS
        ),
        multiple_before=regex.compile(rf"(?<!\w)(?:{alternation(data['multiple_before'])})\s+$", _FLAGS),
        frequency=regex.compile(
            rf"\s*(?:{alternation(data['frequency_words'])})\s*(?:/|(?:mỗi|một|trên)\s)\s*"
            rf"(?:{alternation(data['durations'])})(?!\w)",
            _FLAGS,
        ),
        max_words=int(data["max_counted_words"]),
        max_quoted_name_words=int(data["max_quoted_name_words"]),
        photo_label_before=regex.compile(
            rf"(?<![\w.])(?:{'|'.join(tolerant_pattern(x) for x in data['photo_labels'])})[ \t_-]*$",
            regex.VERSION1,
        ),
        grade_before=regex.compile(rf"(?<![\w.])(?:{alternation(data['grade_before'])})\s*$", _FLAGS),
    )


def _is_name_or_identifier(text: str, q: Quantity, end: int, floor: int) -> bool:
    w = compiled()
    before = text[max(floor, q.qualifier_start - _NOT_COUNT_WINDOW) : q.qualifier_start]
    # Both words (literal, ending in a letter) end where the trailing spaces begin: none when a
    # mark stands there ("12 hộ, 13 hộ"); else searched back from there by the longest word, not
    # from each of the 30 characters (the same matches).
    stem = before.rstrip()
    if stem and stem[-1].isalpha():
        tail = max(0, len(stem) - w.not_count_before_reach)
        if w.not_count_before.search(before, tail) and not w.so_as_quantity.search(before):
            return True
        if w.document_before.search(before) or w.photo_label_before.search(before):
            return True  # "Quyết định 217", "DSC 0628", "Ảnh 2"
        if q.end - q.start == 1 and w.grade_before.search(before):
            return True  # "nhà cấp 4": a grade
    # "Tết Nguyên đán Giáp Thìn 2024": a bare year after a capitalised word belongs to the name.
    if _year_before(text, max(floor, q.start - _YEAR_NAME_WINDOW), q.end) and q.start > floor:
        return True
    # "04-NQ/TW", "09/KH": a number glued to an identifier.
    return bool(_GLUED_ID.match(text[end : end + 2]))


def _year_before(text: str, start: int, end: int) -> bool:
    """Whether `_YEAR_IN_NAME.search(text, start, end)` finds one: its four digits end at `end`, or
    before a line break that ends the window (`$`), so it is matched there, not searched for."""
    for year_end in (end, end - 1):
        if year_end < end and text[year_end:end] != "\n":
            break
        if year_end - 4 >= start and _YEAR_IN_NAME.match(text, year_end - 4, end):
            return True
    return False


def _not_a_count(text: str, bound: Bound, floor: int, limit: int) -> bool:
    """Money, a duration, a measure ("10 kg gạo"), a multiple ("gấp 2,5 lần") or a frequency."""
    w = compiled()
    pos = bound.noun_from
    if money_end(text, bound.last, limit) is not None:
        return True
    if letter_after_space(text, pos, limit) and w.duration.match(text, pos, limit):
        return True  # (every duration word begins with a letter)
    word = measure_word_at(text, pos, limit)
    if word is not None and not counts_places(text, word, bound.quantity.qualifier_start, floor):
        return True  # ("ở 6 khối" counts blocks of a ward)
    if w.multiple_before.search(
        text, max(floor, bound.evidence_start - _MULTIPLE_WINDOW), bound.evidence_start
    ):
        return True
    return bool(w.frequency.match(text, pos, limit))


def counted_phrase(document: Document, pos: int, limit: int) -> tuple[int, int] | None:
    """What a measure measures, after its measure word ("kg gạo"): a noun phrase, so a verb
    ends it even as its first word ("5 công đất làm đường"), even one that is a count's noun."""
    return _counted_span(document, pos, limit, verb_nouns_open=False)


def _short_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The contents of the sentence's quotations short enough to be names (“3 cứng”)."""
    limit = compiled().max_quoted_name_words
    out = []
    pos = start
    while (m := _OPENER.search(text, pos, end)) is not None:
        quote = quoted_at(text, m.start(), end)
        pos = m.end()
        if quote is None or not quote.closed:
            continue
        if len(text[quote.content_start : quote.content_end].split()) <= limit:
            out.append((quote.content_start, quote.content_end))
        pos = max(pos, quote.end)
    return out


def _counted_span(
    document: Document, pos: int, limit: int, verb_nouns_open: bool = True
) -> tuple[int, int] | None:
    """Where the counted phrase after a number begins and ends; None when there is none.

    The phrase is read word by word with underthesea's words ("học sinh", "cơ sở"), so a
    stop word only ends it when it is a whole word: "học" stops, "học sinh" does not. A verb
    first leaves no phrase ("Vũng Thùng 2 đạt giải Nhì"), unless it is one of the verbs that are
    nouns there and `verb_nouns_open` ("3 tổ chức tôn giáo").
    """
    text = document.text
    w = compiled()
    m = w.percent.match(text, pos, limit)
    if m:
        return m.end() - len(m.group().lstrip()), m.end()
    ends = document.word_ends
    word_ends = document.memo("word_end_offsets", lambda: set(ends.values()))
    words: list[tuple[int, int]] = []
    first_lower = True
    cursor = pos
    while len(words) < w.max_words:
        tok = _TOKEN.search(text, cursor, limit)
        if tok is None or "\n\n" in text[cursor : tok.start()]:
            break
        word = tok.group()
        if not word[0].isalpha():
            if word == "," and words and _parallel_follows(text, tok.end(), limit, words[0][0]):
                nxt = w.parallel.match(text, skip_space(text, tok.end(), limit), limit)
                assert nxt is not None
                words.append((nxt.start(), nxt.end()))
            break
        word_end = min(ends.get(tok.start(), tok.end()), limit)
        event_word = len(words) == 1 and fold(text[words[0][0] : words[0][1]]) in w.event_classifiers
        if words:
            verb_ends = not event_word
        else:
            verb_ends = not (
                verb_nouns_open and _whole_word(w.verb_noun, text, tok.start(), limit, word_end, word_ends)
            )
        if _whole_word(w.stop, text, tok.start(), limit, word_end, word_ends) or (
            verb_ends and _whole_word(w.verb_stop, text, tok.start(), limit, word_end, word_ends)
        ):
            break
        if not words:
            if word.isupper() and len(word) > 1 and word not in w.counted_abbreviations:
                return None  # "4 AN": an acronym makes the number part of a name ("11 KDC" counts)
            first_lower = word[0].islower() or word in w.counted_abbreviations
        elif first_lower and word[0].isupper():
            break
        words.append((tok.start(), word_end))
        cursor = word_end
    if not words:
        return None
    return words[0][0], words[-1][1]


def _whole_word(
    pattern: regex.Pattern[str], text: str, pos: int, limit: int, word_end: int, word_ends: set[int]
) -> bool:
    """Whether `pattern` matches whole words at `pos`: it ends where the word there ends, or at another
    word's end ("học" is no whole word of "học sinh")."""
    m = pattern.match(text, pos, limit)
    return m is not None and (m.end() == word_end or m.end() in word_ends)


def _parallel_follows(text: str, pos: int, limit: int, unit_start: int) -> bool:
    """ "mô hình, điển hình": a comma joins two count nouns when the second ends the phrase."""
    w = compiled()
    if not w.parallel.match(text, unit_start, limit):
        return False
    nxt = w.parallel.match(text, skip_space(text, pos, limit), limit)
    if nxt is None:
        return False
    after = _TOKEN.search(text, nxt.end(), limit)
    return after is None or not after.group()[0].isalnum() or bool(w.stop.match(text, after.start(), limit))


def extract(document: Document, found: Findings) -> list[Mention]:
    text = document.text
    w = compiled()
    # A number of a date or of a unit ("Khu phố 5 và 7 đăng ký") would lose to it in the arbitration:
    # one lookup per number spares the checks below on every such number of a page.
    held = held_against(KIND, found)
    out: list[Mention] = []
    for sentence in document.content_sentences():
        # The quotations are read at the sentence's first number (a sentence of marks holds none);
        # None when there is none to test against (a dense page of figures).
        quoted: SpanUnion | None = None
        unquoted = False
        for bound in quantities_with_ranges(document, sentence):
            q = bound.quantity
            if held.overlaps(q.start, q.end):
                continue
            if quoted is None and not unquoted:
                short = _short_quotes(text, sentence.start, sentence.end)
                quoted, unquoted = (SpanUnion(short), False) if short else (None, True)
            if quoted is not None and quoted.overlaps(q.start, q.end):
                continue
            whole = part_of_whole_at(text, q.start, sentence.end)  # "84/84 khu phố": 84 of 84
            # What the number counts first: the cheapest test, and a dense page's numbers mostly have none.
            counted = _counted_span(document, whole[1] if whole else bound.noun_from, sentence.end)
            if counted is None or w.not_counted.match(text, counted[0], sentence.end):
                continue
            if _not_a_count(text, bound, sentence.start, sentence.end):
                continue
            if whole is None and _is_name_or_identifier(text, q, bound.noun_from, sentence.start):
                continue
            if q.in_words and (text[counted[0]].isupper() or w.not_after_number_word.match(text, counted[0])):
                continue  # "Hai Bà Trưng" is a name, "ba mẹ" a parent
            if q.in_words and _NUMERAL_BEFORE.search(
                text, max(sentence.start, q.start - _NUMERAL_WINDOW), q.start
            ):
                continue  # "1 ba lô": a word after a numeral is what it counts (a backpack), no number
            if q.in_words and q.value == 1 and not w.one_of.match(text, counted[0]):
                continue  # "một" is "a", "one" only before a thing given or counted ("một suất quà")
            end = counted[1]
            qualifier = bound.qualifier
            tail = w.at_least_after.match(text, end, sentence.end)
            if tail and qualifier in ("exact", "at_least"):
                qualifier, end = "at_least", tail.end()
            out.append(
                Mention(
                    KIND,
                    bound.evidence_start,
                    end,
                    {
                        "value": number_value(q.value),
                        "unit": " ".join(text[counted[0] : counted[1]].split()),
                        "qualifier": qualifier,
                    },
                    core=(q.start, q.end),  # a date's or a unit's digits count nothing (the arbitration)
                )
            )
    return out
