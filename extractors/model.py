"""Models: named models, exemplars and projects ("mô hình", "điển hình", "công trình"), with owners.

Three shapes:
- a trigger and a quoted or capitalised title: mô hình “Đồng phục chắp cánh ước mơ”,
  mô hình Khéo trong vận động …; the title ends at ";", before the last " của "
  (whose complement is the owner), or at the end of the sentence;
- an owner and a verb before it: "Khối vận phường thực hiện mô hình “…”",
  "Hội Cựu chiến binh phường ra mắt “…”", "cho Tập thể X với mô hình …";
- a list after a colon ("các mô hình: A; B; C…"), split item by item on ";"
  (on "," where the list has no ";"). A list left open ("…; ...") continues into
  later paragraphs made of "title của owner" items.
A quoted name that is a campaign's ("mô hình “Dân vận khéo”") is not a title.
Words live in extractors/data/models.yaml.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from bantin.extractors.base import Findings, Mention
from bantin.extractors.campaign import known_campaign_names
from bantin.extractors.official import opens_with_honorific, person_name
from bantin.extractors.quotes import CLOSERS, OPENERS, Quote, quoted_at, unquote
from bantin.pipeline.text.document import Document
from bantin.pipeline.text.resources import alternation, compile_at, load_yaml
from bantin.pipeline.text.spans import Span, search_from, skip_space
from bantin.pipeline.text.textnorm import fold, tolerant_alternation

# Patterns of single calls, compiled once (regex's cache lookup costs as much as a short match).
_NOT_WORD = regex.compile(r"[^\w\s]")

KIND = "model"
NEEDS = ("campaign",)  # a campaign's name is no model's title
_FLAGS = regex.IGNORECASE | regex.VERSION1
_ELLIPSIS = regex.compile(r"…|\.{3}")
# Between two quoted titles of one trigger: "“A” của X, “B” của Y và “C”".
_NEXT_QUOTE = regex.compile(r"\s*(?:,\s*(?:và\s+)?|;\s*|\s+và\s+)(?=[“\"«‘])", regex.VERSION1)
# Windows in characters, so that each trigger reads a bounded stretch of a long sentence: the owner
# verb right before a trigger; what follows a quoted title (its owner, the next quote); an unquoted
# title, none when longer (real ones are under 300).
_VERB_WINDOW = 200
_OWNER_WINDOW = 1000
_TAIL_WINDOW = 500
_MAX_TITLE = 400
# An item whose title opens within this many characters ("công trình thanh niên “…”") is the inline model's.
_ITEM_LEAD = 40
# "những buổi “Cà phê sáng” …": a few lower-case words before an item's quoted title.
_LOWER_LEAD = regex.compile(r"(?:\p{Ll}+[ \t]+){1,3}(?=[“\"«‘])", regex.VERSION1)
# "“5 có, 3 sạch”", "3 có, 2 sạch": a small number and the word it counts, in a name of criteria.
_NUMBERED_WORD = regex.compile(r"(?<![\d.,])\d(?!\d)[ \t]*(?P<word>\p{Ll}+)(?!\w)", regex.VERSION1)
# An unquoted title ends at a semicolon, at a colon that explains it, or at an ellipsis that closes
# a list ("mô hình Ngày thứ Bảy đại đoàn kết…được nhân dân đồng tình hưởng ứng").
_TITLE_STOP = regex.compile(r"[;:…]|\.{3}", regex.VERSION1)
# "“A” và “B”" as one item of a list: two titles.
_QUOTES_JOINED = regex.compile(r"(?<=[”\"»’])\s*(?:,\s*)?và\s+(?=[“\"«‘])", regex.VERSION1)


@dataclass(frozen=True)
class _Compiled:
    trigger: regex.Pattern[str]
    colon_after_trigger: regex.Pattern[str]
    colon_after_list_word: regex.Pattern[str]
    owner_verb_before: regex.Pattern[str]
    owner_opener: regex.Pattern[str]
    address_after_comma: regex.Pattern[str]
    trailing_verbs: regex.Pattern[str]
    owner_prefix: regex.Pattern[str]
    owner_marker: regex.Pattern[str]
    by_owner_end: regex.Pattern[str]
    title_end: regex.Pattern[str]
    title_end_head: regex.Pattern[str]
    leading_trigger: regex.Pattern[str]
    modifiers_before_quote: regex.Pattern[str]
    modifier_stop: regex.Pattern[str]
    list_without_colon: regex.Pattern[str]
    trigger_pair: regex.Pattern[str]
    and_title: regex.Pattern[str]
    announced: regex.Pattern[str]
    plural_trigger: regex.Pattern[str]
    plural_marker: regex.Pattern[str]
    list_word_end: regex.Pattern[str]
    example_end: regex.Pattern[str]
    kind_word: regex.Pattern[str]
    quote_verb: regex.Pattern[str]
    launched_group: regex.Pattern[str]
    quoted_trigger: regex.Pattern[str]
    label: regex.Pattern[str]
    figures_title: regex.Pattern[str]
    organisation_head: regex.Pattern[str]
    max_words_before_list_colon: int
    naming: regex.Pattern[str]


@cache
def compiled() -> _Compiled:
    """extractors/data/models.yaml, compiled once per process."""
    data = load_yaml("extractors", "models.yaml")
    trig = tolerant_alternation(data["triggers"])
    n = int(data["max_words_before_colon"])
    alt = tolerant_alternation
    verbs = alt(data["owner_verbs"])
    examples = alt(data["example_openers"])
    by_owner_ends = (
        data["owner_verbs"] + data["owner_trailing_verbs"] + data["title_end_words"] + data["by_owner_ends"]
    )
    n_list = int(data["max_words_before_list_word"])
    plural = alt(data["plural_markers"])
    return _Compiled(
        trigger=regex.compile(rf"(?<!\w)(?:{trig})(?!\w)", _FLAGS),
        quoted_trigger=regex.compile(rf"(?<!\w)(?:{alt(data['quoted_only_triggers'])})(?!\w)", _FLAGS),
        # "… và Tiếp sức người bệnh nghèo": "và" before a capitalised or quoted title, or a trigger.
        and_title=regex.compile(rf"\s+và\s+(?=[“\"«‘]|(?-i:\p{{Lu}})|(?:{trig})(?!\w))", _FLAGS),
        # "03 mô hình mới gồm:": the number of models a list announces.
        announced=regex.compile(rf"(?<![\d.,])(?P<n>\d{{1,2}})\s+(?:{trig})(?!\w)", _FLAGS),
        colon_after_trigger=regex.compile(rf"(?<!\w)(?:{trig})(?:,?\s+(?-i:\p{{Ll}}+)){{0,{n}}}\s*$", _FLAGS),
        colon_after_list_word=regex.compile(rf"(?<!\w)(?:{alt(data['list_words'])})\s*$", _FLAGS),
        owner_verb_before=regex.compile(rf"(?:^|\s)(?:{verbs})\s+$", _FLAGS),
        owner_opener=regex.compile(rf"(?:[:;.,]|(?<!\w)(?:{alt(data['owner_openers'])})(?!\w))", _FLAGS),
        address_after_comma=regex.compile(rf"\s*(?:{alt(data['address_levels'])})\s+(?-i:\p{{Lu}})", _FLAGS),
        trailing_verbs=regex.compile(rf"(?:\s+(?:{alt(data['owner_trailing_verbs'])}))+\s*$", _FLAGS),
        owner_prefix=regex.compile(rf"^(?:{tolerant_alternation(data['owner_prefixes'])})\s+", _FLAGS),
        owner_marker=regex.compile(r"\s+(?:của|(?P<by>do))\s+", _FLAGS),
        # Lower-case as written: "Ban Vận động …" is a name, "… vận động lắp đặt" a verb.
        by_owner_end=regex.compile(rf"\s(?:{alt(by_owner_ends)})(?!\w)", regex.VERSION1),
        title_end=regex.compile(rf"\s(?:{tolerant_alternation(data['title_end_words'])})(?!\w)", _FLAGS),
        title_end_head=regex.compile(rf"\s(?:{tolerant_alternation(data['title_end_words'])})", _FLAGS),
        modifiers_before_quote=regex.compile(
            rf"(?:\s+\p{{Ll}}+){{1,{int(data['max_modifier_words'])}}}(?=\s*[“\"«‘])", regex.VERSION1
        ),
        modifier_stop=regex.compile(rf"(?<!\w)(?:{alt(data['modifier_stops'])})(?!\w)", _FLAGS),
        # "các mô hình như Hũ gạo tình thương, Nồi cháo yêu thương": a list without a colon.
        list_without_colon=regex.compile(
            rf"(?<!\w)(?!{examples})(?:{trig})(?:\s+(?-i:\p{{Ll}}+)){{0,{n_list}}}\s+(?:như|gồm)\s+"
            rf"(?=(?-i:[\p{{Lu}}“\"«‘]))",
            _FLAGS,
        ),
        leading_trigger=regex.compile(rf"^(?:{trig})(?:\s*,\s*(?:{trig}))?\s+", _FLAGS),
        # "mô hình, điển hình “…”": a second trigger after a comma belongs to the first.
        trigger_pair=compile_at(rf"\s*,\s*(?:{trig})(?!\w)", _FLAGS),
        # "các mô hình", "03 mô hình", "nhiều mô hình, điển hình": a trigger that announces several.
        plural_trigger=regex.compile(
            rf"(?<![\w.,])(?:(?:{plural})|\d{{1,3}})\s+(?:{trig})(?:\s*,\s*(?:{trig}))?(?!\w)", _FLAGS
        ),
        plural_marker=regex.compile(rf"(?<!\w)(?:{plural})(?!\w)", _FLAGS),
        list_word_end=regex.compile(rf"\s(?:{alt(data['list_words'])})\s*$", _FLAGS),
        example_end=regex.compile(rf"(?<!\w)(?:{examples})\s*$", _FLAGS),
        kind_word=regex.compile(rf"\s*(?:{alt(data['kind_words'])})(?!\w)", _FLAGS),
        quote_verb=regex.compile(
            rf"\s(?:{alt(data['quote_verbs'])})\s+(?P<kind>(?:{alt(data['launched_groups'])})(?:\s+\p{{Ll}}+){{0,2}}\s+)?"
            rf"(?=[“\"«‘])",
            _FLAGS,
        ),
        launched_group=regex.compile(
            rf"\s(?:{alt(data['quote_verbs'])})\s+(?P<title>(?P<group>{alt(data['launched_groups'])})"
            rf"(?P<rest>(?:[ \t]+(?!(?:{alt(data['launched_title_stops'])})(?!\w))\p{{L}}+)"
            rf"{{2,{int(data['max_launched_title_words'])}}}))",
            _FLAGS,
        ),
        # "Mô hình trồng sen: HTX Sen Việt, xã An Phú": an item labelled by its title, then its owner.
        label=regex.compile(
            rf"(?:[-+•*][ \t]*)?(?:{trig})[ \t]+(?P<title>[^:;“”\"«»\n]{{2,120}}?)[ \t]*:[ \t]*"
            rf"(?P<owner>(?-i:\p{{Lu}})[^,;:.\n]{{1,80}})(?=[,;.]|$)",
            _FLAGS,
        ),
        # "mô hình 1+1", "mô hình 3+1": a title of figures joined by "+".
        figures_title=compile_at(r"[ \t]*\d{1,3}(?:[ \t]*\+[ \t]*\d{1,3})+(?![\w+])", regex.VERSION1),
        organisation_head=regex.compile(
            rf"(?:{alternation(data['organisation_heads'])})(?!\w)", regex.VERSION1
        ),
        max_words_before_list_colon=int(data["max_words_before_list_colon"]),
        # "mô hình mới với tên gọi “…”", "“Dân vận khéo” với tên gọi “…”": the words that name the next quote.
        naming=regex.compile(
            rf",?(?:[ \t]+(?-i:\p{{Ll}}+)){{0,2}}?[ \t]+(?:{alt(data['naming_phrases'])})(?:[ \t]+là)?[ \t]*"
            rf"(?=[“\"«‘])",
            _FLAGS,
        ),
    )


@dataclass(frozen=True)
class ModelMention:
    start: int
    end: int
    title: str
    owner: str | None


def _clean_title(raw: str) -> str:
    title = unquote(raw)
    title = compiled().leading_trigger.sub("", title)
    return title.strip(" .,;:…-–")


def _campaign_keys(campaigns: Sequence[Mention]) -> set[str]:
    names = [c.fields["name"] for c in campaigns]
    names += list(known_campaign_names())
    return {_key(n) for n in names}


def _key(text: str) -> str:
    return fold(_NOT_WORD.sub(" ", text))


def _owner(raw: str) -> str | None:
    """An owner as credited: honorific dropped, a person's titles cut, "Tập thể" dropped."""
    owner = " ".join(raw.split()).strip(" .,;:…")
    owner = compiled().owner_prefix.sub("", owner)
    person = person_name(owner)
    if person is not None:
        return person
    return owner or None


