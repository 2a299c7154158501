"""Officials: a person's name with the positions the text gives them, as written.

A name is a known surname followed by capitalised syllables (across a line
break: "Biện\\nVăn Long"). Titles are read after the name ("Nguyễn Thị Tuyết
Mai, QUV, Phó trưởng Ban Tuyên giáo Quận ủy", "Lê Hoàng Linh - Phó Bí thư …")
and before it ("Phó Bí thư Quận ủy, Chủ tịch UBND quận Hoàn Kiếm Phạm Tuấn
Long"), split where the text separates them by a comma, a dash or a semicolon.
A person with an honorific ("đồng chí", "ông", "bà") and no title is kept with
`titles: []`; a bare name is not. Authors, photo credits, historical figures
and names that are part of a unit or street are never officials.

Word lists: extractors/data/officials.yaml, people.yaml, abbreviations.tsv.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from bantin.extractors.base import Findings, Mention
from bantin.extractors.quotes import closed_quotes, inside
from bantin.pipeline.text import names
from bantin.pipeline.text.document import Document
from bantin.pipeline.text.names import surname_with_middle_name
from bantin.pipeline.text.resources import compile_at, load_tsv, load_yaml
from bantin.pipeline.text.segment import stop_after_abbreviation
from bantin.pipeline.text.spans import SpanUnion, skip_space
from bantin.pipeline.text.textnorm import fold, tolerant_alternation

# Patterns of single calls, compiled once (regex's cache lookup costs as much as a short match).
_NON_SPACE = regex.compile(r"\S+")
_CAPITAL_THEN_LOWER = regex.compile(r"\s*(\p{Lu}\p{Ll}*)[ \t]+\p{Ll}")
_CAPITALISED_BEFORE = regex.compile(r"(?<![\w])(\p{Lu}\p{Ll}+)[ \t]+$")

KIND = "official"
NEEDS = ("unit",)  # a name inside a unit, or a unit's name written bare, is no person
_FLAGS = regex.VERSION1
_GAP = r"[ \t]*(?:\n[ \t]*)?"
_CAP = r"\p{Lu}\p{Ll}+"
# A syllable of a name of the Central Highlands peoples: "Y", "Ayun", "H’Bluê", "K’Rông".
_ANY_CAP = r"\p{Lu}\p{Ll}*(?:[’']\p{Lu}?\p{Ll}+)?"
# How far before a name its titles may begin (the longest titles run to ~150 characters).
_TITLES_REACH = 400
# Context windows, in characters: read once per match, a bounded window keeps a 200 KB sentence linear.
# "sân vận động Lê Lợi", "giải thưởng Võ Trường Toản": a word before a name that makes it a place or a
# slogan (not_person_before, place_words), with its spaces.
_NOT_PERSON_WORD_WINDOW = 25
_CAPITALISED_WINDOW = 12  # "đường An Dương Vương": one capitalised syllable and its spaces, read back a step
# How far before a name `_not_a_person_before` reads: such a word and up to two capitalised syllables between.
_NOT_PERSON_WINDOW = 40
# "Ban chỉ đạo", "Ủy ban Kiểm tra": an organisation word (end_word_after) and its space before an end word.
_ORGANISATION_END_WINDOW = 12
# "Thành Đoàn Thuận An": the start, before a run of capitals, of an organisation word the run opens inside.
_ORGANISATION_OPEN_WINDOW = 12
_HONORIFIC_WINDOW = 15  # "các đồng chí", "hộ gia đình": an honorific or a household word and its spaces
_LONGEST_NAME = 5  # words: "Tôn Nữ Thị Ngọc Hà", "Trần Lê Hồ Thiên Trang"
# "Doanh nghiệp Hoàng Long", "Nhà văn hóa Thành Công": an organisation word (organisations_before_name).
_ORGANISATION_BEFORE_WINDOW = 20
# A short aside in parentheses right after a name ("(sinh năm 1962)", "(66 tuổi)").
_ASIDE = compile_at(r"\s*\([^()\n]{1,40}\)(?=\s*,)", regex.VERSION1)
_LIST_END = regex.compile(r"[.;…]")
# Items of a bare list of names, "Nguyễn Văn Tư, Trần Thị Bé Ba và Lê Minh Khoa", each with an aside.
_LIST_ITEM_SEPARATOR = regex.compile(r",|[ \t]+và[ \t]+", regex.VERSION1)
# An item of a bare list of names is at most a five-word name and an aside: a longer one ends the list.
_NAME_ITEM_WINDOW = 200
_ITEM_ASIDE = regex.compile(r"\s*\([^()\n]{1,40}\)$", regex.VERSION1)
# Title separators: comma, semicolon, dashes; a hyphen only between words, not inside "ANCT-TTATXH".
_SEPARATOR = regex.compile(r"\s*(?:[,;–—()]|\s-\s|(?<=\p{Ll})-(?=\p{Lu})|-(?=\s))\s*", _FLAGS)
_SEPARATOR_MARKS = ",;–—()-"  # one of them is in every `_SEPARATOR` match
# A name that ends its line, its position on the next (a caption, a signature): checked for a title word.
_LINE_TITLE = compile_at(r"[ \t]*\n[ \t]*(?=\p{Lu})", _FLAGS)
# A dash ending the titles written before a name: "Chủ tịch Hội Nông dân tỉnh - Lê Văn Hùng", also glued
# to the title's last word ("Bí thư xã Tân Long Hội- Ngô Hùng Nhân", "… Hội-Ngô Hùng Nhân").
_DASH_BEFORE_NAME = regex.compile(r"(?:\s[-–—]\s*|(?<=\w)[-–—]\s+|(?<=\p{Ll})[-–—])$", _FLAGS)
# A title written right after the name with no comma: only spaces between them.
_GAP_BEFORE_TITLE = regex.compile(r"[ \t]+", _FLAGS)


def _phrases(words: list[str], *, case_insensitive: bool = False) -> str:
    alt = tolerant_alternation(words)
    return f"(?i:{alt})" if case_insensitive else alt


@dataclass(frozen=True)
class _Compiled:
    name: regex.Pattern[str]
    honorific_name: regex.Pattern[str]
    honorific_single: regex.Pattern[str]
    honorific_list: regex.Pattern[str]
    list_item_name: regex.Pattern[str]
    list_joint: regex.Pattern[str]
    honorific_before: regex.Pattern[str]
    household_name: regex.Pattern[str]
    household_before: regex.Pattern[str]
    honorific_word: regex.Pattern[str]
    honorific_then_name: regex.Pattern[str]
    title_start: regex.Pattern[str]
    title_head: regex.Pattern[str]
    title_link: regex.Pattern[str]
    link_opens: regex.Pattern[str]
    bare_list_opener: regex.Pattern[str]
    segment_start: regex.Pattern[str]
    organisation: regex.Pattern[str]
    title_end: regex.Pattern[str]
    not_person_before: regex.Pattern[str]
    place_name: regex.Pattern[str]
    surnames: frozenset[str]
    middle_names: frozenset[str]
    after_organisation: regex.Pattern[str]
    noun_compounds: frozenset[str]
    next_person: regex.Pattern[str]
    historical: frozenset[str]
    not_names: frozenset[str]
    abbreviations: dict[str, str]
    abbreviation: regex.Pattern[str]
    title_after_name: regex.Pattern[str]
    place_title: regex.Pattern[str]
    organisation_before: regex.Pattern[str]
    title_goes_on: regex.Pattern[str]


@cache
def compiled() -> _Compiled:
    """extractors/data/officials.yaml, abbreviations.tsv and units.yaml's levels, and
    pipeline/data/people.yaml, compiled once per process."""
    data = load_yaml("extractors", "officials.yaml")
    people = load_yaml("pipeline", "people.yaml")
    abbreviations = {
        row["abbreviation"]: row["expansion"] for row in load_tsv("extractors", "abbreviations.tsv")
    }
    surnames = _phrases(people["surnames"])
    # A name's syllable after its first, capitalised or a lower-case middle name before one more.
    lower_middle = rf"(?-i:{_phrases(people['lower_case_middle_names'])})(?={_GAP}\p{{Lu}})"
    more = rf"{_GAP}(?:{_ANY_CAP}|{lower_middle})"
    titles = _phrases(data["title_words"])
    orgs = _phrases(data["organisation_words"])
    levels = _phrases(list(load_yaml("extractors", "units.yaml")["levels"]), case_insensitive=True)
    abbr = "|".join(regex.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    acronym = rf"(?:{abbr}|\p{{Lu}}{{2,}})(?!\w)"
    return _Compiled(
        # Up to seven words, so that "Trường THCS Lê Quý Đôn Nguyễn Thị Hoa" can be split (see _person_start).
        # A one-letter middle word is Hmông ("Sùng A Páo"); "H’Yâo" opens an Ê Đê woman's name.
        name=regex.compile(
            rf"(?<![\w.])(?:{surnames}|H[’']\p{{Lu}}\p{{Ll}}+)"
            rf"(?:{_GAP}(?:{_CAP}|\p{{Lu}}(?=[ \t]+\p{{Lu}}\p{{Ll}}))){{1,6}}(?!\w)",
            _FLAGS,
        ),
        # After an honorific any capitalised name counts, known surname or not ("đồng chí Y Phôn Ayun").
        honorific_name=regex.compile(
            rf"(?<!\w)(?i:{_phrases(data['honorifics'])})\s+(?P<name>{_ANY_CAP}(?:{more}){{1,4}})(?![\w’'])",
            _FLAGS,
        ),
        # "bà K’Hiệp, Phó Chủ tịch …": a one-word name after an honorific when a title follows.
        honorific_single=regex.compile(
            rf"(?<!\w)(?i:{_phrases(data['honorifics'])})\s+(?P<name>{_ANY_CAP})(?![\w’'])"
            rf"(?=\s*,\s*(?:{titles}|{acronym}))",
            _FLAGS,
        ),
        # "các đồng chí: Y Khuê Niê, HUV, …; H’Yâo Byă, ĐUV, …": each item of the list is a person.
        honorific_list=regex.compile(rf"(?<!\w)(?P<h>(?i:{_phrases(data['honorifics'])}))\s*:\s*", _FLAGS),
        list_item_name=regex.compile(
            rf"(?P<name>{_ANY_CAP}(?:{_GAP}{_ANY_CAP}){{0,4}})(?![\w’'])(?=\s*(?:[,;–]|\s-\s))", _FLAGS
        ),
        # Between two names of one list: "đồng chí Lê Quang Vinh, Trương Thị Mỹ Lệ và Phan Đình Sơn".
        list_joint=regex.compile(r"\s*(?:,\s*(?:và\s+)?|\s(?:và|cùng)\s+)\s*", _FLAGS),
        honorific_before=regex.compile(
            rf"(?<!\w)(?P<h>{_phrases(data['honorifics'], case_insensitive=True)})\s+$"
        ),
        # "hộ Mí Nhiệm", "gia đình Mí Nhiệm": a household is named by its head, a person with no title.
        # Written in lower case only: "Gia Đình Văn Hóa" in a heading names no one.
        household_name=regex.compile(
            rf"(?<!\w)(?:{_phrases(data['households'])})\s+(?P<name>{_ANY_CAP}(?:{more}){{1,4}})(?![\w’'])",
            _FLAGS,
        ),
        household_before=regex.compile(rf"(?<!\w)(?:{_phrases(data['households'])})\s+$", _FLAGS),
        honorific_word=regex.compile(_phrases(data["honorifics"], case_insensitive=True)),
        honorific_then_name=regex.compile(
            rf"(?<!\w){_phrases(data['honorifics'], case_insensitive=True)}\s+\p{{Lu}}", _FLAGS
        ),
        title_start=regex.compile(rf"(?<!\w)(?:{titles})(?!\w)", _FLAGS),
        # Where a capitalised title may begin, whatever follows it (see _title_heads).
        title_head=regex.compile(rf"(?<!\w)(?=\p{{Lu}})(?:{titles})", _FLAGS),
        bare_list_opener=regex.compile(
            rf":|(?<!\w)(?:{_phrases(data['people_plurals'], case_insensitive=True)})(?!\w)", _FLAGS
        ),
        title_link=regex.compile(rf"\s+(?:{_phrases(data['title_links'])})\s+", _FLAGS),
        link_opens=regex.compile(rf"(?:{_phrases(data['title_links'])})\s+", _FLAGS),
        segment_start=regex.compile(
            rf"(?:(?:{titles})(?!\w)|(?:{orgs})(?!\w)|{acronym}|(?:{levels})\s+(?:\p{{Lu}}|\d))", _FLAGS
        ),
        organisation=regex.compile(rf"(?<!\w)(?:{orgs})(?!\w)", _FLAGS),
        title_end=regex.compile(rf"\s(?i:{_phrases(data['title_end_words'])})(?!\w)", _FLAGS),
        not_person_before=regex.compile(
            rf"(?<!\w)(?i:{_phrases([*data['not_person_before'], *data['place_words']])})\s+$", _FLAGS
        ),
        place_name=regex.compile(
            rf"(?<!\w)(?i:{_phrases(data['place_words'])})\s+(?:(?i:{_phrases(data['school_kinds'])})\s+)?"
            rf"(?P<name>(?:{surnames})(?:{_GAP}{_CAP}){{1,4}})(?!\w)",
            _FLAGS,
        ),
        historical=frozenset(fold(n) for n in data["historical_names"]),
        not_names=frozenset(fold(n) for n in data["not_person_names"]),
        surnames=names.surnames(),
        middle_names=names.middle_names(),
        after_organisation=regex.compile(rf"(?<!\w)(?i:{_phrases(data['end_word_after'])})\s+$", _FLAGS),
        noun_compounds=frozenset(fold(n) for n in data["title_noun_compounds"]),
        next_person=regex.compile(
            rf"\s+(?:và|cùng)\s+(?:(?i:{_phrases(data['honorifics'])})\s+|(?:{surnames})\s+\p{{Lu}})", _FLAGS
        ),
        abbreviations=abbreviations,
        # With the full stop some write after it ("CT. HĐND phường"), which the expansion drops.
        abbreviation=regex.compile(rf"(?<!\w)(?P<abbr>{abbr})(?!\w)\.?", _FLAGS),
        # After a name and a comma, a position may be written in lower case ("Bùi Văn Quảng, phó bí thư
        # thường trực Đảng ủy", "Phan Quang Tảo, bí thư chi bộ 5", "…, đại diện của Ban Dân vận").
        title_after_name=regex.compile(
            rf"(?<!\w)(?i:{_phrases([*data['title_words'], *data['titles_after_name']])})(?!\w)", _FLAGS
        ),
        # A place alone is no position: "đường An Dương Vương (TP Hòa Bình)", "Nguyễn Văn A, xã Tân Lộc".
        place_title=regex.compile(rf"(?:{levels})\.?\s*(?:\p{{Lu}}|\d)[^,;()–—]*$", _FLAGS),
        organisation_before=regex.compile(
            rf"(?<![\w])(?:{_phrases(data['organisations_before_name'])})[ \t]+$", _FLAGS
        ),
        title_goes_on=regex.compile(rf"\s(?i:{_phrases(data['title_goes_on'])})(?!\w)", _FLAGS),
    )


@dataclass(frozen=True)
class OfficialMention:
    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    titles: tuple[str, ...]
    honorific: str | None


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" .,;:-–—")


def _trim_name(text: str, start: int, end: int) -> int:
    """The name ends before a word that opens a title or an organisation ("… Long Phó trưởng")."""
    w = compiled()
    words = [m for m in _NON_SPACE.finditer(text[start:end])]
    for i, m in enumerate(words[2:], 2):
        if w.segment_start.match(text, start + m.start()):
            return start + words[i - 1].end()
    return end


def _person_start(text: str, start: int, end: int) -> int:
    """In a long run of capitalised words the person is the last full name ("… Lê Quý Đôn Nguyễn Thị Hoa").

    After an honorific a run of up to five words is one name: "bà Trần Lê Hồ Thiên Trang" (two
    surnames, father's and mother's, then "Hồ", a surname too, in the middle)."""
    w = compiled()
    words = list(_NON_SPACE.finditer(text[start:end]))
    if len(words) <= 4:
        return start
    honorific = w.honorific_before.search(text, max(0, start - _HONORIFIC_WINDOW), start)
    if honorific and len(words) <= _LONGEST_NAME:
        return start
    strong = surname_with_middle_name([m.group() for m in words], 2)
    if strong is not None:
        return start + words[strong].start()  # "Lâm Hà Nguyễn Văn Lực": not "Văn Lực"
    for i in range(len(words) - 2, 1, -1):
        if fold(words[i].group()) in w.surnames and 2 <= len(words) - i <= 4:
            return start + words[i].start()
    return start


def _cut_at_line_break(text: str, start: int, end: int) -> int:
    """A name ends at a line break when it is whole before it and the next line opens a sentence:
    "ông Trần Tấn Hoàn\nNgôi nhà …" (a caption, then the body); "Biện\nVăn Long" and "Nguyễn Thị\nThu
    Trang" (a hard-wrapped line) go on."""
    w = compiled()
    brk = text.find("\n", start, end)
    if brk < 0:
        return end
    before = text[start:brk].split()
    after = _CAPITAL_THEN_LOWER.match(text[brk:])
    if after is None or brk + after.end(1) != end or len(before) < 2:
        return end
    if fold(before[-1]) in w.middle_names and len(before) == 2:
        return end  # "Nguyễn Văn\nAn phát biểu"
    return start + len(text[start:brk].rstrip())


