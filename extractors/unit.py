"""Units: administrative and residential units named in the text, linked to the register.

Recognises a level word followed by a name ("phường Tân Quy Đông", "Phường 6",
"Tổ dân phố số 3", "Tổ dân phố 5 và 11" as two units), abbreviations ("P.6",
"Q.3", "TP.HCM") and organisations built on a unit ("Quận ủy Hoàn Kiếm" names
the quận Hoàn Kiếm). A level word with no name, or after a number ("7 khu
phố", a count), is not a unit. Register levels (tỉnh … thị trấn) are then
linked by the gazetteer with the article's other units and the run's hints as
context. Level words live in extractors/data/units.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from extractors import date as date_extractor
from extractors.base import Mention
from extractors.names import surname_with_middle_name
from gazetteer.link import LEVEL_GROUPS, Link, article_context, candidates, link
from gazetteer.register import load_register
from pipeline.document import Document
from pipeline.resources import alternation, load_yaml
from pipeline.spans import SpanUnion
from pipeline.textnorm import fold, tolerant_alternation

KIND = "unit"
_FLAGS = regex.IGNORECASE | regex.VERSION1
_GAP = r"[ \t]*(?:\n[ \t]*)?"  # spaces, or one line break of a hard-wrapped line
_NUMBER = r"\d{1,3}[A-Z]?(?![\w]|[.,/]\d)"
_WORD = r"\p{Lu}[\p{Ll}\p{Lu}]*"


@dataclass(frozen=True)
class _Patterns:
    level: regex.Pattern[str]
    abbreviation: regex.Pattern[str]
    organisation: regex.Pattern[str]
    level_of: dict[str, str]
    org_level_of: dict[str, str]
    more_numbers: regex.Pattern[str]
    number_only: frozenset[str]
    abbreviations: dict[str, str]
    number_only_abbreviations: frozenset[str]
    level_word_start: regex.Pattern[str]
    surnames: frozenset[str]
    middle_names: frozenset[str]
    tier_before: regex.Pattern[str]
    count_after: regex.Pattern[str]
    plural_before: regex.Pattern[str]
    more_names: regex.Pattern[str]


@cache
def _patterns() -> _Patterns:
    data = load_yaml("extractors", "units.yaml")
    people = load_yaml("extractors", "people.yaml")
    words = [w for w in data["levels"] if not w.endswith(".") and w not in ("tp", "tx", "kp", "tdp", "kdc")]
    level_alt = tolerant_alternation(words)
    org_alt = tolerant_alternation(list(data["organisation_levels"]))
    # A name ends before the next level word (`_trim_name` would cut it there): a run of
    # capitals is read once, not again from each level word in it.
    more = rf"(?:{_GAP}(?!(?i:(?:{level_alt}|{org_alt})(?!\w))){_WORD})*"
    # Names are matched case-sensitively: a capital letter is what makes a word a name.
    # A word name may end in a number: "khu phố Bình Đức 1", "ấp Phú Hòa 2".
    name = rf"(?:(?:số{_GAP})?(?P<num>{_NUMBER})|(?-i:(?P<cap>{_WORD}{more}(?:[ \t]{_NUMBER})?)))"
    not_name = tolerant_alternation(data["organisation_words"])
    return _Patterns(
        level=regex.compile(
            rf"(?<!\w)(?P<level>{level_alt})(?!\w)(?P<sep>{_GAP})(?!(?:{not_name})(?!\w)){name}", _FLAGS
        ),
        # Abbreviations are upper-case as written: "P.6", "P6", "Q.3", "TP HCM", "TP.HCM", "Tp. Hồ Chí Minh".
        abbreviation=regex.compile(
            rf"(?<![\w.])(?P<level>{alternation(list(data['abbreviations']))})"
            rf"(?:\.[ \t]?|[ \t])?(?:số[ \t]+)?"
            rf"(?:(?P<num>{_NUMBER})|(?P<cap>{_WORD}{more}))",
            regex.VERSION1,
        ),
        organisation=regex.compile(
            rf"(?<!\w)(?P<level>{org_alt})(?!\w)(?P<sep>{_GAP})(?-i:(?P<cap>{_WORD}{more}))",
            _FLAGS,
        ),
        level_of={fold(k): v for k, v in data["levels"].items()},
        org_level_of={fold(k): v for k, v in data["organisation_levels"].items()},
        more_numbers=regex.compile(rf"\s*(?:,|và|;)\s*(?:số\s+)?(?P<num>{_NUMBER})", _FLAGS),
        number_only=frozenset(data["number_only_levels"]),
        abbreviations=dict(data["abbreviations"]),
        number_only_abbreviations=frozenset(data["number_only_abbreviations"]),
        level_word_start=regex.compile(rf"(?:{level_alt}|{org_alt})(?!\w)", _FLAGS),
        surnames=frozenset(fold(s) for s in people["surnames"]),
        middle_names=frozenset(fold(s) for s in people["middle_names"]),
        tier_before=regex.compile(rf"(?<!\w)(?:{tolerant_alternation(data['tier_before'])})\s+$", _FLAGS),
        count_after=regex.compile(rf"\s+(?:{alternation(data['count_words_after'])})(?!\w)", _FLAGS),
        plural_before=regex.compile(rf"(?<!\w)(?:{tolerant_alternation(data['plural_before'])})\s+$", _FLAGS),
        more_names=regex.compile(
            rf"{_GAP}(?P<sep>,|và){_GAP}(?-i:(?P<cap>{_WORD}(?:[ \t]{_WORD})*))", _FLAGS
        ),
    )


@dataclass(frozen=True)
class UnitMention:
    start: int
    end: int
    level: str
    name: str


def _name_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() - start, m.end() - start) for m in _NON_SPACE.finditer(text, start, end)]


_NON_SPACE = regex.compile(r"\S+")
_DIGIT_AT_END = regex.compile(r"\d\s*$")


@cache
def _register_name_words() -> int:
    """The most words of a name the register can know: its longest key or alias, after a type
    word ("thành phố") and "số" (`gazetteer.register.name_keys` drops both)."""
    keys = [key for _, _, key in load_register().by_name]
    keys += [fold(alias) for alias in load_yaml("gazetteer", "aliases.yaml")["provinces"]]
    return max(len(key.split()) for key in keys) + 3


def _trim_name(text: str, start: int, end: int, level: str) -> tuple[int, int] | None:
    """The capitalised run as a name: cut before another level word; a person's name is no unit."""
    p = _patterns()
    words = [(start + s, start + e) for s, e in _name_words(text, start, end)]
    for i, (ws, _) in enumerate(words):
        if i > 0 and p.level_word_start.match(text, ws):
            words = words[:i]
            break
    if words and text[words[-1][0]].isdigit() and p.count_after.match(text, words[-1][1]):
        words = words[:-1]  # "xã Hải Lâm 5 suất quà": the number counts
    words = words[: _person_at(text, words)]
    if not words:
        return None
    if level in LEVEL_GROUPS:
        register = load_register()
        # The longest prefix the register knows, when the run goes on past the name.
        for n in range(min(len(words), _register_name_words()), 0, -1):
            name = " ".join(text[words[0][0] : words[n - 1][1]].split())
            if candidates(register, level, name, "legacy"):
                return words[0][0], words[n - 1][1]
        if len(words) > 1 and text[words[-1][0]].isdigit():
            words = words[:-1]  # a ward or district the register does not know with a number
        first = fold(text[words[0][0] : words[0][1]])
        second = fold(text[words[1][0] : words[1][1]]) if len(words) > 1 else ""
        if first in p.surnames and len(words) >= 2 and (len(words) >= 3 or second in p.middle_names):
            return None
    return words[0][0], words[-1][1]