def _split_owner(text: str, start: int, end: int) -> tuple[int, str | None, int]:
    """Where the title ends, who owns it and where the owner ends, in [start:end).

    The owner is the complement of the last " của " ("of"), or of " do " ("by") followed by a
    capitalised name, which ends before the verb that follows it ("“Camera an ninh” do Ban
    Công tác Mặt trận thôn Thọ Trung vận động lắp đặt …").
    """
    last = None
    window = text[start:end].lower()
    if "của" in window or "do" in window:  # else `owner_marker` (case-insensitive) finds nothing
        for m in compiled().owner_marker.finditer(text, start, end):
            last = m
    if last is None or last.start() <= start:
        return end, None, end
    owner_end = end
    for comma in regex.finditer(",", text[last.end() : end]):
        at = last.end() + comma.start()
        if not compiled().address_after_comma.match(text, at + 1, end):
            owner_end = at  # "của Chi đoàn ấp Cây Điệp, tổng kinh phí …"; ", xã Ea Kly" goes on
            break
    if last["by"]:
        if not text[last.end() : last.end() + 1].isupper():
            return end, None, end
        verb = compiled().by_owner_end.search(text, last.end(), end)
        owner_end = _trim_end(text, last.end(), verb.start()) if verb else end
    owner = _owner(text[last.end() : owner_end])
    if owner is None:
        return end, None, end
    return last.start(), owner, owner_end