def _not_a_person_before(text: str, floor: int, start: int) -> bool:
    """A word before the name, or before the capitalised words just before it, makes the run a place,
    a school, a slogan or a credit: "đường Lê Lợi", "đường An Dương Vương", "Ảnh CTV Trương Lộc Thành"."""
    w = compiled()
    pos = start
    for _ in range(3):
        if w.not_person_before.search(text, max(floor, pos - _NOT_PERSON_WORD_WINDOW), pos):
            return True
        prev = _CAPITALISED_BEFORE.search(text[max(floor, pos - _CAPITALISED_WINDOW) : pos])
        if prev is None or w.segment_start.match(prev.group(1)) or w.honorific_word.fullmatch(prev.group(1)):
            return False
        pos = max(floor, pos - _CAPITALISED_WINDOW) + prev.start()
    return False


def _strip_honorific(text: str, start: int, end: int) -> int:
    """ "Ông Hồ Bá Hữu": "Ông" is a surname too, but before another surname it is the honorific; so it is
    before a full name of a surname not listed, told by its middle name ("Ông Hỏa Ngọc Cương")."""
    w = compiled()
    first = _NON_SPACE.match(text[start:end])
    if first is None or not w.honorific_word.fullmatch(first.group()):
        return start
    rest = skip_space(text, start + first.end(), end)
    if w.name.match(text, rest, end):
        return rest
    words = text[rest:end].split()
    if len(words) >= 3 and fold(words[1]) in w.middle_names and fold(words[0]) not in w.middle_names:
        return rest
    return start