def _person_at(text: str, words: list[tuple[int, int]]) -> int:
    """Where a person's full name begins in a unit's run ("bản Co Hạ Sùng A Páo", "buôn Ma Đung
    Y Thăk Niê": a title's unit, then its holder); the run's length when none does.

    A name is a surname (or an Ê Đê "Y"/"H’…") and two or three more words, or one more after a
    middle name; a first word is never cut (whether the whole run is a person is decided elsewhere).
    """
    p = _patterns()
    strong = surname_with_middle_name([text[s:e] for s, e in words])
    if strong is not None:
        return strong  # "Huyện ủy Lâm Hà Nguyễn Văn Lực": "Hà" is a surname too, "Nguyễn Văn" the name
    for i in range(1, len(words) - 1):
        first = fold(text[words[i][0] : words[i][1]])
        rest = len(words) - i
        if first not in p.surnames or not 2 <= rest <= 4:
            continue
        second = fold(text[words[i + 1][0] : words[i + 1][1]])
        if rest >= 3 or second in p.middle_names:
            return i
    return len(words)


def find_units(document: Document) -> list[UnitMention]:
    """Every unit mention of the article, before linking (computed once per document)."""
    return document.memo("unit.mentions", lambda: _find_units(document))


def _find_units(document: Document) -> list[UnitMention]:
    text = document.text
    p = _patterns()
    found: list[UnitMention] = []
    taken = SpanUnion()
    dates = SpanUnion((a.start, a.end) for a in date_extractor.find_atoms(document))  # "Sáng 2/9 khóm 3"

    def add(start: int, end: int, level: str, name: str, *, sharing: bool = False) -> bool:
        # A further number of "Tổ dân phố 5 và 11" shares its evidence start with the first.
        if not sharing and taken.overlaps(start, end):
            return False
        taken.add(start, end)
        found.append(UnitMention(start, end, level, " ".join(name.split())))
        return True

    def after_count(start: int) -> bool:
        """ "7 khu phố" is a count; "Tổ dân phố số 3 phường X" is a unit after a unit's number."""
        m = _DIGIT_AT_END.search(text[max(0, start - 4) : start])
        if m is None:
            return False
        digit = max(0, start - 4) + m.start()
        return not taken.covers(digit) and not dates.covers(digit)

    for sentence in document.content_sentences():
        for m in p.organisation.finditer(text, sentence.start, sentence.end):
            if p.abbreviation.match(text, m.start("cap")):
                continue  # "Thành ủy TP. Hồ Chí Minh": the unit is found by its abbreviation
            level = p.org_level_of[fold(m["level"])]
            inner = p.level.match(text, m.start("cap"))
            if inner is not None and p.level_of[fold(inner["level"])] == level:
                # "Quận ủy Quận 1", "Thành ủy Thành phố Hồ Chí Minh": the unit is found by its own level
                # word ("Thị ủy Buôn Hồ" is no buôn: the name only begins like a level word).
                continue
            span = _trim_name(text, m.start("cap"), m.end("cap"), level)
            if span:
                add(m.start(), span[1], level, text[span[0] : span[1]])
        for m in p.level.finditer(text, sentence.start, sentence.end, overlapped=True):
            counted = after_count(m.start())
            if (counted and not m["cap"]) or p.tier_before.search(text, max(0, m.start() - 10), m.start()):
                continue  # "7 khu phố" is a count; "2 thôn Bình Minh và Tân Hòa" counts units it names
            level = p.level_of[fold(m["level"])]
            if m["num"] and p.count_after.match(text, m.end("num"), sentence.end):
                continue
            if m["num"] and dates.covers(m.start("num")):
                continue  # "hội nghị khu dân cư 6 tháng đầu năm 2024": the number opens a date
            if m["num"]:
                if add(m.start(), m.end("num"), level, m["num"]):
                    _more_numbers(text, m.start(), m.end("num"), sentence.end, level, add)
                continue
            if level in p.number_only or not m["cap"]:
                continue
            span = _trim_name(text, m.start("cap"), m.end("cap"), level)
            if span is None or not add(m.start(), span[1], level, text[span[0] : span[1]]):
                continue
            plural = counted or p.plural_before.search(text, max(0, m.start() - 10), m.start())
            if span[1] == m.end("cap") and plural:
                _more_names(text, m.start(), span[1], sentence.end, level, add)
        for m in p.abbreviation.finditer(text, sentence.start, sentence.end):
            level = p.abbreviations[m["level"]]
            if m["num"]:
                add(m.start(), m.end("num"), level, m["num"])
                continue
            if m["level"] in p.number_only_abbreviations:
                continue  # "P Hà" is not an abbreviation we trust; "P.6" and "Q.3" are
            span = _trim_name(text, m.start("cap"), m.end("cap"), level)
            if span:
                add(m.start(), span[1], level, text[span[0] : span[1]])
    found.sort(key=lambda u: (u.start, u.end))
    return found


