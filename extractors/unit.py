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

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from bantin.extractors.base import Findings, Mention
from bantin.extractors.quotes import closed_quotes, inside
from bantin.gazetteer.link import (
    LEVEL_GROUPS,
    REFORM_DATE,
    Link,
    article_context,
    candidates,
    link,
    link_fields,
)
from bantin.gazetteer.register import APOSTROPHES, fold_name, load_register
from bantin.pipeline.text import names
from bantin.pipeline.text.document import Document
from bantin.pipeline.text.names import surname_with_middle_name
from bantin.pipeline.text.resources import alternation, load_yaml
from bantin.pipeline.text.spans import SpanUnion
from bantin.pipeline.text.textnorm import fold, tolerant_alternation

# Patterns of single calls, compiled once (regex's cache lookup costs as much as a short match).
_NUMBERED_STEM = regex.compile(r"(?P<stem>.*\S)[ \t]+\d{1,3}[A-Z]?$")
_SPACED_LOWER = regex.compile(r"[ \t]+\p{Ll}+")
_DAY_AFTER = regex.compile(r",?[ \t]*ngày[ \t]+\d")
_TWO_CAPITALS = regex.compile(r"\p{Lu}{2}")

KIND = "unit"
NEEDS = ("date",)  # a number that opens a date names no unit, nor makes a count before a level word
_FLAGS = regex.IGNORECASE | regex.VERSION1
_GAP = r"[ \t]*(?:\n[ \t]*)?"  # spaces, or one line break of a hard-wrapped line
_NUMBER = r"\d{1,3}[A-Z]?(?![\w]|[.,/]\d)"
# A number that opens a list written without spaces ("tổ dân phố Phú Hải 2,3"), not a decimal ("2,5 tỷ").
_LISTED_NUMBER = rf"(?:{_NUMBER}|\d{{1,3}}(?=,\d{{1,3}}(?!\d|[.,]\d)))"
# A capitalised syllable; an ethnic-minority name's may hold an apostrophe ("K’Nớ", "R'Lấp", "M’gar").
_APOSTROPHE = f"[{APOSTROPHES}]"
_WORD = rf"\p{{Lu}}[\p{{Ll}}\p{{Lu}}]*(?:{_APOSTROPHE}[\p{{Ll}}\p{{Lu}}]+)?"
# A syllable of a bare place name: capital then lower case ("Quảng", "M’gar"), no acronym.
_SYLLABLE = rf"\p{{Lu}}(?:\p{{Ll}}+|\p{{Ll}}*{_APOSTROPHE}\p{{L}}\p{{Ll}}*)"
# Context windows, in characters: read once per match, a bounded window keeps a 200 KB sentence linear.
_BEFORE_LEVEL_WINDOW = 10  # "cấp huyện", "các ấp": a tier or plural word (tier_before, plural_before)
_ADDRESS_WINDOW = 20  # "hẻm số 2 tổ 28": an address word (address_number_before), its number and spaces
# "đường Hải Phòng", "các đồng chí Thanh Hà": a word before a bare province or district name that makes
# it no place (not_place_before, officials.yaml honorifics), with its spaces.
_NOT_PLACE_WINDOW = 20
_DATELINE_DAY_WINDOW = 12  # "Hải Phòng, ngày 21": the comma, "ngày" and the day's first digit after a place
# "huyện Cam Lộ, Đakrông và Hướng Hóa": the names listed between a district and a later name of its list.
_DISTRICT_LIST_WINDOW = 80
# "Phó Bí thư Thường trực Đảng ủy xã": a title and the organisation it heads, before a level word.
_TITLE_BEFORE_WINDOW = 60


@dataclass(frozen=True)
class _Compiled:
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
    address_number: regex.Pattern[str]
    count_after: regex.Pattern[str]
    plural_before: regex.Pattern[str]
    more_names: regex.Pattern[str]
    organisation_word: regex.Pattern[str]
    named_before_unit: frozenset[str]
    unit_after: regex.Pattern[str]
    register_abbreviations: frozenset[str]
    bare_run: regex.Pattern[str]
    not_place_before: regex.Pattern[str]
    historical: frozenset[str]
    head_word: regex.Pattern[str]
    title_before: regex.Pattern[str]