def _ends_title(text: str, m: regex.Match[str], words: dict[int, int]) -> bool:
    """Whether an end word really ends the title.

    It must be written in lower case ("Ủy ban Kiểm tra" is a name), begin an underthesea word
    that is not a noun ("dự án"), and not follow an organisation word ("Ban điều hành").
    """
    w = compiled()
    start = m.start() + 1
    if not text[start].islower() or start not in words:
        return False
    if fold(text[start : words[start]]) in w.noun_compounds:
        return False
    if w.title_goes_on.match(text, m.start()):
        return False  # "Phó trưởng Khối MTTQ và các đoàn thể CTXH thành phố"
    return not w.after_organisation.search(text, max(0, start - _ORGANISATION_END_WINDOW), start)


def _titles_after(
    text: str, pos: int, limit: int, words: dict[int, int], quoted: list[tuple[int, int]]
) -> tuple[list[str], int]:
    """Titles written after the name, and where they end; a separator inside a quoted name does not
    split ("Chủ nhiệm Câu lạc bộ “Vì Hoàng Sa - Trường Sa thân yêu”")."""
    w = compiled()
    titles: list[str] = []
    end = pos
    aside = _ASIDE.match(text, pos, limit)
    if aside:
        pos = aside.end()  # "Ông Nguyễn Văn Sáu (sinh năm 1962), Tổ trưởng …"
    linked = w.title_link.match(text, pos, limit)
    if linked and w.title_start.match(text, linked.end(), limit):
        sep = linked  # "bầu bổ sung bà Lâm Ngọc Hạnh làm Phó trưởng Ban …"
    else:
        sep = _SEPARATOR.match(text, pos, limit)
        line = _LINE_TITLE.match(text, pos, limit) if sep is None else None
        if line is not None and w.title_start.match(text, line.end(), limit):
            sep = line  # "ông Nguyễn Văn A\nChủ tịch UBND xã" (a caption, a signature)
        gap = _GAP_BEFORE_TITLE.match(text, pos, limit) if sep is None else None
        if gap is not None and text[gap.end()].isupper() and w.title_start.match(text, gap.end(), limit):
            sep = gap  # "bà Nguyễn Thúy Hằng Phó chủ tịch UBMTTQ …": the run was cut before the title
    if sep is None or ";" in sep.group():
        return titles, end  # "…; Trưởng Ban Dân vận Trần Thị Mai": a semicolon opens the next person
    cursor = sep.end()
    while cursor < limit:
        opener = w.link_opens.match(text, cursor, limit)
        if opener and w.title_after_name.match(text, opener.end(), limit):
            cursor = opener.end()  # "…, kiêm Chủ tịch Công đoàn phường"
        if not (w.segment_start.match(text, cursor, limit) or w.title_after_name.match(text, cursor, limit)):
            break
        nxt = _SEPARATOR.search(text, cursor, limit)
        while nxt is not None:
            held = inside(quoted, nxt.start(), nxt.end())
            if held is None and not _joins_fields(text, nxt, limit):
                break
            nxt = _SEPARATOR.search(text, held[1] if held else nxt.end(), limit)
        seg_end = nxt.start() if nxt else limit
        colon = text.find(":", cursor, seg_end)
        if colon >= 0:
            seg_end = colon  # "Chủ tịch Hội Chữ thập đỏ tỉnh: Đây là …": the words quoted follow
        nxt_person = w.next_person.search(text, cursor, seg_end)
        if nxt_person:
            seg_end = nxt_person.start()
        stop = next(
            (m for m in w.title_end.finditer(text, cursor, seg_end) if _ends_title(text, m, words)), None
        )
        if stop:
            seg_end = stop.start()
        links = w.title_link.finditer(text, cursor, seg_end)
        link = next((m for m in links if w.title_after_name.match(text, m.end(), limit)), None)
        if link:
            seg_end = link.start()  # "Hội viên nông dân khối An Mỹ làm tổ trưởng": two positions
        if not stop and not nxt_person and not link and _dash_then_person(text, nxt, limit):
            break  # "Huỳnh Văn Sơn, Chủ tịch Hội … - Phạm Vũ Câu": the position is the next person's
        title = _clean(text[cursor:seg_end])
        if not title or ((not titles or "(" in text[cursor - 3 : cursor]) and w.place_title.match(title)):
            break  # "(TP Hòa Bình)", "– thôn Trại Hồ" after a name say where, not what the person is
        titles.append(title)
        end = cursor + len(text[cursor:seg_end].rstrip(" \t\n.…"))
        if link:
            cursor = link.end()
            continue
        if stop or nxt_person or nxt is None:
            break
        if ";" in nxt.group() and not _title_after_semicolon(text, nxt.end(), limit):
            break
        cursor = nxt.end()
    return titles, end


