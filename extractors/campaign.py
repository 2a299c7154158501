"""Campaigns: a trigger word (phong trào thi đua, cuộc vận động, chương trình …) and its name.

The name is the quotation that follows the trigger, possibly after a few
lower-case modifiers ("chương trình chung tay vì người nghèo “…”") or an
abbreviation in parentheses ("cuộc vận động (CVĐ) “…”"); a known nationwide
name in any case ("phong trào thi đua dân vận khéo"); or an unquoted name that
starts with a capital ("chương trình Cà phê thanh niên khởi nghiệp"), or with
any letter after a trigger capitalised inside a sentence ("tham gia Ngày hội
hiến máu tình nguyện", "Chương trình 135"). An unquoted name ends before a
preposition, the occasion, a place or a date, or at punctuation. A trigger that
opens a quotation names the rest of it (“Ngày hội hiến đất mở rộng hẻm”). In a
title written in capitals only quoted and known names count: capitals there say
nothing. `category` is the trigger as written, lower-cased. Words live in
extractors/data/campaigns.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from bantin.extractors.base import Findings, Mention
from bantin.extractors.quotes import OPENERS, Quote, quoted_at, unquote
from bantin.pipeline.text.document import Document
from bantin.pipeline.text.resources import compile_at, load_yaml
from bantin.pipeline.text.spans import Span, search_from, skip_space
from bantin.pipeline.text.textnorm import fold, tolerant_alternation, tolerant_pattern

KIND = "campaign"
NEEDS = ("date", "unit")  # an unquoted name ends before a place or a date
_FLAGS = regex.IGNORECASE | regex.VERSION1


@dataclass(frozen=True)
class CampaignMention:
    start: int
    end: int
    name: str
    category: str
    name_start: int
    name_end: int


@dataclass(frozen=True)
class _Compiled:
    trigger: regex.Pattern[str]
    modifier_stop: regex.Pattern[str]
    max_modifiers: int
    name_end: regex.Pattern[str]
    name_end_head: regex.Pattern[str]
    next_trigger_head: regex.Pattern[str]
    next_trigger: regex.Pattern[str]
    max_name_words: int
    prize_ranks: frozenset[str]
    comma_pairs: frozenset[tuple[str, ...]]
    month_names: frozenset[str]
    known: tuple[str, ...]
    national: regex.Pattern[str]
    proper_nouns: tuple[tuple[regex.Pattern[str], tuple[int, ...]], ...]
    categories: dict[str, str]  # folded trigger → the trigger as the records spell it
    sentence_openers: str
    name_start_stop: regex.Pattern[str]
    no_number_names: frozenset[str]


def _name_pattern(name: str) -> str:
    """A name's pattern: any dash matches any other, spaced or not; a comma may be left out."""
    dashed = []
    for part in regex.split(r"\s*[-–—]\s*", name):
        pieces = [tolerant_pattern(p) for p in regex.split(r"\s*,\s*", part)]
        dashed.append(r"(?:\s*,\s*|\s+)".join(f"(?:{p})" for p in pieces))
    return r"\s*[-–—]\s*".join(f"(?:{p})" for p in dashed)


def _inner_capitals(name: str) -> tuple[int, ...]:
    """Which words of a known name, past its first, are capitalised: its proper nouns ("Tổ quốc")."""
    return tuple(i for i, word in enumerate(_WORDS.findall(name)) if i and word[0].isupper())


