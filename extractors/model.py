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
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extractors import campaign as campaign_extractor
from extractors import official as official_extractor
from extractors.base import Mention
from extractors.quotes import OPENERS, Quote, quoted_at, unquote
from pipeline.document import Document
from pipeline.resources import load_yaml
from pipeline.spans import Span, skip_space
from pipeline.textnorm import fold, tolerant_alternation

KIND = "model"
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
# "“A” và “B”" as one item of a list: two titles.
_QUOTES_JOINED = regex.compile(r"(?<=[”\"»’])\s*(?:,\s*)?và\s+(?=[“\"«‘])", regex.VERSION1)


@dataclass(frozen=True)
class _Words:
    trigger: regex.Pattern[str]
    colon_after_trigger: regex.Pattern[str]
    colon_after_list_word: regex.Pattern[str]
    owner_verb: regex.Pattern[str]
    owner_verb_before: regex.Pattern[str]
    owner_opener: regex.Pattern[str]
    address_after_comma: regex.Pattern[str]
    trailing_verbs: regex.Pattern[str]
    owner_prefix: regex.Pattern[str]
    owner_marker: regex.Pattern[str]
    by_owner_end: regex.Pattern[str]
    title_end: regex.Pattern[str]
    leading_trigger: regex.Pattern[str]
    modifiers_before_quote: regex.Pattern[str]
    modifier_stop: regex.Pattern[str]
    list_without_colon: regex.Pattern[str]
    trigger_pair: regex.Pattern[str]
    and_title: regex.Pattern[str]
    announced: regex.Pattern[str]


@cache
def _words() -> _Words:
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
    return _Words(
        trigger=regex.compile(rf"(?<!\w)(?:{trig})(?!\w)", _FLAGS),
        # "… và Tiếp sức người bệnh nghèo": "và" before a capitalised or quoted title, or a trigger.
        and_title=regex.compile(rf"\s+và\s+(?=[“\"«‘]|(?-i:\p{{Lu}})|(?:{trig})(?!\w))", _FLAGS),
        # "03 mô hình mới gồm:": the number of models a list announces.
        announced=regex.compile(rf"(?<![\d.,])(?P<n>\d{{1,2}})\s+(?:{trig})(?!\w)", _FLAGS),
        colon_after_trigger=regex.compile(rf"(?<!\w)(?:{trig})(?:,?\s+(?-i:\p{{Ll}}+)){{0,{n}}}\s*$", _FLAGS),
        colon_after_list_word=regex.compile(rf"(?<!\w)(?:{alt(data['list_words'])})\s*$", _FLAGS),
        owner_verb=regex.compile(rf"\s(?:{verbs})\s+(?=(?:{trig})(?!\w)|[“\"«‘])", _FLAGS),
        owner_verb_before=regex.compile(rf"(?:^|\s)(?:{verbs})\s+$", _FLAGS),
        owner_opener=regex.compile(rf"(?:[:;.,]|(?<!\w)(?:{alt(data['owner_openers'])})(?!\w))", _FLAGS),
        address_after_comma=regex.compile(rf"\s*(?:{alt(data['address_levels'])})\s+(?-i:\p{{Lu}})", _FLAGS),
        trailing_verbs=regex.compile(rf"(?:\s+(?:{alt(data['owner_trailing_verbs'])}))+\s*$", _FLAGS),
        owner_prefix=regex.compile(rf"^(?:{tolerant_alternation(data['owner_prefixes'])})\s+", _FLAGS),
        owner_marker=regex.compile(r"\s+(?:của|(?P<by>do))\s+", _FLAGS),
        # Lower-case as written: "Ban Vận động …" is a name, "… vận động lắp đặt" a verb.
        by_owner_end=regex.compile(rf"\s(?:{alt(by_owner_ends)})(?!\w)", regex.VERSION1),
        title_end=regex.compile(rf"\s(?:{tolerant_alternation(data['title_end_words'])})(?!\w)", _FLAGS),
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
        trigger_pair=regex.compile(rf"\s*,\s*(?:{trig})(?!\w)", _FLAGS),
    )


@dataclass(frozen=True)
class ModelMention:
    start: int
    end: int
    title: str
    owner: str | None


def _clean_title(raw: str) -> str:
    title = unquote(raw)
    title = _words().leading_trigger.sub("", title)
    return title.strip(" .,;:…-–")


def _campaign_keys(document: Document) -> set[str]:
    names = [c.name for c in campaign_extractor.find_campaigns(document)]
    names += list(campaign_extractor.known_campaign_names())
    return {_key(n) for n in names}


def _key(text: str) -> str:
    return fold(regex.sub(r"[^\w\s]", " ", text))