def _owner_before(
    text: str, floor: int, verb_start: int, sentence_end: int | None = None
) -> tuple[int, str] | None:
    """ "Khối vận phường thực hiện …": the noun phrase between the clause start and the verb."""
    w = compiled()
    if sentence_end is None:
        openers = list(w.owner_opener.finditer(text, floor, verb_start))
    else:  # the sentence's openers found once, not again for each trigger in it
        ends, found = _sentence_openers(text, floor, sentence_end)
        openers = found[: bisect.bisect_right(ends, verb_start)]
    # "Sáng 12/5, Hội … ra mắt": a comma opens the owner, unless an address goes on after it
    # ("Trường mầm non …, quận Hoàn Kiếm với mô hình").
    while openers and openers[-1].group() == "," and w.address_after_comma.match(text, openers[-1].end()):
        openers.pop()
    if openers and openers[-1].group() == ",":
        # "Đồng chí Trần Thị Lan, Trưởng khu phố 1 xây dựng mô hình": the person before the comma.
        before = openers[-2].end() if len(openers) > 1 else floor
        person = person_name(text[before : openers[-1].start()].strip())
        if person is not None:
            return before, person
    start = skip_space(text, openers[-1].end() if openers else floor, verb_start)
    if verb_start - start > _OWNER_WINDOW:
        return None  # far longer than the 20 words an owner may have
    raw = w.trailing_verbs.sub("", text[start:verb_start])
    if not raw.strip() or not raw.strip()[0].isupper() or len(raw.split()) > 20:
        return None
    owner = _owner(raw)
    return (start, owner) if owner else None