@cache
def compiled() -> _Compiled:
    """extractors/data/campaigns.yaml, compiled once per process."""
    data = load_yaml("extractors", "campaigns.yaml")
    alt = tolerant_alternation(data["triggers"])
    stops = tolerant_alternation(data["modifier_stops"])
    ends = tolerant_alternation(data["name_end_words"])
    names = data["national_names"] + data["known_campaigns"]
    national = "|".join(_name_pattern(n) for n in sorted(set(names), key=len, reverse=True))
    return _Compiled(
        trigger=regex.compile(
            rf"(?<!\w)(?!(?:{tolerant_alternation(data['not_triggers'])})(?!\w))(?P<t>{alt})(?!\w)", _FLAGS
        ),
        modifier_stop=regex.compile(rf"(?<!\w)(?:{stops})(?!\w)", _FLAGS),
        max_modifiers=int(data["max_modifier_words"]),
        name_end=regex.compile(
            rf"\s(?!(?:{tolerant_alternation(data['name_end_exceptions'])})(?!\w))(?:{ends})(?!\w)", _FLAGS
        ),
        # "Tháng Thanh niên và chương trình “…”": the name ends where another campaign begins.
        next_trigger=regex.compile(rf"\s(?:và|cùng|với)\s+(?=(?:{alt})(?!\w))", _FLAGS),
        # Where `name_end` and `next_trigger` may match: where their words begin after a space.
        name_end_head=regex.compile(rf"\s(?:{ends})", _FLAGS),
        next_trigger_head=regex.compile(r"\s(?:và|cùng|với)", _FLAGS),
        max_name_words=int(data["max_name_words"]),
        prize_ranks=frozenset(fold(r) for r in data["prize_ranks"]),
        comma_pairs=frozenset(
            tuple(fold(part) for part in pair.split(",")) for pair in data["comma_pairs"]
        ),
        month_names=frozenset(fold(r) for r in data["month_names"]),
        known=tuple(data["known_campaigns"] + data["national_names"]),
        national=regex.compile(rf"(?:{national})(?!\w)", _FLAGS),
        proper_nouns=tuple(
            (regex.compile(rf"(?:{_name_pattern(n)})(?!\w)", _FLAGS), capitals)
            for n in sorted(set(names), key=len, reverse=True)
            if (capitals := _inner_capitals(n))
        ),
        categories={fold(t): str(t) for t in data["triggers"]},
        sentence_openers=str(data["sentence_openers"]),
        name_start_stop=regex.compile(rf"(?:{tolerant_alternation(data['name_start_stops'])})(?!\w)", _FLAGS),
        no_number_names=frozenset(fold(t) for t in data["no_number_names"]),
    )


def known_campaign_names() -> tuple[str, ...]:
    """Nationwide campaigns' names: no model's title, even as a type of model ("mô hình “Dân vận khéo”")."""
    return compiled().known


def _modifiers_end(text: str, pos: int, limit: int) -> int | None:
    """After a trigger: skip up to N lower-case modifier words; where a quote may open, or None."""
    w = compiled()
    cursor = pos
    for _ in range(w.max_modifiers + 1):
        m = _SPACE.match(text, cursor, limit)  # matched in place: a slice to `limit` per word is quadratic
        at = m.end() if m else cursor
        if at >= limit:
            return None
        if text[at] in OPENERS:
            return cursor
        word = _LOWER_WORD.match(text, at, limit)
        if word is None or w.modifier_stop.match(text, at, limit):
            return None
        cursor = word.end()
    return None