def _owner(raw: str) -> str | None:
    """An owner as credited: honorific dropped, a person's titles cut, "Tập thể" dropped."""
    owner = " ".join(raw.split()).strip(" .,;:…")
    owner = _words().owner_prefix.sub("", owner)
    person = official_extractor.person_name(owner)
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
    for m in _words().owner_marker.finditer(text, start, end):
        last = m
    if last is None or last.start() <= start:
        return end, None, end
    owner_end = end
    for comma in regex.finditer(",", text[last.end() : end]):
        at = last.end() + comma.start()
        if not _words().address_after_comma.match(text, at + 1, end):
            owner_end = at  # "của Chi đoàn ấp Cây Điệp, tổng kinh phí …"; ", xã Ea Kly" goes on
            break
    if last["by"]:
        if not text[last.end() : last.end() + 1].isupper():
            return end, None, end
        verb = _words().by_owner_end.search(text, last.end(), end)
        owner_end = _trim_end(text, last.end(), verb.start()) if verb else end
    owner = _owner(text[last.end() : owner_end])
    if owner is None:
        return end, None, end
    return last.start(), owner, owner_end


def _owner_before(
    text: str, floor: int, verb_start: int, sentence_end: int | None = None
) -> tuple[int, str] | None:
    """ "Khối vận phường thực hiện …": the noun phrase between the clause start and the verb."""
    w = _words()
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
        person = official_extractor.person_name(text[before : openers[-1].start()].strip())
        if person is not None:
            return before, person
    start = openers[-1].end() if openers else floor
    while start < verb_start and text[start].isspace():
        start += 1
    if verb_start - start > _OWNER_WINDOW:
        return None  # far longer than the 20 words an owner may have
    raw = w.trailing_verbs.sub("", text[start:verb_start])
    if not raw.strip() or not raw.strip()[0].isupper() or len(raw.split()) > 20:
        return None
    owner = _owner(raw)
    return (start, owner) if owner else None


@lru_cache(maxsize=64)
def _sentence_openers(text: str, start: int, end: int) -> tuple[list[int], list[regex.Match[str]]]:
    found = list(_words().owner_opener.finditer(text, start, end))
    return [m.end() for m in found], found


def _unquoted_title_end(text: str, start: int, limit: int) -> int:
    w = _words()
    end = limit
    semi = text.find(";", start, limit)
    if semi >= 0:
        end = semi
    stop = w.title_end.search(text, start, end)
    if stop:
        end = stop.start()
    return end


def _inline(document: Document, sentence: Span, campaigns: set[str]) -> list[tuple[ModelMention, Span]]:
    """Trigger + quoted or capitalised title, and owner-verb + quoted title; with the title's own span."""
    text = document.text
    w = _words()
    out: list[tuple[ModelMention, Span]] = []
    starts: list[tuple[int, int]] = []
    for m in w.trigger.finditer(text, sentence.start, sentence.end):
        after = m.end()
        more = w.trigger_pair.match(text, after, sentence.end)
        if more:
            after = more.end()
        # "điển hình tiên tiến “…”", "mô hình điểm “…”": a few lower-case words before the quote.
        modifiers = w.modifiers_before_quote.match(text, after, sentence.end)
        if modifiers and not w.modifier_stop.search(text, after, modifiers.end()):
            after = modifiers.end()
        starts.append((m.start(), after))
    for m in w.owner_verb.finditer(text, sentence.start, sentence.end):
        if text[m.end()] in OPENERS:
            starts.append((m.end(), m.end()))
    for trigger_start, after in sorted(set(starts)):
        q: Quote | None = quoted_at(text, after, sentence.end)
        if q is not None:
            out += _quoted_chain(document, sentence, trigger_start, q, campaigns)
            continue
        at = after
        while at < sentence.end and text[at] in " \t\n":
            at += 1
        if at >= sentence.end or not text[at].isupper() or text.count("\n", after, at) > 1:
            continue
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


def _is_title(title: str, campaigns: set[str]) -> bool:
    key = _key(title)
    return bool(title) and key not in campaigns and not any(key.startswith(c + " ") for c in campaigns)


def _owner_before_trigger(
    text: str, sentence: Span, trigger_start: int, start: int
) -> tuple[int, str | None]:
    """ "X thực hiện mô hình …", "X ra mắt “…”": the owner before the verb, and where it starts."""
    # The verb stands right before the trigger (the pattern ends at it): read a window, not the sentence.
    window = max(sentence.start, trigger_start - _VERB_WINDOW)
    verb = _words().owner_verb_before.search(text, window, trigger_start)
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
    while q is not None:
        title = _clean_title(text[q.content_start : q.content_end])
        if not _is_title(title, campaigns):
            # mô hình “Dân vận khéo” “Ngày thứ Bảy cùng dân”: the type, then the title.
            following = quoted_at(text, q.end, sentence.end)
            if following is not None and not text[q.end : following.start].strip():
                q = following
                continue
        tail_end = _unquoted_title_end(text, q.end, min(sentence.end, q.end + _TAIL_WINDOW))
        nxt = _NEXT_QUOTE.search(text, q.end, tail_end)
        if nxt:
            tail_end = nxt.start()
        owner, end = _owner_after_quote(text, q, tail_end)
        if _is_title(title, campaigns):
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


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n.,;:…":
        end -= 1
    return end