@lru_cache(maxsize=64)
def _sentence_openers(text: str, start: int, end: int) -> tuple[list[int], list[regex.Match[str]]]:
    found = list(compiled().owner_opener.finditer(text, start, end))
    return [m.end() for m in found], found


def _unquoted_title_end(text: str, start: int, limit: int) -> int:
    w = compiled()
    end = limit
    stop_mark = _TITLE_STOP.search(text, start, limit)
    if stop_mark is not None:
        end = stop_mark.start()  # "mô hình Trồng sen: HTX …" names the model before explaining it
    # As `w.title_end.search(text, start, end)`: it can only match where its words begin (found once
    # per text), each tried in turn; a title's window is no longer read from each quote of a list.
    stop = search_from(w.title_end, _title_end_heads(text), text, start, end)
    return stop.start() if stop else end


@lru_cache(maxsize=4)
def _title_end_heads(text: str) -> list[int]:
    """Where `title_end` may match in the text: where its words begin after a space, whatever follows."""
    return [m.start() for m in compiled().title_end_head.finditer(text, overlapped=True)]


def _inline(document: Document, sentence: Span, campaigns: set[str]) -> list[tuple[ModelMention, Span]]:
    """Trigger + quoted or capitalised title, and owner-verb + quoted title; with the title's own span."""
    text = document.text
    w = compiled()
    out: list[tuple[ModelMention, Span]] = []
    starts: list[tuple[int, int]] = []
    for m in w.trigger.finditer(text, sentence.start, sentence.end):
        after = m.end()
        more = w.trigger_pair.match(text, after, sentence.end)
        if more:
            after = more.end()
        # "điển hình tiên tiến “…”", "mô hình điểm “…”": a few lower-case words before the quote;
        # "mô hình mới với tên gọi “…”": the words that give its name.
        named = w.naming.match(text, after, sentence.end)
        modifiers = w.modifiers_before_quote.match(text, after, sentence.end)
        if named:
            after = named.end()
        elif modifiers and not w.modifier_stop.search(text, after, modifiers.end()):
            after = modifiers.end()
        starts.append((m.start(), after))
    for m in w.quote_verb.finditer(text, sentence.start, sentence.end):
        # "Hội … ra mắt “…”", "… ra mắt tổ hội nghề nghiệp “…”": the owner stands before the verb.
        starts.append((m.start("kind") if m["kind"] else m.end(), m.end()))
    for m in w.launched_group.finditer(text, sentence.start, sentence.end):
        # "Hội Nông dân xã … ra mắt Chi hội nuôi cá tại ấp …": the group is the model (a quotation
        # after the group is its name, read above).
        if quoted_at(text, m.end("title"), sentence.end) is not None:
            continue
        if m["group"][0].islower() and len(m["rest"].split()) < 3:
            continue  # "ra mắt tổ công tác": a kind of group; "Chi hội nuôi cá" is written as a name
        end = _unquoted_title_end(text, m.start("title"), m.end("title"))
        end = m.start("title") + len(text[m.start("title") : end].rstrip())
        start, owner = _owner_before_trigger(text, sentence, m.start("title"), m.start() + 1)
        title = _clean_title(text[m.start("title") : end])
        out.append((ModelMention(start, end, title, owner), Span(m.start("title"), end)))
    for m in w.quoted_trigger.finditer(text, sentence.start, sentence.end):
        project = quoted_at(text, m.end(), sentence.end)
        if project is not None:  # "dự án “…”": a project is a model by its quoted name only
            out += _quoted_chain(document, sentence, m.start(), project, campaigns)
    for trigger_start, after in sorted(set(starts)):
        q: Quote | None = quoted_at(text, after, sentence.end)
        if q is not None:
            out += _quoted_chain(document, sentence, trigger_start, q, campaigns)
            continue
        at = after
        while at < sentence.end and text[at] in " \t\n":
            at += 1
        figures = w.figures_title.match(text, after, sentence.end)
        if figures is not None:
            # "mô hình 1+1": a title of figures.
            at = skip_space(text, after, figures.end())
            start, owner = _owner_before_trigger(text, sentence, trigger_start, trigger_start)
            mention = ModelMention(start, figures.end(), " ".join(text[at : figures.end()].split()), owner)
            out.append((mention, Span(at, figures.end())))
            continue
        if at >= sentence.end or not text[at].isupper() or text.count("\n", after, at) > 1:
            continue
        if w.organisation_head.match(text, at, sentence.end):
            continue  # "mô hình Chi hội nghề nghiệp …": who runs a kind of model, no title
        end = _unquoted_title_end(text, at, min(sentence.end, at + _TAIL_WINDOW))
        if end - at > _MAX_TITLE:
            continue  # no title runs on this far (read from each trigger, it makes output quadratic)
        title_end, owner, _ = _split_owner(text, at, end)
        title = _clean_title(text[at:title_end])
        if not _is_title(title, campaigns):
            continue
        start = trigger_start
        if owner is None:
            start, owner = _owner_before_trigger(text, sentence, trigger_start, start)
        out.append((ModelMention(start, _trim_end(text, start, end), title, owner), Span(at, title_end)))
    return out