def _unquoted_name(
    text: str,
    pos: int,
    limit: int,
    *,
    labels_item: bool = False,
    any_case: str | None = None,
    cuts: list[int] = (),  # type: ignore[assignment]
) -> tuple[int, int] | None:
    """An unquoted name right after the trigger, to its end.

    The name starts with a capital, or, with `any_case` (the category of a trigger capitalised inside a
    sentence), with any letter or figure. It ends at punctuation, before an end word, another trigger,
    or the first of `cuts` (where a place or a date begins).
    With `labels_item` (the trigger opens an item of a ";" list) a colon that closes a short
    stretch without figures ends the name: "…; chương trình Đổi cũ được mới vì môi trường
    xanh: người dân đến đổi …" names the item before explaining it.
    """
    w = compiled()
    m = _SPACE.match(text, pos, limit)
    start = m.end() if m else pos
    if start >= limit or start == pos:
        return None
    first = text[start]
    # A capital that opens a line may open a sentence (a caption's line joined to the next: "Quang cảnh
    # ngày hội\nTại Ngày hội, …"): it makes no name, as a lower-case letter would not.
    capitalised = first.isupper() and "\n" not in text[pos:start]
    if not capitalised:
        if any_case is None or not first.isalnum() or w.name_start_stop.match(text, start, limit):
            return None
        if w.name_end.match(text, start - 1, limit):
            return None  # "đến Ngày hội tại phường …", "Ngày hội có đ/c …": no name follows
        if first.isdigit() and fold(any_case) in w.no_number_names:
            return None  # "Tháng 7", "Đợt 2"
    # A name has at most `max_name_words` words: read a window, not the rest of a long sentence.
    windowed = limit > start + _NAME_WINDOW
    limit = min(limit, start + _NAME_WINDOW)
    end = limit
    punct = _NAME_PUNCT.search(text, start, limit)
    while punct and punct.group() == "," and (
        _CAPITALISED_SERIES.match(text, punct.end(), limit)  # "Văn hóa, Thể thao và Du lịch"
        or _comma_pair(text, punct.start(), limit)  # "phòng, chống HIV/AIDS"
    ):
        punct = _NAME_PUNCT.search(text, punct.end(), limit)
    if punct:
        end = punct.start()
    label = labels_item and punct is not None and punct.group() == ":"
    if label and (regex.search(r"\d", text[start:end]) or len(text[start:end].split()) > w.max_name_words):
        label = False
    if not label:
        # Each search as `pattern.search(text, start, end)`, the window shrinking at each stop found:
        # the first two from their word starts (found once per text), the dates only where a digit is.
        name_heads, trigger_heads = _stop_heads(text)
        stop = search_from(w.name_end, name_heads, text, start, end)
        end = stop.start() if stop else end
        stop = search_from(w.next_trigger, trigger_heads, text, start, end)
        end = stop.start() if stop else end
        if _DIGIT.search(text, start, end):
            for stop_at in (_DAY_MONTH, _YEAR_AFTER):
                stop = stop_at.search(text, start, end)
                if stop:
                    end = stop.start()
    if windowed and end == limit:
        return None  # no end within the window: far more words than a name has
    if capitalised:
        end = _coordination(text, start, end) or end
    cut = next((c for c in cuts if start < c < end), None)
    if cut is not None:
        end = cut  # "… toàn dân tộc thôn An Phú", "… toàn dân tộc 18/11"
    words = text[start:end].split()
    if not words:
        return None
    if len(words) > w.max_name_words:
        return None
    bare = [word.strip(",;:") for word in words[:2]]  # "giải Nhất, Nhì, Ba và Khuyến khích"
    if fold(" ".join(bare)) in w.prize_ranks or fold(bare[0]) in w.prize_ranks:
        return None
    if fold(words[0]) in w.month_names or fold(" ".join(words[:2])) in w.month_names:
        return None  # "Cách mạng Tháng Tám"; only "tháng" is followed by a month's name
    return start, start + len(text[start:end].rstrip(" \t\n-–—"))


@lru_cache(maxsize=4)
def _stop_heads(text: str) -> tuple[list[int], list[int]]:
    """Where `name_end` and `next_trigger` may match in the text (see `_unquoted_name`)."""
    w = compiled()
    return (
        [m.start() for m in w.name_end_head.finditer(text, overlapped=True)],
        [m.start() for m in w.next_trigger_head.finditer(text, overlapped=True)],
    )


_WORDS = regex.compile(r"\w+", regex.VERSION1)
_WORD_BEFORE = regex.compile(r"(\p{L}+)[ \t]*$", regex.VERSION1)
_WORD_AFTER = regex.compile(r"[ \t]*(\p{L}+)", regex.VERSION1)
_PAIR_WORD_WINDOW = 20  # "phòng, chống": the one word before a comma that may pair with the word after it


def _comma_pair(text: str, comma: int, limit: int) -> bool:
    """Whether the words around a comma are a pair written with one ("phòng, chống")."""
    before = _WORD_BEFORE.search(text, max(0, comma - _PAIR_WORD_WINDOW), comma)
    after = _WORD_AFTER.match(text, comma + 1, limit)
    return bool(before and after) and (fold(before[1]), fold(after[1])) in compiled().comma_pairs