def _more_numbers(text: str, start: int, pos: int, limit: int, level: str, add: Callable[..., bool]) -> None:
    """ "Tổ dân phố 5 và 11", "khu phố 1, 2 và 3": each further number is a unit of the same level."""
    while True:
        m = _patterns().more_numbers.match(text, pos, limit)
        if m is None:
            return
        add(start, m.end("num"), level, m["num"], sharing=True)
        pos = m.end()


def _more_names(text: str, start: int, pos: int, limit: int, level: str, add: Callable[..., bool]) -> None:
    """ "các bản Che Căn, Khá và Kéo", "các phường Lê Lợi, Hải Cảng, Thị Nại": after a plural ("các",
    "những"), each further capitalised name is a unit of the same level, up to the first that is not.
    """
    p = _patterns()
    while True:
        m = p.more_names.match(text, pos, limit)
        if m is None or p.level_word_start.match(text, m.start("cap")):
            return
        span = _trim_name(text, m.start("cap"), m.end("cap"), level)
        if span is None:
            return
        add(start, span[1], level, text[span[0] : span[1]], sharing=True)
        pos = m.end()
        if m["sep"] == "và":
            return


def extract(document: Document) -> list[Mention]:
    units = find_units(document)
    # Each (level, name) is looked up once: a list may name the same unit thousands of times.
    register_mentions = list(dict.fromkeys((u.level, u.name) for u in units if u.level in LEVEL_GROUPS))
    context = article_context(register_mentions, document.published, document.hints)
    links: dict[tuple[str, str], Link] = {}
    out: list[Mention] = []
    for u in units:
        linked = links.get((u.level, u.name))
        if linked is None:
            linked = links[u.level, u.name] = link(u.level, u.name, document.published, context)
        out.append(
            Mention(
                KIND,
                u.start,
                u.end,
                {
                    "level": u.level,
                    "name": u.name,
                    "code": linked.code,
                    "code_2025": list(linked.code_2025),
                    "name_2025": list(linked.name_2025),
                    "link_status": linked.link_status,
                    "candidates": linked.candidates,
                },
            )
        )
    return out