def _owner_after_quote(text: str, q: Quote, limit: int) -> tuple[str | None, int]:
    """The owner a quoted title's own "của"/"do" names, and where the model ends (its owner or its quote)."""
    _, owner, owner_end = _split_owner(text, q.start, limit)
    if owner is None or not text[q.end : owner_end].lstrip().startswith(("của", "do")):
        return None, q.end  # no owner, or the "của"/"do" of a later phrase
    return owner, owner_end


def _is_title(title: str, campaigns: set[str], *, quoted: bool = False) -> bool:
    """No campaign's name; an unquoted title that only begins with one runs on past it ("mô hình Dân vận khéo
    rải đều ở …"), a quoted one is its own name (“Dân vận khéo 1+10”)."""
    key = _key(title)
    if not title or key in campaigns:
        return False
    return quoted or not any(key.startswith(c + " ") for c in campaigns)


def _owner_before_trigger(
    text: str, sentence: Span, trigger_start: int, start: int
) -> tuple[int, str | None]:
    """ "X thực hiện mô hình …", "X ra mắt “…”": the owner before the verb, and where it starts."""
    # The verb stands right before the trigger (the pattern ends at it): read a window, not the sentence.
    window = max(sentence.start, trigger_start - _VERB_WINDOW)
    # A verb (words ending in a letter), then spaces, ends where the trigger starts: when the text
    # before the trigger is no such thing (“mô hình “…” mô hình”), the window is not searched.
    last = trigger_start - 1
    while last >= window and text[last].isspace():
        last -= 1
    verb = None
    if window <= last < trigger_start - 1 and text[last].isalpha():
        verb = compiled().owner_verb_before.search(text, window, trigger_start)
    if verb is not None:
        found = _owner_before(text, sentence.start, verb.start(), sentence.end)
        if found is not None:
            return found
    return start, None


def _quoted_chain(
    document: Document, sentence: Span, trigger_start: int, first: Quote, campaigns: set[str]
) -> list[tuple[ModelMention, Span]]:
    """A trigger's quoted titles: “A” [của X], “B” [của Y] và “C” [của Z]: one model each.

    Each title's owner is its own "của"/"do" complement, else the owner before the trigger
    ("Hội Phụ nữ thực hiện mô hình “A” và “B”" credits both).
    """
    text = document.text
    out: list[tuple[ModelMention, Span]] = []
    q: Quote | None = first
    start = trigger_start
    owner_start, owner_before = _owner_before_trigger(text, sentence, trigger_start, trigger_start)
    typed = False  # one type per title: a chain of types read from each trigger would be quadratic
    while q is not None:
        title = _clean_title(text[q.content_start : q.content_end])
        if not typed and not _is_title(title, campaigns, quoted=True):
            # mô hình “Dân vận khéo” “Ngày thứ Bảy cùng dân”: the type, then the title (or the name it is
            # given: mô hình “Dân vận khéo” với tên gọi “Tổ Tuần tra …”).
            named = compiled().naming.match(text, q.end, sentence.end)
            following = quoted_at(text, named.end() if named else q.end, sentence.end)
            if following is not None and (named or not text[q.end : following.start].strip()):
                q = following
                typed = True
                continue
        tail_end = _unquoted_title_end(text, q.end, min(sentence.end, q.end + _TAIL_WINDOW))
        nxt = _next_quote(text, q.end, tail_end)
        if nxt:
            tail_end = nxt.start()
        owner, end = _owner_after_quote(text, q, tail_end)
        if _is_title(title, campaigns, quoted=True):
            model_start = start
            if owner is None:
                owner = owner_before
                if start == trigger_start:
                    model_start = owner_start
            mention = ModelMention(model_start, _trim_end(text, model_start, end), title, owner)
            out.append((mention, Span(q.content_start, q.content_end)))
        if nxt is None:
            break
        start = nxt.end()
        q = quoted_at(text, start, sentence.end)
    return out