# After a comma inside a name: "Thể thao và Du lịch" (short capitalised items, "và", a capital).
_CAPITALISED_SERIES = regex.compile(
    r"[ \t]*\p{Lu}\p{Ll}*(?:[ \t]+\p{Ll}+)?"
    r"(?:[ \t]*,[ \t]*\p{Lu}\p{Ll}*(?:[ \t]+\p{Ll}+)?)*[ \t]+và[ \t]+\p{Lu}",
    regex.VERSION1,
)
# Between two known names sharing one trigger: "phong trào ngày vì người nghèo, toàn dân đoàn kết …".
_NEXT_NAME = regex.compile(r"[ \t]*(?:,[ \t]*(?:và[ \t]+)?|và[ \t]+)", regex.VERSION1)
# "… toàn dân tộc 18/11": a day and month (a date the date extractor may drop for want of a year).
_DAY_MONTH = regex.compile(r"\s(?:ngày\s+)?\d{1,2}\s*[/-]\s*\d{1,2}(?!\d)", regex.VERSION1 | regex.IGNORECASE)
# "chương trình Xuân yêu thương 2026": a year after the name is its date, not part of it.
_YEAR_AFTER = regex.compile(r"\s(?:năm\s+)?(?:19|20)\d\d(?![\d/.-])", regex.VERSION1 | regex.IGNORECASE)
# "cuộc vận động (CVĐ) “…”": an abbreviation of the trigger in parentheses.
_ABBREVIATION = compile_at(r"[ \t]*\([ \t]*[\p{Lu}\p{Ll}.]{1,10}[ \t]*\)", regex.VERSION1)
_NEXT_QUOTE = regex.compile(r"[ \t]*(?:,[ \t]*(?:và[ \t]+)?|và[ \t]+)(?=[“\"«‘])", regex.VERSION1)
_NAME_WINDOW = 400  # characters
_DIGIT = regex.compile(r"\d", regex.VERSION1)  # what `_DAY_MONTH` and `_YEAR_AFTER` need
_SPACE = regex.compile(r"[ \t]*\n?[ \t]*")
_LOWER_WORD = regex.compile(r"\p{Ll}+")
_TRIGGER_WORD = regex.compile(r"\S+")
# "… và Toàn dân đoàn kết …": "và" before a name in sentence case (a capital, then a lower-case word).
_AND_NAME = regex.compile(r"[ \t]+và(?=[ \t]+\p{Lu}\p{Ll}*[ \t]+\p{Ll})", regex.VERSION1)
_COLON = compile_at(r"[ \t]*:[ \t]*\n?[ \t]*")
_LIST_SEP = regex.compile(r"[ \t]*(?:[,;][ \t]*(?:và[ \t]+)?|và[ \t]+)\n?[ \t]*")
_NAME_PUNCT = regex.compile(r"[,;:.()…!?“”\"«»‘’]|\n\s*\n", regex.VERSION1)
# A trigger opening an item of a ";"-separated list, or of a bulleted one.
_ITEM_OPEN = regex.compile(r"(?:;|^[ \t]*[-+•])[ \t]*\n?[ \t]*$", regex.VERSION1 | regex.MULTILINE)


def _quoted_list(text: str, pos: int, limit: int) -> list[Quote]:
    """Quoted names listed after the trigger and a colon, separated by commas, semicolons or "và"."""
    colon = _COLON.match(text, pos, limit)
    if colon is None:
        return []
    items: list[Quote] = []
    cursor = colon.end()
    while cursor < limit:
        q = quoted_at(text, cursor, limit)
        if q is None:
            break
        items.append(q)
        sep = _LIST_SEP.match(text, q.end, limit)
        if sep is None:
            break
        cursor = sep.end()
    return items