@cache
def compiled() -> _Compiled:
    """extractors/data/units.yaml, officials.yaml's honorifics and historical names, and
    pipeline/data/people.yaml's names, compiled once per process."""
    data = load_yaml("extractors", "units.yaml")
    words = [w for w in data["levels"] if not w.endswith(".") and w not in ("tp", "tx", "kp", "tdp", "kdc")]
    level_alt = tolerant_alternation(words)
    org_alt = tolerant_alternation(list(data["organisation_levels"]))
    # A name ends before the next level word (`_trim_name` would cut it there): a run of
    # capitals is read once, not again from each level word in it.
    more = rf"(?:{_GAP}(?!(?i:(?:{level_alt}|{org_alt})(?!\w))){_WORD})*"
    # Names are matched case-sensitively: a capital letter is what makes a word a name.
    # A word name may end in a number: "khu phố Bình Đức 1", "ấp Phú Hòa 2".
    name = (
        rf"(?:(?:số{_GAP})?(?P<num>{_LISTED_NUMBER})"
        rf"|(?-i:(?P<cap>{_WORD}{more}(?:[ \t]{_LISTED_NUMBER})?)))"
    )
    not_name = tolerant_alternation(data["organisation_words"])
    # After the level word: its abbreviation in parentheses ("khu dân cư (KDC) 9"), and a colon
    # before a list ("các ấp: Văn Hiên 1, …"; only trusted after a plural or a count).
    sep = r"[ \t]*(?:\((?-i:\p{Lu}{2,5})\)[ \t]*)?(?::[ \t]*)?(?:\n[ \t]*)?"
    officials = load_yaml("extractors", "officials.yaml")
    return _Compiled(
        level=regex.compile(rf"(?<!\w)(?P<level>{level_alt})(?!\w)(?P<sep>{sep}){name}", _FLAGS),
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
        surnames=names.surnames(),
        middle_names=names.middle_names(),
        tier_before=regex.compile(rf"(?<!\w)(?:{tolerant_alternation(data['tier_before'])})\s+$", _FLAGS),
        address_number=regex.compile(
            rf"(?<!\w)(?:{tolerant_alternation(data['address_number_before'])})\s+\d+\s*$", _FLAGS
        ),
        count_after=regex.compile(rf"\s+(?:{alternation(data['count_words_after'])})(?!\w)", _FLAGS),
        plural_before=regex.compile(rf"(?<!\w)(?:{tolerant_alternation(data['plural_before'])})\s+$", _FLAGS),
        more_names=regex.compile(
            rf"{_GAP}(?P<sep>,|và){_GAP}(?-i:(?P<cap>{_WORD}(?:[ \t]{_WORD})*(?:[ \t]{_NUMBER})?))", _FLAGS
        ),
        organisation_word=regex.compile(rf"(?:{not_name})(?!\w)", _FLAGS),
        named_before_unit=frozenset(data["named_before_unit"]),
        unit_after=regex.compile(
            rf"[ \t]*(?:[,–-][ \t]*)?(?:{tolerant_alternation(data['unit_after'])})[ \t]+\p{{Lu}}", _FLAGS
        ),
        register_abbreviations=frozenset(data["register_only_abbreviations"]),
        # A run of capitalised syllables, whole: a bare province or district name is one.
        bare_run=regex.compile(
            rf"(?<![\p{{L}}\p{{N}}.&/-]){_SYLLABLE}(?:[ \t]+{_SYLLABLE})+(?![\p{{L}}\p{{N}}&/])"
        ),
        not_place_before=regex.compile(
            rf"(?<![\w])(?:{tolerant_alternation(data['not_place_before'])}"
            rf"|{tolerant_alternation(officials['honorifics'])})[ \t]*$",
            _FLAGS,
        ),
        historical=frozenset(fold(n) for n in officials["historical_names"]),
        head_word=regex.compile(rf"(?:{tolerant_alternation(data['head_words'])})(?!\w)", _FLAGS),
        # A title that the level word's organisation goes on, in one clause: "Phó Bí thư Thường trực Đảng
        # ủy xã", "Chủ tịch UBND phường". Capitalised as a title is written before its holder's name.
        title_before=regex.compile(
            rf"(?<!\w)(?-i:{tolerant_alternation(officials['title_words'])})(?!\w)[^,;:.()\n–—-]*$", _FLAGS
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
    word ("thành phố") and "số" (`bantin.gazetteer.register.name_keys` drops both)."""
    keys = [key for _, _, key in load_register().by_name]
    keys += [fold(alias) for alias in load_yaml("gazetteer", "aliases.yaml")["provinces"]]
    return max(len(key.split()) for key in keys) + 3


def _run_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of a capitalised run after a level word that may be the unit's name: cut before
    another level word, a number that counts, and a person's full name (`_person_at`)."""
    p = compiled()
    words = [(start + s, start + e) for s, e in _name_words(text, start, end)]
    for i, (ws, _) in enumerate(words):
        if i > 0 and p.level_word_start.match(text, ws):
            words = words[:i]
            break
    if words and text[words[-1][0]].isdigit() and p.count_after.match(text, words[-1][1]):
        words = words[:-1]  # "xã Hải Lâm 5 suất quà": the number counts
    return words[: _person_at(text, words)]


def _person_shaped(text: str, words: list[tuple[int, int]]) -> bool:
    """Whether the words read as a full personal name: a surname and two or more words, or a surname
    and a middle name ("Nguyễn Văn A", "Phan Thành Lý", "Lê Văn")."""
    p = compiled()
    if len(words) < 2 or fold(text[words[0][0] : words[0][1]]) not in p.surnames:
        return False
    return len(words) >= 3 or fold(text[words[1][0] : words[1][1]]) in p.middle_names


def _trim_name(text: str, start: int, end: int, level: str) -> tuple[int, int] | None:
    """The capitalised run as a name: cut before another level word; a person's name is no unit."""
    words = _run_words(text, start, end)
    if not words:
        return None
    if level in LEVEL_GROUPS:
        # The longest prefix the register knows, when the run goes on past the name.
        for n in range(min(len(words), _register_name_words()), 0, -1):
            name = " ".join(text[words[0][0] : words[n - 1][1]].split())
            if _known(level, name, "legacy"):
                return words[0][0], words[n - 1][1]
        if len(words) > 1 and text[words[-1][0]].isdigit():
            words = words[:-1]  # a ward or district the register does not know with a number
        if _person_shaped(text, words):
            return None
    return words[0][0], words[-1][1]


def _person_at(text: str, words: list[tuple[int, int]]) -> int:
    """Where a person's full name begins in a unit's run ("bản Co Hạ Sùng A Páo", "buôn Ma Đung
    Y Thăk Niê": a title's unit, then its holder); the run's length when none does.

    A name is a surname (or an Ê Đê "Y"/"H’…") and two or three more words, or one more after a
    middle name; a first word is never cut (whether the whole run is a person is decided elsewhere).
    """
    p = compiled()
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


def find_units(document: Document, dates: SpanUnion) -> list[UnitMention]:
    """Every unit mention of the article, before linking; `dates` holds the spans of its dates."""
    text = document.text
    p = compiled()
    found: list[UnitMention] = []
    taken = SpanUnion()
    holders: set[tuple[int, int]] = set()  # units whose run may be a title's holder (`_holder_after`)
    era = "2025" if document.published is not None and document.published >= REFORM_DATE else "legacy"
    letterhead = _letterhead_end(text)

    def add(start: int, end: int, level: str, name: str, *, sharing: bool = False) -> bool:
        # A further number of "Tổ dân phố 5 và 11" shares its evidence start with the first.
        if start < letterhead:
            return False
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
        if p.address_number.search(text, max(0, start - _ADDRESS_WINDOW), start):
            return False  # "hẻm số 2 tổ 28": the number is the lane's
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
            span = _name_span(document, m.start("cap"), m.end("cap"), level)
            if span is None or not add(m.start(), span[1], level, text[span[0] : span[1]]):
                continue
            if _holder_after(text, sentence.start, m.start(), span, m.end("cap"), level):
                holders.add((m.start(), span[1]))
        for m in p.level.finditer(text, sentence.start, sentence.end, overlapped=True):
            counted = after_count(m.start())
            word_before = max(0, m.start() - _BEFORE_LEVEL_WINDOW)
            if (counted and not m["cap"]) or p.tier_before.search(text, word_before, m.start()):
                continue  # "7 khu phố" is a count; "2 thôn Bình Minh và Tân Hòa" counts units it names
            plural = counted or p.plural_before.search(text, word_before, m.start()) is not None
            if ":" in m["sep"] and not plural:
                continue  # a colon after a level word opens a list only after "các", "những" or a count
            level = p.level_of[fold(m["level"])]
            if m["num"] and p.count_after.match(text, m.end("num"), sentence.end):
                continue
            if m["num"] and dates.covers(m.start("num")):
                continue  # "hội nghị khu dân cư 6 tháng đầu năm 2024": the number opens a date
            if m["num"]:
                if add(m.start(), m.end("num"), level, m["num"]):
                    _more_numbers(text, m.start(), m.end("num"), sentence.end, level, add)
                continue
            if not m["cap"]:
                continue
            span = _name_span(document, m.start("cap"), m.end("cap"), level)
            if span is None:
                continue
            if level in p.number_only and not (
                level in p.named_before_unit
                and p.unit_after.match(text, span[1], sentence.end)
                and document.word_ends.get(m.start()) == m.end("level")
            ):
                # "Tổ công tác", "phố Huế"; but "Khu Ga thị trấn Đồng Đăng" lies in a unit ("Mặt trận Tổ
                # Quốc Việt Nam xã …" holds no "tổ": the level word is part of a longer word)
                continue
            if not add(m.start(), span[1], level, text[span[0] : span[1]]):
                continue
            if _holder_after(text, sentence.start, m.start(), span, m.end("cap"), level):
                holders.add((m.start(), span[1]))
            name = text[span[0] : span[1]]
            stem = _NUMBERED_STEM.match(name)
            if stem and span[1] == m.end("cap"):
                # "Tổ dân phố Phú Hải 2 và 3": each further number is another "Phú Hải"
                _more_numbers(text, m.start(), span[1], sentence.end, level, add, stem["stem"] + " ")
            if span[1] == m.end("cap"):
                more = _Listing(level, name, plural, era)
                _more_names(document, m.start(), span[1], sentence.end, more, add)
        for m in p.abbreviation.finditer(text, sentence.start, sentence.end):
            level = p.abbreviations[m["level"]]
            if m["num"]:
                add(m.start(), m.end("num"), level, m["num"])
                continue
            span = _name_span(document, m.start("cap"), m.end("cap"), level)
            if span is None:
                continue
            if m["level"] in p.number_only_abbreviations and not (
                m["level"] in p.register_abbreviations
                and text.startswith(".", m.end("level"))
                and _known(level, text[span[0] : span[1]], era)
                and len(text[span[0] : span[1]].split()) >= 2
            ):
                continue  # "P Hà", "Ảnh: H.Nam" are no units; "P.6", "H.Cẩm Mỹ" are
            add(m.start(), span[1], level, text[span[0] : span[1]])
    found = _drop_holders(found, holders)
    # Bare names last, once every unit with a level word is known (their levels, the lists they open).
    named = {fold(u.name): u.level for u in found if u.level in LEVEL_GROUPS}
    districts_ending: dict[int, list[UnitMention]] = {}
    for u in found:
        if u.level in ("quận", "huyện", "thị xã", "thành phố"):
            districts_ending.setdefault(u.end, []).append(u)
    for sentence in document.content_sentences():
        for start, end, level in _bare_places(
            document, sentence.start, sentence.end, named, districts_ending
        ):
            add(start, end, level, text[start:end])
    found.sort(key=lambda u: (u.start, u.end))
    return found


def _holder_after(
    text: str, floor: int, level_start: int, span: tuple[int, int], run_end: int, level: str
) -> bool:
    """Whether the run after a title's level word may be the title's holder, not the unit's name:
    "Phó Bí thư Thường trực Đảng ủy xã Phan Thành Lý". The register knows a xã Phan, but the whole run
    is a full personal name, no place follows the known part, and a title opens the clause. A unit
    named after a person ("xã Đào Hữu Cảnh") is known whole, so it is never a holder.
    """
    p = compiled()
    if level not in LEVEL_GROUPS:
        return False
    words = _run_words(text, span[0], run_end)
    if not words or words[-1][1] <= span[1] or not _person_shaped(text, words):
        return False
    rest = " ".join(text[span[1] : words[-1][1]].split())
    if any(_known(lv, rest, "legacy") for lv in LEVEL_GROUPS):
        return False  # "xã Kim Sơn Ninh Bình": an address without its comma
    title = p.title_before.search(text, max(floor, level_start - _TITLE_BEFORE_WINDOW), level_start)
    return title is not None


def _drop_holders(found: list[UnitMention], holders: set[tuple[int, int]]) -> list[UnitMention]:
    """The units without those read from a title's holder (`_holder_after`) when the article names
    another unit of that level: the title's "xã" is that one ("… xã Long Điền …, Phó Bí thư Thường
    trực Đảng ủy xã Phan Thành Lý": Phan Thành Lý is the person)."""
    if not holders:
        return found
    held = [u for u in found if (u.start, u.end) in holders]
    named = {(u.level, fold(u.name)) for u in found if (u.start, u.end) not in holders}
    levels = {level for level, _ in named}
    drop = {(u.start, u.end) for u in held if u.level in levels and (u.level, fold(u.name)) not in named}
    return [u for u in found if (u.start, u.end) not in drop]


def _name_span(document: Document, start: int, end: int, level: str) -> tuple[int, int] | None:
    """The name of a capitalised run after a level word, or None when it is no name.

    Beyond `_trim_name`: a run whose last syllable opens an ordinary word ("phường Báo cáo",
    "Thôn Văn hóa kiểu mẫu") ends before it, and an organisation word ("Quận Đoàn", "Phường Đội")
    is a name only when more of the name follows in a residential unit ("thôn Đoàn Kết") or the
    register knows it ("xã Đoàn Kết").
    """
    text = document.text
    p = compiled()
    if p.head_word.match(text, start, end):
        return None  # "Ấp Trưởng": the unit's head, a title
    span = _trim_name(text, start, end, level)
    if span is None:
        return None
    s, e = span
    last = max(s, text.rfind(" ", s, e) + 1, text.rfind("\n", s, e) + 1)
    if _opens_word(document, s, last, e):
        e = len(text[:last].rstrip())
        if e <= s:
            return None
    org = p.organisation_word.match(text, s, e)
    if org is not None:
        name = text[s:e]
        if level in LEVEL_GROUPS and not _known(level, name, "legacy") and not _known(level, name, "2025"):
            return None
        if level not in LEVEL_GROUPS and org.end() >= e:
            return None
    return s, e


def _opens_word(document: Document, name_start: int, start: int, end: int) -> bool:
    """Whether the name's last syllable (start..end) opens a longer word written on in lower case
    ("Báo cáo"), or ends one that began before the name ("Thôn Văn hóa": the level word is the head).
    A word the segmenter glued inside the name ("Phú Tân trao") proves nothing."""
    text = document.text
    starts, ends = _word_index(document)
    i = bisect_right(starts, start) - 1
    if i < 0 or ends[i] <= end or name_start <= starts[i] < start:
        return False
    # One lower-case syllable more: "Báo cáo", "Văn hóa"; "ấp Bắc bàn giao" is the segmenter's slip.
    return _SPACED_LOWER.fullmatch(text[end : ends[i]]) is not None


def _word_index(document: Document) -> tuple[list[int], list[int]]:
    def build() -> tuple[list[int], list[int]]:
        items = sorted(document.word_ends.items())
        return [s for s, _ in items], [e for _, e in items]

    return document.memo("unit.word_index", build)


@lru_cache(maxsize=65_536)
def _known(level: str, name: str, era: str) -> bool:
    """Whether the register knows the name at that level in that era; remembered (the register is
    loaded once), as a page names the same units, and the same runs are tried again and again."""
    return bool(candidates(load_register(), level, " ".join(name.split()), era))


def _letterhead_end(text: str) -> int:
    """Where an issuing body's letterhead ends: two or more short upper-case lines opening the page and
    standing apart ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM / QUẬN 5 - THÀNH PHỐ HỒ CHÍ MINH"); 0 if none."""
    m = _LETTERHEAD.match(text)
    return m.end() if m else 0


_LETTERHEAD = regex.compile(r"\A\s*(?:[^\p{Ll}\n]{3,60}\n){2,4}[ \t]*\n", regex.VERSION1)


@cache
def _bare_levels() -> dict[str, tuple[str, ...]]:
    """Folded province and district names → the levels they are (a province first)."""
    register = load_register()
    out: dict[str, list[str]] = {}
    for uid, unit in register.units.items():
        era, group, _ = uid.split(":", 2)
        if group == "province" or (group == "district" and era == "legacy"):
            key = fold_name(unit.short)
            levels = out.setdefault(key, [])
            level = unit.level if unit.level in LEVEL_GROUPS else ("tỉnh" if group == "province" else "")
            if level and level not in levels:
                levels.insert(0, level) if group == "province" else levels.append(level)
    return {k: tuple(v) for k, v in out.items()}


def _bare_places(
    document: Document,
    start: int,
    end: int,
    named: dict[str, str],
    districts_ending: dict[int, list[UnitMention]],
) -> list[tuple[int, int, str]]:
    """Provinces and districts named without a level word ("(Hà Nội)", "Quảng Trị", "Phú Giáo: …").

    A whole run of two or more capitalised syllables that the register knows as a province or a
    district, not after a word that makes it another place or a person ("đường Hải Phòng", "chị
    Thanh Hà"), not a historical figure, not a dateline's place ("Hải Phòng, ngày 21 …"). Its level
    is the one the article gives that name elsewhere, else a province's, else a district's.
    """
    text = document.text
    p = compiled()
    levels = _bare_levels()
    out: list[tuple[int, int, str]] = []
    quoted = closed_quotes(text, start, end)
    for m in p.bare_run.finditer(text, start, end):
        key = fold_name(m.group())
        if key not in levels or key in p.historical or document.is_author(m.start(), m.end()):
            continue
        if inside(quoted, m.start(), m.end()):
            continue  # "Câu lạc bộ “Vì Hoàng Sa - Trường Sa thân yêu”": a quoted name
        if p.not_place_before.search(text, max(start, m.start() - _NOT_PLACE_WINDOW), m.start()):
            continue
        if _DAY_AFTER.match(text[m.end() : m.end() + _DATELINE_DAY_WINDOW]):
            continue  # a dateline gives where the article was written
        words = m.group().split()
        if fold(words[0]) in p.surnames and fold(words[1]) in p.middle_names and len(words) >= 3:
            continue  # "Trần Văn Thời" bare is a person
        level = named.get(key, levels[key][0])
        if level not in ("tỉnh", "thành phố") and _listed_after_district(
            text, districts_ending, m.start(), m.group()
        ):
            continue  # "TP Thái Bình, Vũ Chính và Đông Hòa": communes of the city, not districts
        out.append((m.start(), m.end(), level))
    return out


_LIST_GAP = regex.compile(
    r"(?:[ \t]*(?:,|và)[ \t]*\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*)*)*[ \t]*(?:,|và)[ \t]*"
)


def _listed_after_district(
    text: str, districts_ending: dict[int, list[UnitMention]], start: int, name: str
) -> bool:
    """Whether a bare name goes on a list that a district-level unit opens and is one of its communes
    ("TP Thái Bình, Vũ Chính và Đông Hòa"; "huyện Cam Lộ, Đakrông và Hướng Hóa" lists districts)."""
    register = load_register()
    for pos in range(max(0, start - _DISTRICT_LIST_WINDOW), start):  # bounded: a long sentence stays linear
        for u in districts_ending.get(pos, []):
            if not _LIST_GAP.fullmatch(text, u.end, start):
                continue
            districts = {unit.code for _, unit in candidates(register, u.level, u.name, "legacy")}
            if any(w.district_code in districts for w in register.find("legacy", "ward", name)):
                return True
    return False


def _more_numbers(
    text: str, start: int, pos: int, limit: int, level: str, add: Callable[..., bool], stem: str = ""
) -> None:
    """ "Tổ dân phố 5 và 11", "khu phố 1, 2 và 3": each further number is a unit of the same level
    ("Tổ dân phố Phú Hải 2 và 3": of the same name)."""
    while True:
        m = compiled().more_numbers.match(text, pos, limit)
        if m is None:
            return
        add(start, m.end("num"), level, stem + m["num"], sharing=True)
        pos = m.end()


@dataclass(frozen=True)
class _Listing:
    """What a list of further names goes on from: the level word, its first name, a plural before it."""

    level: str
    first: str
    plural: bool
    era: str


def _more_names(
    document: Document, start: int, pos: int, limit: int, listing: _Listing, add: Callable[..., bool]
) -> None:
    """Further names of one level word, each a unit of that level.

    After a plural or a count ("các bản Che Căn, Khá và Kéo", "các phường Lê Lợi, Hải Cảng, Thị
    Nại") every capitalised name up to the first that is not. Without one, a list is trusted only
    where it cannot be an address: a "và" joins a name the register knows at that level ("huyện Trần
    Văn Thời và Đầm Dơi") or the same name with another number ("phường Nam 1 và Nam 2"); a comma joins
    no district or province ("xã Hải Lâm, Hải Lăng, Quảng Trị" is an address), but a ward the register
    knows at that level ("xã Đông Quang, Cổ Đô, Phong Vân") or a residential name it does not know as a
    ward ("thôn Đông, Tây").
    """
    text = document.text
    p = compiled()
    level = listing.level
    while True:
        m = p.more_names.match(text, pos, limit)
        if m is None or p.level_word_start.match(text, m.start("cap")):
            return
        if p.organisation_word.match(text, m.start("cap")) or _TWO_CAPITALS.match(m["cap"]):
            return  # "khối phố Xuân Đông, UBND phường": an organisation follows
        span = _name_span(document, m.start("cap"), m.end("cap"), level)
        if span is None or span[1] != m.end("cap"):
            return
        name = " ".join(text[span[0] : span[1]].split())
        if not listing.plural and not _listed_without_plural(listing, name, m["sep"]):
            return
        add(start, span[1], level, name, sharing=True)
        pos = m.end()
        if m["sep"] == "và":
            return


def _listed_without_plural(listing: _Listing, name: str, sep: str) -> bool:
    level, era = listing.level, listing.era
    if sep == "và":
        stem = regex.sub(rf"[ \t]+{_NUMBER}$", "", name)
        if stem != name and stem.split() == listing.first.split()[: len(stem.split())]:
            return True  # "khu phố Nam 1 và Nam 2"
        return level in LEVEL_GROUPS and _known(level, name, era)
    higher = ("tỉnh",) if level in ("quận", "huyện", "thị xã", "thành phố") else ("huyện", "tỉnh")
    if len(name.split()) > 3 or any(_known(lv, name, "legacy") for lv in higher):
        return False  # "xã Hải Lâm, Hải Lăng, Quảng Trị" is an address
    if level in LEVEL_GROUPS:
        return _known(level, name, era)  # "các đội thi xã Đông Quang, Cổ Đô, Phong Vân"
    return not any(_known(lv, name, e) for lv in ("xã", "phường") for e in ("legacy", "2025"))


def extract(document: Document, found: Findings) -> list[Mention]:
    units = find_units(document, SpanUnion((d.start, d.end) for d in found["date"]))  # "Sáng 2/9 khóm 3"
    # Each (level, name) is looked up once: a list may name the same unit thousands of times.
    register_mentions = list(dict.fromkeys((u.level, u.name) for u in units if u.level in LEVEL_GROUPS))
    context = article_context(register_mentions, document.published, document.hints)
    links: dict[tuple[str, str], Link] = {}
    out: list[Mention] = []
    for u in units:
        linked = links.get((u.level, u.name))
        if linked is None:
            linked = links[u.level, u.name] = link(u.level, u.name, document.published, context)
        out.append(Mention(KIND, u.start, u.end, link_fields(u.level, u.name, linked)))
    return out