def _next_quote(text: str, start: int, end: int) -> regex.Match[str] | None:
    """`_NEXT_QUOTE.search(text, start, end)`, skipped when no joint it needs (",", ";", "và") is in
    the window: a string find is far cheaper than the pattern's scan, run once per quoted title."""
    if text.find(",", start, end) < 0 and text.find(";", start, end) < 0 and text.find("và", start, end) < 0:
        return None
    return _NEXT_QUOTE.search(text, start, end)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n.,;:…":
        end -= 1
    return end


def _list_items(text: str, start: int, end: int) -> list[Span]:
    """Items of a list in text[start:end): ";"-separated, or ","-separated when it has no ";".

    A separator inside a closed quotation belongs to the title ("“Phân loại rác, gây quỹ an sinh”").
    """
    outside = _outside_quotes(text, start, end)
    sep = ";" if any(text[i] == ";" for i in outside) else ","
    cuts = [i for i in outside if text[i] == sep]
    items: list[Span] = []
    pos = start
    for cut in [*cuts, end]:
        s, e = pos, cut
        pos = cut + 1
        while s < e and text[s] in " \t\n":
            s += 1
        e = _trim_end(text, s, e)
        if e > s:
            items.append(Span(s, e))
    return items


def _outside_quotes(text: str, start: int, end: int) -> list[int]:
    """Positions of ";" and "," in text[start:end) outside closed quotations (all, when one is left open)."""
    marks: list[int] = []
    inside: list[int] = []
    closers = ""
    for i in range(start, end):
        ch = text[i]
        if closers and ch in closers:
            closers = ""
            inside = []  # the quotation closed: its marks are the title's
        elif not closers and ch in OPENERS:
            closers = CLOSERS[ch]
        elif ch in ";,":
            (inside if closers else marks).append(i)
    if closers:
        marks += inside  # an unclosed quotation: its marks separate as any other
    return sorted(marks)


def _to_announced(text: str, items: list[Span], announced: int | None) -> list[Span]:
    """Fewer items than the text announces ("03 mô hình gồm: A; B và C"): the last are joined by "và"."""
    if announced is None or len(items) >= announced:
        return items
    out = list(items)
    while len(out) < announced:
        last = out[-1]
        cut = None
        for m in compiled().and_title.finditer(text, last.start, last.end):
            cut = m
        if cut is None:
            break
        out[-1:] = [Span(last.start, _trim_end(text, last.start, cut.start())), Span(cut.end(), last.end)]
    return out


def _split_joined(text: str, items: list[Span]) -> list[Span]:
    """ "“A” và “B”" as one list item is two titles."""
    out: list[Span] = []
    for item in items:
        start = item.start
        for m in _QUOTES_JOINED.finditer(text, item.start, item.end):
            out.append(Span(start, _trim_end(text, start, m.start())))
            start = m.end()
        out.append(Span(start, item.end))
    return out


def _before_next_clause(text: str, start: int, end: int) -> int:
    """Where a list of ","-separated items ends when a ";" opens a clause with its own trigger.

    "như: A, B, C; Chi hội … ra mắt mô hình “D”" — but not "mô hình “A”; mô hình “B”", whose items
    are themselves trigger-led.
    """
    w = compiled()
    first = skip_space(text, start, end)
    if w.trigger.match(text, first, end):
        return end
    for semi in regex.finditer(";", text[start:end]):
        at = start + semi.start()
        clause_start = skip_space(text, at + 1, end)
        if (
            "," in text[start:at]
            and not w.trigger.match(text, clause_start, end)
            and w.trigger.search(text, clause_start, end)
        ):
            return at
    return end