def find_campaigns(document: Document, found: Findings) -> list[CampaignMention]:
    """Every campaign mention of the article; `found` holds its dates and units."""
    text = document.text
    w = compiled()
    cuts = _cuts(found)
    out: list[CampaignMention] = []
    for sentence in document.content_sentences():
        for m in w.trigger.finditer(text, sentence.start, sentence.end):
            if not m["t"][0].isalpha():
                continue
            trigger_end = _trigger_end(text, m.start(), m.end(), sentence.end)
            category = " ".join(text[m.start() : trigger_end].casefold().split())
            limit = _name_limit(document, sentence, trigger_end)
            after = _after_abbreviation(text, trigger_end, limit)
            listed = _quoted_list(text, after, limit)
            if listed:
                # "các phong trào: “A”, “B” và “C”": one campaign per quoted item.
                for i, q in enumerate(listed):
                    name = unquote(text[q.content_start : q.content_end])
                    start = m.start() if i == 0 else q.start
                    out.append(CampaignMention(start, q.end, name, category, q.content_start, q.content_end))
                continue
            quote_at = _modifiers_end(text, after, limit)
            first = quoted_at(text, quote_at, limit) if quote_at is not None else None
            if first is not None:
                out += _quoted_names(text, m.start(), first, category, limit)
                continue
            national = _national_names(text, after, limit)
            if national:
                for i, (s, e) in enumerate(national):
                    out.append(
                        CampaignMention(
                            m.start() if i == 0 else s, e, " ".join(text[s:e].split()), category, s, e
                        )
                    )
                continue
            if m["t"].isupper() and len(m["t"]) > 1:
                continue  # a title in capitals: capitals there say nothing of a name
            opened = _opening_quote(text, sentence.start, m.start(), limit)
            if opened is not None:
                # “Ngày hội hiến đất mở rộng hẻm”: the trigger opens the quotation, the rest is the name.
                s, e = _trim_span(text, trigger_end, opened.content_end)
                if e > s:
                    out.append(CampaignMention(opened.start, opened.end, unquote(text[s:e]), category, s, e))
                continue
            any_case = (
                category
                if m["t"][0].isupper() and _inside_sentence(text, sentence.start, m.start())
                else None
            )
            opens_item = _ITEM_OPEN.search(text, max(sentence.start, m.start() - 6), m.start()) is not None
            span = _unquoted_name(text, after, limit, labels_item=opens_item, any_case=any_case, cuts=cuts)
            start = m.start()
            while span is not None:
                out.append(CampaignMention(start, span[1], unquote(text[span[0] : span[1]]), category, *span))
                # "phong trào Thi đua yêu nước và Toàn dân đoàn kết …": a second name shares the trigger.
                more = _coordinated_after(text, span[0], span[1], limit)
                span = _unquoted_name(text, more, limit, cuts=cuts) if more is not None else None
                start = span[0] if span is not None else start
    return out


def _trigger_end(text: str, start: int, end: int, limit: int) -> int:
    """Where the trigger ends: before a later word of it written with a capital where lower case follows
    ("phong trào Thi đua yêu nước": "Thi đua yêu nước" is the name, "phong trào" the trigger; in
    "phong trào thi đua “…”", "Phong trào Thi đua dân vận khéo" the whole trigger is one)."""
    words = list(_TRIGGER_WORD.finditer(text, start, end))
    after = _SPACE.match(text, end, limit)
    at = after.end() if after else end
    if len(words) < 2 or text[start:end].isupper() or at >= limit or not text[at].islower():
        return end
    w = compiled()
    for word in words[1:]:
        if text[word.start()].isupper():
            shorter = text[start : word.start()].rstrip()
            if fold(shorter) in w.categories:
                return start + len(shorter)
            return end
    return end


def _coordinated_after(text: str, start: int, end: int, limit: int) -> int | None:
    """After a name that ends before "và" and a second capitalised name, where the second one's words
    begin (right after "và"); None when no such name follows (see `_coordination`)."""
    m = _AND_NAME.match(text, end, limit)
    if m is None or not _coordinates(text, start, end):
        return None
    if compiled().trigger.match(text, skip_space(text, m.end(), limit)):
        return None  # "… và Chương trình …": the next trigger names its own
    return m.end()


def _coordinates(text: str, start: int, end: int) -> bool:
    """Whether a name may be the first of two joined by "và": written in sentence case, a capital on its
    first word only, with two words or more ("Thi đua yêu nước"; "Văn hóa và Thể thao" is one name)."""
    words = text[start:end].split()
    return len(words) >= 2 and words[0][0].isupper() and not any(w[0].isupper() for w in words[1:])


def _coordination(text: str, start: int, end: int) -> int | None:
    """Where a name joined to a second one by "và" ends: "Thi đua yêu nước và Toàn dân đoàn kết xây
    dựng đời sống văn hóa" holds two names, each capitalised, the second in sentence case too."""
    for m in _AND_NAME.finditer(text, start, end):
        if _coordinates(text, start, m.start()):
            return m.start()
    return None


