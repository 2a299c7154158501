"""Campaigns: a trigger word (phong trào thi đua, cuộc vận động, chương trình …) and its name.

The name is the quotation that follows the trigger, possibly after a few
lower-case modifiers ("chương trình chung tay vì người nghèo “…”"), or an
unquoted name that starts with a capital ("chương trình Cà phê thanh niên
khởi nghiệp") and ends before a preposition or at punctuation. `category` is
the trigger as written, lower-cased. Words live in extractors/data/campaigns.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractors.base import Mention
from extractors.quotes import OPENERS, Quote, quoted_at, unquote
from pipeline.document import Document
from pipeline.resources import load_yaml
from pipeline.spans import skip_space
from pipeline.textnorm import fold, tolerant_alternation, tolerant_pattern

KIND = "campaign"
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
class _Words:
    trigger: regex.Pattern[str]
    modifier_stop: regex.Pattern[str]
    max_modifiers: int
    name_end: regex.Pattern[str]
    next_trigger: regex.Pattern[str]
    max_name_words: int
    prize_ranks: frozenset[str]
    month_names: frozenset[str]
    known: tuple[str, ...]
    national: regex.Pattern[str]
    categories: dict[str, str]  # folded trigger → the trigger as the records spell it


def _dash_tolerant(name: str) -> str:
    """A name's pattern in which any dash matches any other, with or without spaces around."""
    parts = regex.split(r"\s*[-–—]\s*", name)
    return r"\s*[-–—]\s*".join(f"(?:{tolerant_pattern(p)})" for p in parts)


@cache
def _words() -> _Words:
    data = load_yaml("extractors", "campaigns.yaml")
    alt = tolerant_alternation(data["triggers"])
    stops = tolerant_alternation(data["modifier_stops"])
    ends = tolerant_alternation(data["name_end_words"])
    national = "|".join(_dash_tolerant(n) for n in sorted(data["national_names"], key=len, reverse=True))
    return _Words(
        trigger=regex.compile(rf"(?<!\w)(?P<t>{alt})(?!\w)", _FLAGS),
        modifier_stop=regex.compile(rf"(?<!\w)(?:{stops})(?!\w)", _FLAGS),
        max_modifiers=int(data["max_modifier_words"]),
        name_end=regex.compile(
            rf"\s(?!(?:{tolerant_alternation(data['name_end_exceptions'])})(?!\w))(?:{ends})(?!\w)", _FLAGS
        ),
        # "Tháng Thanh niên và chương trình “…”": the name ends where another campaign begins.
        next_trigger=regex.compile(rf"\s(?:và|cùng|với)\s+(?=(?:{alt})(?!\w))", _FLAGS),
        max_name_words=int(data["max_name_words"]),
        prize_ranks=frozenset(fold(r) for r in data["prize_ranks"]),
        month_names=frozenset(fold(r) for r in data["month_names"]),
        known=tuple(data["known_campaigns"]),
        national=regex.compile(rf"(?:{national})(?!\w)", _FLAGS),
        categories={fold(t): str(t) for t in data["triggers"]},
    )


def known_campaign_names() -> tuple[str, ...]:
    return _words().known


def _modifiers_end(text: str, pos: int, limit: int) -> int | None:
    """After a trigger: skip up to N lower-case modifier words; where a quote may open, or None."""
    w = _words()
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


def _unquoted_name(text: str, pos: int, limit: int, *, labels_item: bool = False) -> tuple[int, int] | None:
    """A capitalised unquoted name right after the trigger, to its end.

    With `labels_item` (the trigger opens an item of a ";" list) a colon that closes a short
    stretch without figures ends the name: "…; chương trình Đổi cũ được mới vì môi trường
    xanh: người dân đến đổi …" names the item before explaining it.
    """
    w = _words()
    m = _SPACE.match(text, pos, limit)
    start = m.end() if m else pos
    if start >= limit or not text[start].isupper():
        return None
    # A name has at most `max_name_words` words: read a window, not the rest of a long sentence.
    cut = limit > start + _NAME_WINDOW
    limit = min(limit, start + _NAME_WINDOW)
    end = limit
    punct = _NAME_PUNCT.search(text, start, limit)
    while punct and punct.group() == "," and _CAPITALISED_SERIES.match(text, punct.end(), limit):
        punct = _NAME_PUNCT.search(text, punct.end(), limit)  # "Văn hóa, Thể thao và Du lịch"
    if punct:
        end = punct.start()
    label = labels_item and punct is not None and punct.group() == ":"
    if label and (regex.search(r"\d", text[start:end]) or len(text[start:end].split()) > w.max_name_words):
        label = False
    for stop_at in () if label else (w.name_end, w.next_trigger):
        stop = stop_at.search(text, start, end)
        if stop:
            end = stop.start()
    if cut and end == limit:
        return None  # no end within the window: far more words than a name has
    words = text[start:end].split()
    if not words:
        return None
    if len(words) > w.max_name_words:
        return None
    if fold(" ".join(words[:2])) in w.prize_ranks or fold(words[0]) in w.prize_ranks:
        return None
    if fold(words[0]) in w.month_names or fold(" ".join(words[:2])) in w.month_names:
        return None  # "Cách mạng Tháng Tám"; only "tháng" is followed by a month's name
    return start, start + len(text[start:end].rstrip())