def _dash_then_person(text: str, sep: regex.Match[str] | None, limit: int) -> bool:
    """Whether a separator is a dash with a person after it, who the position before it is written for."""
    if sep is None or sep.group().strip() not in ("-", "–", "—"):
        return False
    w = compiled()
    at = sep.end()
    if w.segment_start.match(text, at, limit):
        return False  # "Phó Trưởng Ban …": "Phó" is a surname too
    return bool(w.name.match(text, at, limit) or w.honorific_then_name.match(text, at, limit))


def _joins_fields(text: str, sep: regex.Match[str], limit: int) -> bool:
    """A spaced dash between two capitalised fields of one body's name does not split a title:
    "Trưởng ban Văn hóa - Xã hội HĐND tỉnh", "Phòng Tài nguyên - Môi trường". It splits before a
    position, an organisation, a place or a person ("… - Trưởng Ban …", "… - Nguyễn Văn A")."""
    w = compiled()
    if sep.group().strip() not in ("-", "–") or not text[sep.end() : sep.end() + 1].isupper():
        return False
    if not text[sep.start() - 1 : sep.start()].isalpha():
        return False
    at = sep.end()
    return not (
        w.segment_start.match(text, at, limit)
        or w.title_after_name.match(text, at, limit)
        or w.name.match(text, at, limit)
        or w.honorific_then_name.match(text, at, limit)
    )