def _list_spans(document: Document, sentence: Span) -> list[tuple[Span, bool, int | None]]:
    """Lists of models in a sentence: (the list's span after the colon, left open with "; ...",
    the number of models the text announces: "03 mô hình mới gồm: …" → 3)."""
    text = document.text
    w = compiled()
    out: list[tuple[Span, bool, int | None]] = []
    # The ellipses of the sentence, found once: each colon looks up the next (bisect), not a scan.
    ellipses = [m.start() for m in _ELLIPSIS.finditer(text, sentence.start, sentence.end, overlapped=True)]
    for colon in regex.finditer(r":", text[sentence.start : sentence.end]):
        c = sentence.start + colon.start()
        # The clause before the colon (a bounded look back keeps long paragraphs linear).
        floor = max(sentence.start, c - _HEAD_CHARS)
        clause_start = max(floor, text.rfind(";", floor, c) + 1)
        head = text[clause_start:c]
        if not _announces_list(head):
            continue
        k = bisect.bisect_left(ellipses, c + 1)
        ellipsis = ellipses[k] if k < len(ellipses) else None
        end = ellipsis if ellipsis is not None else sentence.end
        open_list = ellipsis is not None and text[c + 1 : ellipsis].rstrip().endswith(";")
        end = _before_next_clause(text, c + 1, end)
        announced = w.announced.search(head)
        out.append((Span(c + 1, end), open_list, int(announced["n"]) if announced else None))
    # "Xây dựng mô hình: duy trì các mô hình như: A, B": the inner list is the list.
    # The lists are in the order of their colons: the nearest that starts after a list is the one
    # that may start inside it (a check per list, not per pair).
    starts = [o[0].start for o in out]
    inner = []
    for o in out:
        k = bisect.bisect_right(starts, o[0].start + 1)
        inner.append(k < len(starts) and starts[k] - 1 < o[0].end)
    out = [o for o, nested in zip(out, inner, strict=True) if not nested]
    if not out:
        for m in w.list_without_colon.finditer(text, sentence.start, sentence.end):
            ellipsis = _ELLIPSIS.search(text, m.end(), sentence.end)
            end = ellipsis.start() if ellipsis else sentence.end
            # The list ends where its last item does: before a verb ("… tiếp tục được duy trì").
            stop = w.title_end.search(text, m.end(), end)
            end = _before_next_clause(text, m.end(), stop.start() if stop else end)
            out.append((Span(m.end(), end), False, None))
    return out


_HEAD_CHARS = 400


def _announces_list(head: str) -> bool:
    """Whether a clause ending in a colon announces a list of models.

    "các mô hình tiêu biểu:", "03 mô hình mới gồm:", "nhiều mô hình hay được khen thưởng như:": a plural
    trigger, then a few words or a list word. Not "mô hình “5 có, 3 sạch” gồm:" (one model explained),
    "các mô hình sinh kế:" (a kind: its items are activities), "… ở tất cả các lĩnh vực như:" (the list
    is of another plural noun), "…, điển hình như:" (examples).
    """
    w = compiled()
    if w.example_end.search(head):
        return False
    last = None
    for m in w.plural_trigger.finditer(head):
        last = m
    if last is None:
        return False
    between = head[last.end() :]
    if w.kind_word.match(between):
        return False
    short = w.colon_after_trigger.search(head)
    if short is not None and short.start() <= last.end():
        return True  # "các mô hình tiêu biểu:"
    word = w.list_word_end.search(between)
    if word is None:
        return False
    between = between[: word.start()]
    if len(between.split()) > w.max_words_before_list_colon:
        return False
    # Another plural noun is the list's head ("… các lĩnh vực như:"), unless an exemplar's trigger
    # follows it ("nhiều mô hình mới, nhiều cá nhân điển hình tiêu biểu như:").
    return all(
        w.trigger.search(" ".join(between[m.end() :].split()[:4])) for m in w.plural_marker.finditer(between)
    )


def _continuation_items(document: Document, paragraph: Span) -> list[Span] | None:
    """A paragraph after an open list, made only of "title của Owner" items: its items, else None."""
    text = document.text
    end = _trim_end(text, paragraph.start, paragraph.end)
    ellipsis = _ELLIPSIS.search(text, paragraph.start, end)
    if ellipsis:
        end = ellipsis.start()
    items = [s for s in _list_items(text, paragraph.start, end) if s.end > s.start]
    if not items:
        return None
    for item in items:
        split_at, owner, _ = _split_owner(text, item.start, item.end)
        if owner is None or split_at <= item.start:
            return None
        if not owner[0].isupper() and not opens_with_honorific(owner):
            return None
    return items


def _item_model(document: Document, item: Span) -> ModelMention | None:
    text = document.text
    lead = _LOWER_LEAD.match(text, item.start, item.end)
    q = quoted_at(text, lead.end() if lead else item.start, item.end)
    if q is not None and q.closed and (q.start == item.start or lead is not None):
        # "“Góp vốn xoay vòng” với tổng số vốn …": the quotation is the title, its "của" the owner;
        # "những buổi “Cà phê sáng” trao đổi …": a few lower-case words before it say what it is.
        owner, end = _owner_after_quote(text, q, item.end)
        title = _clean_title(text[q.content_start : q.content_end])
        return ModelMention(item.start, end, title, owner) if title else None
    title_end, owner, owner_end = _split_owner(text, item.start, item.end)
    title = _clean_title(text[item.start : title_end])
    if not title:
        return None
    return ModelMention(item.start, owner_end if owner else item.end, title, owner)


def _unnamed(text: str, item: Span, criteria: set[str]) -> bool:
    """An item that names no model: a kind ("mô hình sinh kế", "các mô hình an sinh xã hội": a trigger,
    plural or not, then lower-case words), or a criterion of a numbered name ("“3 có, 2 sạch”: có việc
    làm, …, sạch nhà" — the items open with the name's own words)."""
    w = compiled()
    plural = w.plural_trigger.match(text, item.start, item.end)
    kind = plural if plural is not None else w.trigger.match(text, item.start, item.end)
    if kind is not None and text[skip_space(text, kind.end(), item.end) : item.end][:1].islower():
        return not any(c in text[item.start : item.end] for c in OPENERS)
    first = regex.match(r"\w+", text[item.start : item.end])
    return first is not None and fold(first.group()) in criteria