def _quoted_names(
    text: str, trigger_start: int, first: Quote, category: str, limit: int
) -> list[CampaignMention]:
    """ "phong trào “Gia đình học tập”, “Dòng họ học tập”": one trigger, one or several quoted names."""
    out: list[CampaignMention] = []
    q: Quote | None = first
    start = trigger_start
    while q is not None:
        name = unquote(text[q.content_start : q.content_end])
        if name:
            out.append(CampaignMention(start, q.end, name, category, q.content_start, q.content_end))
        more = _NEXT_QUOTE.match(text, q.end, limit)
        if more is None:
            break
        start = more.end()
        q = quoted_at(text, start, limit)
    return out


def _national_names(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """Known nationwide names after the trigger, in any case, listed with "," or "và": their spans."""
    w = compiled()
    out: list[tuple[int, int]] = []
    at = skip_space(text, pos, limit)
    while at < limit:
        found = w.national.match(text, at, limit)
        if found is None or not _keeps_proper_nouns(text, found.start(), found.end()):
            break
        out.append(found.span())
        sep = _NEXT_NAME.match(text, found.end(), limit)
        if sep is None:
            break
        at = sep.end()
    return out


def _keeps_proper_nouns(text: str, start: int, end: int) -> bool:
    """Whether a known name written in lower case still capitalises its proper nouns: "phong trào toàn
    dân bảo vệ an ninh Tổ quốc" names the movement, "… an ninh tổ quốc" is the phrase (the guideline
    takes a lower-case name only after a capitalised trigger; a known name is its exception)."""
    if not text[start].islower():
        return True
    for pattern, capitals in compiled().proper_nouns:
        if pattern.fullmatch(text, start, end):
            words = _WORDS.findall(text, start, end)
            return all(i >= len(words) or words[i][0].isupper() for i in capitals)
    return True


def _cuts(found: Findings) -> list[int]:
    """Where a place (a unit) or a date begins: an unquoted name ends before them."""
    return sorted({m.start for kind in ("unit", "date") for m in found[kind]})


def _name_limit(document: Document, sentence: Span, pos: int) -> int:
    """How far a name after the trigger may run: the sentence, or the next one when the trigger ends its
    line and the name starts the next ("phong trào thi đua\n“Dân vận khéo”")."""
    text = document.text
    if text[pos : sentence.end].strip():
        return sentence.end
    nxt = skip_space(text, sentence.end, len(text))
    if nxt >= len(text) or text.count("\n", sentence.end, nxt) != 1:
        return sentence.end
    return max(sentence.end, document.sentence_at(nxt).end)


def _after_abbreviation(text: str, pos: int, limit: int) -> int:
    """ "cuộc vận động (CVĐ) “…”": past an abbreviation in parentheses right after the trigger."""
    m = _ABBREVIATION.match(text, pos, limit)
    return m.end() if m else pos


def _opening_quote(text: str, floor: int, pos: int, limit: int) -> Quote | None:
    """The quotation the trigger at `pos` opens (“Ngày hội …”), or None."""
    at = pos
    while at > floor and text[at - 1] in " \t":
        at -= 1
    if at <= floor or text[at - 1] not in OPENERS:
        return None
    q = quoted_at(text, at - 1, limit)
    return q if q is not None and q.closed and q.content_start == pos else None


def _inside_sentence(text: str, floor: int, pos: int) -> bool:
    """True when the word at `pos` stands inside its sentence: not first, nor after a mark opening one."""
    at = pos
    while at > floor and text[at - 1] in " \t":
        at -= 1
    return at > floor and text[at - 1] not in compiled().sentence_openers and text[at - 1] != "\n"


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n.,;:…":
        end -= 1
    return start, end


def extract(document: Document, found: Findings) -> list[Mention]:
    return [
        Mention(KIND, c.start, c.end, {"name": c.name, "category": _category(c.category)})
        for c in find_campaigns(document, found)
    ]


def _category(written: str) -> str:
    """The trigger lower-cased, with the tone placement of the record's vocabulary."""
    return compiled().categories.get(fold(written), written)