def _title_after_semicolon(text: str, pos: int, limit: int) -> bool:
    """After a semicolon the list may go on with this person's positions ("Bí thư Đảng ủy; Chủ tịch
    HĐND xã"), unless the segment names the next person ("; Trưởng Ban Dân vận Trần Thị Mai")."""
    w = compiled()
    start = skip_space(text, pos, limit)
    if not w.title_start.match(text, start, limit):
        return False
    nxt = _SEPARATOR.search(text, start, limit)
    seg_end = nxt.start() if nxt else limit
    people = [m for m in w.name.finditer(text, start, seg_end) if fold(_clean(m.group())) not in w.historical]
    return not people and not w.honorific_then_name.search(text, start, seg_end)


def _title_heads(text: str, start: int, end: int) -> list[int]:
    """Where a capitalised title may begin in a sentence, in order: every `title_start` match that
    `_titles_before` keeps begins at one of them. One pass per sentence, so that a sentence of many
    names without a title ("Nguyễn Văn An Nguyễn Văn An …") is not scanned again for each name."""
    return [m.start() for m in compiled().title_head.finditer(text, start, end, overlapped=True)]


def _titles_before(text: str, floor: int, name_start: int, heads: list[int]) -> tuple[list[str], int]:
    """Titles written before the name ("Chủ tịch UBMTTQ quận Hoàn Kiếm Lê Hồng Phú"), and where they start.

    `heads` are the sentence's `_title_heads`."""
    w = compiled()
    floor = max(floor, name_start - _TITLES_REACH)  # bounded: a long sentence stays linear
    chunk_end = name_start
    hon = w.honorific_before.search(text, floor, name_start)
    if hon:
        chunk_end = hon.start()
    stop = text.rfind(".", floor, chunk_end)
    while stop >= 0 and stop_after_abbreviation(text, stop):
        stop = text.rfind(".", floor, stop)  # "PCT. UBND xã Nguyễn Văn A": the title goes on
    boundary = max(floor, stop + 1, *(text.rfind(c, floor, chunk_end) + 1 for c in ';:(“”"'))
    dash = _DASH_BEFORE_NAME.search(text, boundary, chunk_end)
    if dash:
        chunk_end = dash.start()  # "Phó Chủ tịch Hội Nông dân xã …, huyện Mộc Hóa – Võ Hồng Dân" (a caption)
    titles: list[str] = []
    places: list[str] = []  # "huyện Mộc Hóa": kept once a title stands before it
    start = chunk_end
    seg_end = chunk_end
    while seg_end > boundary:
        # Every separator holds one of these marks: without one the window is not scanned.
        marked = any(text.find(c, boundary, seg_end) >= 0 for c in _SEPARATOR_MARKS)
        seps = list(_SEPARATOR.finditer(text, boundary, seg_end)) if marked else []
        seg_start = seps[-1].end() if seps else boundary
        first = None
        at = bisect.bisect_left(heads, seg_start)
        if at < len(heads) and heads[at] < seg_end:  # else no capitalised title can begin in the segment
            titles_here = w.title_start.finditer(text, seg_start, seg_end)
            first = next((m for m in titles_here if text[m.start()].isupper()), None)
        if first is None:
            if dash and seps and w.place_title.match(place := _clean(text[seg_start:seg_end])):
                places.insert(0, place)
                seg_end = seps[-1].start()
                continue
            break
        pieces = _split_at_links(text, first.start(), seg_end)
        if not pieces:
            break
        titles[0:0] = pieces + places
        places = []
        start = first.start()
        if text[seg_start : first.start()].strip() or not seps:
            break
        seg_end = seps[-1].start()
    return titles, start