def _introduces_campaign(text: str, item: Span, campaigns: list[Span]) -> bool:
    """An item made of a campaign and the lower-case words that introduce it ("hưởng ứng phong trào
    “Thành phố muôn sắc hoa”", "thực hiện cuộc vận động “…”"): the name is the campaign's, no model's.
    `campaigns` are the campaigns' spans, sorted."""
    at = bisect.bisect_left(campaigns, Span(item.start, item.start))
    if at == len(campaigns) or campaigns[at].end > item.end:
        return False
    lead = text[item.start : campaigns[at].start]
    return not any(ch.isupper() or ch in OPENERS for ch in lead)


def _criteria_words(text: str, start: int, end: int) -> set[str]:
    """The words numbered in a name before a list ("5 có, 3 sạch" → có, sạch): its criteria open with them."""
    return {fold(m["word"]) for m in _NUMBERED_WORD.finditer(text, start, end)}


def _labelled(document: Document, sentence: Span, campaigns: set[str]) -> list[ModelMention]:
    """ "Mô hình trồng sen: HTX Sen Việt, xã An Phú": an item (a sentence, or a ";" part of one) that opens
    with a singular trigger labels its title, and what the colon introduces is its owner and place."""
    text = document.text
    out: list[ModelMention] = []
    starts = [sentence.start] + [
        sentence.start + m.end() for m in regex.finditer(r";\s*", text[sentence.start : sentence.end])
    ]
    for at in starts:
        m = compiled().label.match(text, at, sentence.end)
        if m is None:
            continue
        title = _clean_title(m["title"])
        owner = " ".join(m["owner"].split())
        if not _is_title(title, campaigns) or len(title.split()) > 12 or len(owner.split()) > 10:
            continue
        if compiled().title_end.search(" " + title) or compiled().list_word_end.search(title):
            continue  # "Mô hình 5 có 3 sạch sẽ hoạt động với nhiều nội dung như: …" is a sentence
        out.append(ModelMention(m.start(), m.end("owner"), title, _owner(owner)))
    return out


def find_models(document: Document, found_campaigns: Sequence[Mention]) -> list[ModelMention]:
    campaigns = _campaign_keys(found_campaigns)
    campaign_spans = sorted(Span(c.start, c.end) for c in found_campaigns)
    text = document.text
    out: list[ModelMention] = []
    open_list = False
    list_paragraphs: set[int] = set()
    for sentence in document.content_sentences():
        labelled = _labelled(document, sentence, campaigns)
        out += labelled
        inline = [
            (mm, t)
            for mm, t in _inline(document, sentence, campaigns)
            if not any(lm.start <= mm.start < lm.end for lm in labelled)
        ]
        covered: list[Span] = []
        for span, is_open, announced in _list_spans(document, sentence):
            open_list = open_list or is_open
            list_paragraphs.add(document.paragraph_at(sentence.start).start)
            items = _split_joined(document.text, _list_items(document.text, span.start, span.end))
            criteria = _criteria_words(text, sentence.start, span.start)
            for item in _to_announced(document.text, items, announced):
                if _unnamed(text, item, criteria) or _introduces_campaign(text, item, campaign_spans):
                    continue
                starting = [
                    mm
                    for mm, t in inline
                    if item.start <= mm.start < item.end and t.start - item.start < _ITEM_LEAD
                ]
                if starting and document.text[item.start : starting[0].start].strip() == "":
                    continue  # "mô hình “X” …" items: the inline models stand for the item
                model = _item_model(document, item)
                if model is not None and _is_title(model.title, campaigns):
                    out.append(model)
                    covered.append(item)
        for mm, title_span in inline:
            if any(c.start <= title_span.start < c.end for c in covered):
                continue
            out.append(mm)
    if open_list:
        out.extend(_continuations(document, list_paragraphs, campaigns, out))
    out.sort(key=lambda mm: (mm.start, mm.end))
    return out


def _continuations(
    document: Document, seen: set[int], campaigns: set[str], found: list[ModelMention]
) -> list[ModelMention]:
    """Items of the paragraphs that continue an open list; inline models inside them give way."""
    first_list = min(seen)
    out: list[ModelMention] = []
    items_taken: list[Span] = []
    for paragraph in document.paragraphs:
        if paragraph.start <= first_list or paragraph.start in seen:
            continue
        if document.in_furniture(paragraph.start, paragraph.end):
            continue
        for item in _continuation_items(document, paragraph) or []:
            model = _item_model(document, item)
            if model is None or _key(model.title) in campaigns:
                continue
            out.append(model)
            items_taken.append(item)
    found[:] = [m for m in found if not any(i.start <= m.start < i.end for i in items_taken)]
    return out


def extract(document: Document, found: Findings) -> list[Mention]:
    return [
        Mention(KIND, m.start, m.end, {"title": m.title, "owner": m.owner})
        for m in find_models(document, found["campaign"])
    ]