# After a comma inside a name: "Thể thao và Du lịch" (short capitalised items, "và", a capital).
_CAPITALISED_SERIES = regex.compile(
    r"[ \t]*\p{Lu}\p{Ll}*(?:[ \t]+\p{Ll}+)?"
    r"(?:[ \t]*,[ \t]*\p{Lu}\p{Ll}*(?:[ \t]+\p{Ll}+)?)*[ \t]+và[ \t]+\p{Lu}",
    regex.VERSION1,
)
_NEXT_QUOTE = regex.compile(r"[ \t]*(?:,[ \t]*(?:và[ \t]+)?|và[ \t]+)(?=[“\"«‘])", regex.VERSION1)
_NAME_WINDOW = 400  # characters
_SPACE = regex.compile(r"[ \t]*\n?[ \t]*")
_LOWER_WORD = regex.compile(r"\p{Ll}+")
_COLON = regex.compile(r"[ \t]*:[ \t]*\n?[ \t]*")
_LIST_SEP = regex.compile(r"[ \t]*(?:[,;][ \t]*(?:và[ \t]+)?|và[ \t]+)\n?[ \t]*")
_NAME_PUNCT = regex.compile(r"[,;:.(…!?“\"«‘]|\n\s*\n", regex.VERSION1)
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


def find_campaigns(document: Document) -> list[CampaignMention]:
    """Every campaign mention of the article (computed once per document)."""
    return document.memo("campaign.mentions", lambda: _find_campaigns(document))


def _find_campaigns(document: Document) -> list[CampaignMention]:
    text = document.text
    w = _words()
    out: list[CampaignMention] = []
    for sentence in document.content_sentences():
        for m in w.trigger.finditer(text, sentence.start, sentence.end):
            if not m["t"][0].isalpha():
                continue
            category = " ".join(m["t"].casefold().split())
            listed = _quoted_list(text, m.end(), sentence.end)
            if listed:
                # "các phong trào: “A”, “B” và “C”": one campaign per quoted item.
                for i, q in enumerate(listed):
                    name = unquote(text[q.content_start : q.content_end])
                    start = m.start() if i == 0 else q.start
                    out.append(CampaignMention(start, q.end, name, category, q.content_start, q.content_end))
                continue
            quote_at = _modifiers_end(text, m.end(), sentence.end)
            first = quoted_at(text, quote_at, sentence.end) if quote_at is not None else None
            if first is not None:
                q: Quote | None = first
                start = m.start()
                while q is not None:
                    name = unquote(text[q.content_start : q.content_end])
                    if name:
                        out.append(
                            CampaignMention(start, q.end, name, category, q.content_start, q.content_end)
                        )
                    # "phong trào “Gia đình học tập”, “Dòng họ học tập”": one trigger, several names.
                    more = _NEXT_QUOTE.match(text, q.end, sentence.end)
                    if more is None:
                        break
                    start = more.end()
                    q = quoted_at(text, start, sentence.end)
                continue
            national = w.national.match(text, skip_space(text, m.end(), sentence.end), sentence.end)
            if national is not None and national.group()[0].isupper():
                span = national.span()
                out.append(
                    CampaignMention(m.start(), span[1], " ".join(national.group().split()), category, *span)
                )
                continue
            opens_item = _ITEM_OPEN.search(text, max(sentence.start, m.start() - 6), m.start()) is not None
            span = _unquoted_name(text, m.end(), sentence.end, labels_item=opens_item)
            if span is not None:
                out.append(
                    CampaignMention(m.start(), span[1], unquote(text[span[0] : span[1]]), category, *span)
                )
    return out


def extract(document: Document) -> list[Mention]:
    return [
        Mention(KIND, c.start, c.end, {"name": c.name, "category": _category(c.category)})
        for c in find_campaigns(document)
    ]


def _category(written: str) -> str:
    """The trigger lower-cased, with the tone placement of the record's vocabulary."""
    return _words().categories.get(fold(written), written)