def _split_at_links(text: str, start: int, end: int) -> list[str]:
    """The titles of one segment written before a name, split where a link opens another position:
    "Phó Chủ tịch UBND xã kiêm Trưởng Công an xã" → two titles."""
    w = compiled()
    pieces = []
    piece_start = start
    for link in w.title_link.finditer(text, start, end):
        if w.title_start.match(text, link.end(), end):
            pieces.append(_clean(text[piece_start : link.start()]))
            piece_start = link.end()
    pieces.append(_clean(text[piece_start:end]))
    return [p for p in pieces if p]


def _past_organisation(text: str, start: int, end: int) -> int | None:
    """Where a run that opens inside an organisation's name ("Thành Đoàn Thuận An") may hold a person.

    "Đoàn" is a surname, but after "Thành" it is the city's Youth Union: the person, if any, is the
    next full name in the run ("… Thành Đoàn Thuận An Nguyễn Văn Tám"); None when there is none.
    """
    w = compiled()
    window = max(0, start - _ORGANISATION_OPEN_WINDOW)
    org = next((m for m in w.organisation.finditer(text, window, end) if m.start() < start), None)
    if org is None or org.end() <= start:
        return start
    person = w.name.search(text, org.end(), end)
    return person.start() if person else None


def _name_runs(text: str, start: int, end: int, listed: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Runs of capitalised words that may be a name: from a known surname, after an honorific, or
    `listed` after "các đồng chí:"."""
    w = compiled()
    runs = []
    for m in w.name.finditer(text, start, end):
        run_start = _past_organisation(text, m.start(), m.end())
        if run_start is not None:
            runs.append((run_start, m.end()))
    after_honorific = [
        *w.honorific_name.finditer(text, start, end, overlapped=True),
        *w.honorific_single.finditer(text, start, end),
    ]
    after_honorific += w.household_name.finditer(text, start, end)
    spans = [(m.start("name"), m.end("name")) for m in after_honorific]
    spans += [(s, e) for s, e, _ in listed]
    # The runs never overlap one another, so those a span overlaps are found by bisection.
    starts, ends = [a for a, _ in runs], [b for _, b in runs]
    for s, e in spans:
        if w.segment_start.match(text, s):
            continue  # "ông Chủ tịch …" opens a title, not a name
        i, j = bisect.bisect_right(ends, s), bisect.bisect_left(starts, e)
        if any(b > e or (a <= s and b == e) for a, b in zip(starts[i:j], ends[i:j], strict=True)):
            continue
        # "Ông Giàng A Páo": "Ông Giàng" read as surname + name stops short of the whole name; "ông Phù Công
        # Triều": a surname not listed, then "Công Triều" read as a name of its own.
        starts[i:j], ends[i:j] = [s], [e]
    return sorted(zip(starts, ends, strict=True))


def _listed_names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The names of a list after "các đồng chí:", one per ";"-separated item (","-separated without ";").

    Each comes with the list's honorific, which is the name's own.
    """
    w = compiled()
    out: list[tuple[int, int, str]] = []
    last_semicolon = text.rfind(";", start, end)
    for m in w.honorific_list.finditer(text, start, end):
        body_end = end
        item_sep = ";" if last_semicolon >= m.end() else ","
        pos = m.end()
        while pos < body_end:
            item = w.list_item_name.match(text, pos, body_end)
            if item is None or w.segment_start.match(text, pos):
                break
            out.append((item.start("name"), item.end("name"), " ".join(m["h"].split()).casefold()))
            nxt = text.find(item_sep, item.end(), body_end)
            if nxt < 0:
                break
            pos = skip_space(text, nxt + 1, body_end)
    return out


def _list_items(text: str, start: int, end: int) -> Iterator[tuple[int, int] | None]:
    """The items of text[start:end] between `_LIST_ITEM_SEPARATOR`s, whitespace trimmed, read lazily;
    None for an item longer than `_NAME_ITEM_WINDOW`, which no name is (the list of names ends there)."""
    pos = start
    while pos <= end:
        limit = min(end, pos + _NAME_ITEM_WINDOW)
        sep = _LIST_ITEM_SEPARATOR.search(text, pos, limit)
        item_end = sep.start() if sep else limit
        if sep is None and limit < end:
            yield None
            return
        part = text[pos:item_end]
        yield pos + len(part) - len(part.lstrip()), pos + len(part.rstrip())
        if sep is None:
            return
        pos = sep.end()


def _bare_name_list(text: str, start: int, end: int) -> set[tuple[int, int]]:
    """ "Các cá nhân được khen thưởng gồm: Lò Văn Pấng, Giàng A Chứ, Lường Thị Hoa…": after a colon
    or a plural of people ("các cá nhân Nguyễn Văn Tư, …"), two or more items that are each a whole
    full name are people listed bare."""
    w = compiled()
    out: set[tuple[int, int]] = set()
    # The list ends are found once, and the items read one by one up to the first that is no name:
    # a page of openers without a list end ("Ảnh: CTV Ảnh: CTV …") is not read to its end from each.
    list_ends = [m.start() for m in _LIST_END.finditer(text, start, end)]
    for colon in w.bare_list_opener.finditer(text, start, end):
        body_start = colon.end()
        k = bisect.bisect_left(list_ends, body_start)
        body_end = list_ends[k] if k < len(list_ends) else end
        items: list[tuple[int, int]] = []
        for item in _list_items(text, body_start, body_end):
            if item is None:
                items = []
                break
            s, e = item
            aside = _ITEM_ASIDE.search(text, s, e)
            if aside:
                e = aside.start()  # "Nguyễn Văn Tư (ấp 3)"
            m = w.name.fullmatch(text, s, e)
            words = text[s:e].split()
            if m is None or not 2 <= len(words) <= 5:
                items = []
                break
            if len(words) == 2 and fold(words[1]) not in w.middle_names:
                items = []
                break
            items.append((s, e))
        if len(items) >= 2:
            out.update(items)
    return out


def _place_names(document: Document, units: Sequence[Mention]) -> frozenset[str]:
    """Names the article gives a place: a unit's ("xã Đào Hữu Cảnh") or one after a word such as
    "đường", "trường" ("trường THCS Đào Hữu Cảnh"). The same name written bare elsewhere is that
    place, not a person: "…, Ủy ban nhân dân xã Đào Hữu Cảnh tổ chức …"."""
    text = document.text
    names = {fold(u.fields["name"]) for u in units}
    names.update(fold(_clean(m["name"])) for m in compiled().place_name.finditer(text))
    return frozenset(names)


def find_officials(document: Document, found_units: Sequence[Mention]) -> list[OfficialMention]:
    text = document.text
    w = compiled()
    units = SpanUnion((u.start, u.end) for u in found_units)
    places = _place_names(document, found_units)
    out: list[OfficialMention] = []
    for sentence in document.content_sentences():
        floor = sentence.start
        previous: OfficialMention | None = None
        names_listed = _listed_names(text, sentence.start, sentence.end)
        listed = {s: h for s, _, h in names_listed}
        bare = _bare_name_list(text, sentence.start, sentence.end)
        quoted = closed_quotes(text, sentence.start, sentence.end)
        heads: list[int] | None = None
        for run_start, run_end in _name_runs(text, sentence.start, sentence.end, names_listed):
            end = _cut_at_line_break(text, run_start, _trim_name(text, run_start, run_end))
            start = _person_start(text, _strip_honorific(text, run_start, end), end)
            name = _clean(text[start:end])
            if fold(name) in w.historical or fold(name) in w.not_names or document.is_author(start, end):
                continue
            if units.overlaps(start, end):
                continue  # "phường Trần Hưng Đạo"
            if inside(quoted, start, end):
                continue  # "Câu lạc bộ “Vì Hoàng Sa …”": a quoted name is a title, not a person
            if _not_a_person_before(text, max(floor, start - _NOT_PERSON_WINDOW), start):
                continue
            hon = w.honorific_before.search(text, max(floor, start - _HONORIFIC_WINDOW), start)
            if hon is None and w.organisation_before.search(
                text, max(floor, start - _ORGANISATION_BEFORE_WINDOW), start
            ):
                continue  # "Sở Công Thương", "HTX Thành Công": the organisation's own name
            household = (
                None if hon else w.household_before.search(text, max(floor, start - _HONORIFIC_WINDOW), start)
            )
            if hon is None and household is None and fold(name) in places:
                continue  # "…, Ủy ban nhân dân xã Đào Hữu Cảnh": the commune named after a person
            if heads is None:
                heads = _title_heads(text, sentence.start, sentence.end)
            before, before_start = _titles_before(text, floor, start, heads)
            after, after_end = _titles_after(text, end, sentence.end, document.word_ends, quoted)
            titles = before + after
            inherited = None
            if (
                hon is None
                and previous is not None
                and previous.honorific is not None
                and w.list_joint.fullmatch(text, previous.end, start)
            ):
                inherited = previous.honorific  # the list's honorific is each name's
            if hon is None and inherited is None:
                inherited = listed.get(start)
            named = hon is not None or household is not None or inherited is not None or (start, end) in bare
            if not titles and not named:
                continue
            alone = not named
            if len(name.split()) == 2 and alone and not after:
                continue  # "Giám đốc HTX nông nghiệp Hà Phong": a two-syllable run after a title is a place
            opener = hon or household
            first = min(start, before_start if before else start, opener.start() if opener else start)
            last = max(end, after_end)
            out.append(
                OfficialMention(
                    first,
                    last,
                    name,
                    start,
                    end,
                    tuple(titles),
                    " ".join(hon["h"].split()).casefold() if hon else inherited,
                )
            )
            previous = out[-1]
            floor = last
    return out


def opens_with_honorific(phrase: str) -> bool:
    """ "đồng chí Kră Jăn Ha Thúy - Bí thư …": the phrase names a person by an honorific."""
    return compiled().honorific_then_name.match(phrase) is not None


def person_name(phrase: str) -> str | None:
    """The personal name a phrase opens with, honorific dropped ("đồng chí Ngô Thị Hiếu - Bí thư …")."""
    w = compiled()
    hon = regex.match(rf"(?:{w.honorific_word.pattern})\s+", phrase)
    rest = phrase[hon.end() :] if hon else phrase
    m = w.name.match(rest)
    if m is None:
        return None
    end = _trim_name(rest, m.start(), m.end())
    # Without an honorific the name must stand alone: "Đoàn Thanh niên …" is an organisation.
    if hon is None and rest[end:].strip() and not _SEPARATOR.match(rest, end):
        return None
    return _clean(rest[m.start() : end])


def expand(title: str) -> str:
    """A title with its abbreviations spelled out: "QUV" → "Quận ủy viên"."""
    w = compiled()
    return w.abbreviation.sub(lambda m: w.abbreviations[m["abbr"]], title)


def extract(document: Document, found: Findings) -> list[Mention]:
    return [
        Mention(
            KIND,
            o.start,
            o.end,
            {
                "name": o.name,
                "titles": list(o.titles),
                "titles_expanded": [expand(t) for t in o.titles],
                "honorific": o.honorific,
            },
        )
        for o in find_officials(document, found["unit"])
    ]