def _list_items(text: str, start: int, end: int) -> list[Span]:
    """Items of a list in text[start:end): ";"-separated, or ","-separated when it has no ";"."""
    body = text[start:end]
    sep = ";" if ";" in body else ","
    items: list[Span] = []
    pos = start
    for part in body.split(sep):
        s, e = pos, pos + len(part)
        pos = e + 1
        while s < e and text[s] in " \t\n":
            s += 1
        e = _trim_end(text, s, e)
        if e > s:
            items.append(Span(s, e))
    return items


def _to_announced(text: str, items: list[Span], announced: int | None) -> list[Span]:
    """Fewer items than the text announces ("03 mô hình gồm: A; B và C"): the last are joined by "và"."""
    if announced is None or len(items) >= announced:
        return items
    out = list(items)
    while len(out) < announced:
        last = out[-1]
        cut = None
        for m in _words().and_title.finditer(text, last.start, last.end):
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
    w = _words()
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
    w = _words()
    out: list[tuple[Span, bool, int | None]] = []
    for colon in regex.finditer(r":", text[sentence.start : sentence.end]):
        c = sentence.start + colon.start()
        clause_start = max(sentence.start, text.rfind(";", sentence.start, c) + 1)
        head = text[clause_start:c]
        is_list = bool(w.colon_after_trigger.search(head)) or (
            bool(w.colon_after_list_word.search(head)) and bool(w.trigger.search(head))
        )
        if not is_list:
            continue
        ellipsis = _ELLIPSIS.search(text, c + 1, sentence.end)
        end = ellipsis.start() if ellipsis else sentence.end
        open_list = bool(ellipsis) and text[c + 1 : ellipsis.start()].rstrip().endswith(";")
        end = _before_next_clause(text, c + 1, end)
        announced = w.announced.search(head)
        out.append((Span(c + 1, end), open_list, int(announced["n"]) if announced else None))
    # "Xây dựng mô hình: duy trì các mô hình như: A, B": the inner list is the list.
    out = [o for o in out if not any(o[0].start < other[0].start - 1 < o[0].end for other in out)]
    if not out:
        for m in w.list_without_colon.finditer(text, sentence.start, sentence.end):
            ellipsis = _ELLIPSIS.search(text, m.end(), sentence.end)
            end = ellipsis.start() if ellipsis else sentence.end
            # The list ends where its last item does: before a verb ("… tiếp tục được duy trì").
            stop = w.title_end.search(text, m.end(), end)
            end = _before_next_clause(text, m.end(), stop.start() if stop else end)
            out.append((Span(m.end(), end), False, None))
    return out


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
        if not owner[0].isupper() and not official_extractor.opens_with_honorific(owner):
            return None
    return items


def _item_model(document: Document, item: Span) -> ModelMention | None:
    text = document.text
    q = quoted_at(text, item.start, item.end)
    if q is not None and q.start == item.start and q.closed:
        # "“Góp vốn xoay vòng” với tổng số vốn …": the quotation is the title, its "của" the owner.
        owner, end = _owner_after_quote(text, q, item.end)
        title = _clean_title(text[q.content_start : q.content_end])
        return ModelMention(item.start, end, title, owner) if title else None
    title_end, owner, owner_end = _split_owner(text, item.start, item.end)
    title = _clean_title(text[item.start : title_end])
    if not title:
        return None
    return ModelMention(item.start, owner_end if owner else item.end, title, owner)


def find_models(document: Document) -> list[ModelMention]:
    campaigns = _campaign_keys(document)
    out: list[ModelMention] = []
    open_list = False
    list_paragraphs: set[int] = set()
    for sentence in document.content_sentences():
        inline = _inline(document, sentence, campaigns)
        covered: list[Span] = []
        for span, is_open, announced in _list_spans(document, sentence):
            open_list = open_list or is_open
            list_paragraphs.add(document.paragraph_at(sentence.start).start)
            items = _split_joined(document.text, _list_items(document.text, span.start, span.end))
            for item in _to_announced(document.text, items, announced):
                starting = [
                    mm
                    for mm, t in inline
                    if item.start <= mm.start < item.end and t.start - item.start < _ITEM_LEAD
                ]
                if starting and document.text[item.start : starting[0].start].strip() == "":
                    continue  # "mô hình “X” …" items: the inline models stand for the item
                model = _item_model(document, item)
                if model is not None:
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


def extract(document: Document) -> list[Mention]:
    return [
        Mention(KIND, m.start, m.end, {"title": m.title, "owner": m.owner}) for m in find_models(document)
    ]
