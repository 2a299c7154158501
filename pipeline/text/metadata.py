"""Article metadata: title, published date, authors, and the page furniture.

Everything here works on lines of the normalised text and returns spans into
it, so that the date on a dateline stays a date record while the view counter
beside it is furniture, and author names can be kept out of the officials.
Patterns live in `pipeline/data/metadata.yaml` and `pipeline/data/furniture.yaml`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import regex

from bantin.pipeline.text.names import surname_with_middle_name
from bantin.pipeline.text.resources import load_yaml
from bantin.pipeline.text.segment import _TERMINAL
from bantin.pipeline.text.spans import Span, strip_span

_INITIAL = regex.compile(r"\p{Lu}\.?", regex.VERSION1)
# A signature of an initial and a name in capitals, with no space: "N.MINH", "T.NGUYỆT".
_INITIAL_CAPS = regex.compile(r"\p{Lu}\.\s?\p{Lu}{2,}$", regex.VERSION1)
# What a label line ("Biên tập", "Tác giả:") may be followed by: a short line, capitalised, no full stop.
_SIGNED_AS_WRITTEN = regex.compile(r"\p{Lu}[^.!?:\d\n]{1,40}$", regex.VERSION1)
_DIGITS_OF_A_YEAR = regex.compile(r"\d{4,}", regex.VERSION1)  # where a dateline's `(?P<y>\d{4})` can be
_NAME_START = regex.compile(r"\p{Lu}\p{Ll}+(?=\s*$|\s*[.,]?$)", regex.VERSION1)


@dataclass
class Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class Metadata:
    title: str | None = None
    title_span: Span | None = None
    published: dt.date | None = None
    dateline_span: Span | None = None
    authors: list[str] = field(default_factory=list)
    author_spans: list[Span] = field(default_factory=list)
    furniture: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class _Compiled:
    line: regex.Pattern[str]  # any of the file's patterns
    block_start: regex.Pattern[str]  # any of the file's patterns
    tail_block_start: regex.Pattern[str]  # any of the file's patterns
    block_item: regex.Pattern[str]  # any of the file's patterns
    inline: tuple[regex.Pattern[str], ...]
    dateline: regex.Pattern[str]
    inline_label: regex.Pattern[str]
    byline: regex.Pattern[str]
    byline_part: regex.Pattern[str]
    photo_credit: regex.Pattern[str]
    caption_credit: regex.Pattern[str]
    not_person_credits: frozenset[str]
    editorial_signatures: frozenset[str]
    name_separators: regex.Pattern[str]
    signature: regex.Pattern[str]
    signature_last_line: regex.Pattern[str]
    organisation_signature: regex.Pattern[str]
    label_line: regex.Pattern[str]
    signature_tail_share: float
    title_max_chars: int
    unit_words: regex.Pattern[str]
    site_header: tuple[regex.Pattern[str], ...]
    header_date: regex.Pattern[str]
    header_caps_max_words: int
    section_label_max_words: int
    lead_opening: regex.Pattern[str]
    title_with_stop_max_chars: int
    caption_opening: regex.Pattern[str]


@cache
def compiled() -> _Compiled:
    furn = load_yaml("pipeline", "furniture.yaml")
    meta = load_yaml("pipeline", "metadata.yaml")
    flags = regex.IGNORECASE | regex.VERSION1

    def compile_all(items: list[str]) -> tuple[regex.Pattern[str], ...]:
        return tuple(regex.compile(p, flags) for p in items)

    def compile_any(items: list[str]) -> regex.Pattern[str]:
        # One search for a line, not one per pattern: a page of 100,000 short lines tests each.
        return regex.compile("|".join(f"(?:{p})" for p in items), flags)

    def alternation(items: list[str]) -> str:
        # Longest first, and a space stands for any spacing ("Tin,ảnh", "Tin , ảnh").
        return "|".join(regex.escape(p).replace(r"\ ", r"\s*") for p in sorted(items, key=len, reverse=True))

    weekday = alternation(meta["weekdays"])
    prefix = alternation(meta["byline_prefixes"])
    label = alternation(meta["dateline_labels"])
    role = alternation(meta["credit_roles"])
    outlet = meta["signature_outlet"]
    dateline = (
        "".join(pattern for part in meta["dateline_parts"] for pattern in part.values())
        .replace("{weekday}", weekday)
        .replace("{label}", label)
        .replace("{counter}", alternation(meta["counter_labels"]))
        .replace("{caps_names}", meta["caps_names"])
        .replace("{title_names}", meta["title_names"])
        .replace("{date}", meta["date"])
    )
    return _Compiled(
        line=compile_any(furn["line_patterns"]),
        block_start=compile_any(furn["block_starters"]),
        tail_block_start=compile_any(furn["tail_block_starters"]),
        block_item=compile_any(furn["block_item_patterns"]),
        inline=compile_all(furn["inline_patterns"]),
        # Matched with `.match`, which anchors it, and unanchored otherwise: it also matches from an
        # offset in a line (a dateline ending a title's line, see `_trailing_dateline`).
        dateline=regex.compile(dateline.replace("{time}", meta["time"]), flags),
        inline_label=regex.compile(rf"\s[-|–]?\s*(?:{label})\s*:?\s*(?=\d)", flags),
        byline=regex.compile(meta["byline"].replace("{prefix}", prefix).replace("{role}", role), flags),
        byline_part=regex.compile(rf"(?:\s[-–]\s|\s*,\s*)(?=(?:{prefix})\s*:)", flags),
        photo_credit=regex.compile(meta["photo_credit"].replace("{role}", role), flags),
        caption_credit=regex.compile(meta["caption_credit"].replace("{role}", role), regex.VERSION1),
        not_person_credits=frozenset(c.casefold() for c in meta["not_person_credits"]),
        editorial_signatures=frozenset(meta["editorial_signatures"]),
        name_separators=regex.compile(meta["name_separators"], flags),
        # Case matters in these: a name is told by its capitals, a role by its own ("CTV", "Phóng viên").
        signature=regex.compile(meta["signature"].replace("{role}", role).replace("{outlet}", outlet)),
        signature_last_line=regex.compile(
            meta["signature_last_line"]
            .replace("{role}", role)
            .replace("{outlet}", outlet)
            .replace("{n}", meta["name_in_signature"])
            .replace("{w}", meta["name_word"])
        ),
        organisation_signature=regex.compile(
            meta["organisation_signature"]
            .replace("{named_kind}", alternation(meta["named_organisation_kinds"]))
            .replace("{kind}", alternation(meta["organisation_kinds"]))
            .replace("{level}", alternation(meta["organisation_levels"]))
            .replace("{place}", meta["organisation_place"]),
            regex.VERSION1,
        ),
        label_line=regex.compile(rf"^(?:{prefix})\s*:?$", flags),
        signature_tail_share=float(meta["signature_tail_share"]),
        title_max_chars=int(meta["title_max_chars"]),
        unit_words=regex.compile(rf"(?:{alternation(meta['unit_words'])})(?!\w)", flags),
        site_header=compile_all(meta["site_header_lines"]),
        header_date=regex.compile(meta["header_date_line"], flags),
        header_caps_max_words=int(meta["header_caps_max_words"]),
        section_label_max_words=int(meta["section_label_max_words"]),
        lead_opening=regex.compile(meta["lead_opening"], flags),
        title_with_stop_max_chars=int(meta["title_with_stop_max_chars"]),
        caption_opening=regex.compile(rf"(?:{alternation(meta['caption_openings'])})(?!\w)", flags),
    )


def split_lines(text: str) -> list[Line]:
    """Every line with its offsets; `text` is the stripped content, offsets cover it exactly."""
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        # As `strip_span` (str.strip drops the same `isspace` characters), without its loops.
        stripped = raw.strip()
        start = pos + len(raw) - len(raw.lstrip())
        out.append(Line(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _searched(pattern: regex.Pattern[str]) -> Callable[[str], bool]:
    """Whether `pattern.search(text)` finds anything, remembered by text (for one pass over a page)."""
    seen: dict[str, bool] = {}

    def search(text: str) -> bool:
        found = seen.get(text)
        if found is None:
            found = seen[text] = pattern.search(text) is not None
        return found

    return search


def _furniture_lines(lines: list[Line], pats: _Compiled) -> set[int]:
    """Indexes of lines that are furniture: single lines, blocks, and what a tail block starter ends."""
    out: set[int] = set()
    in_block = False
    # Each pattern's answer for a line's text, remembered for the pass: a page repeats its lines
    # (separators, bullets, "a\n" a hundred thousand times), each a search of every pattern.
    tail_start, furniture_line = _searched(pats.tail_block_start), _searched(pats.line)
    block_start, block_item = _searched(pats.block_start), _searched(pats.block_item)
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if 2 * i >= len(lines) and tail_start(line.text):
            out.update(range(i, len(lines)))
            break
        is_line = furniture_line(line.text)
        if block_start(line.text):
            in_block = True
            out.add(i)
            continue
        if in_block and (is_line or block_item(line.text)):
            out.add(i)
            continue
        in_block = False
        if is_line:
            out.add(i)
    return out


@dataclass(frozen=True)
class _Dateline:
    day: dt.date
    counters: Span | None  # view counters: furniture
    byline: Span | None  # writers in capitals before the date
    has_weekday: bool
    has_time: bool


def _parse_dateline(line: Line, pats: _Compiled, at: int = 0) -> _Dateline | None:
    """The line's date, counters and byline when the line (from `at` on) is a dateline."""
    m = pats.dateline.match(line.text, at)
    if not m:
        return None
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    counters = byline = None
    if m["counters"] and m["counters"].strip():
        s = strip_span(line.text, m.start("counters"), m.end("counters"))
        counters = Span(line.start + s.start, line.start + s.end)
    if m["byline"]:
        byline = Span(line.start + m.start("byline"), line.start + m.end("byline"))
    return _Dateline(day, counters, byline, bool(m["weekday"]), bool(m["time"]))


def extract_metadata(text: str) -> Metadata:
    """Title, published date, authors and furniture of one article."""
    pats = compiled()
    lines = split_lines(text)
    meta = Metadata()
    furniture_idx = _furniture_lines(lines, pats)
    content = [i for i, ln in enumerate(lines) if not ln.blank and i not in furniture_idx]
    if content and pats.header_date.match(lines[content[0]].text):
        # "Hải Phòng, ngày 21 tháng 01 năm 2020" heading the page: the site's date, like a header date.
        furniture_idx.add(content.pop(0))

    # Head of the article: header date, title, dateline.
    head = content[:8]
    dateline_at: int | None = None
    dateline_byline: Span | None = None
    parsed_head = [(pos, i, _parse_dateline(lines[i], pats)) for pos, i in enumerate(head)]
    candidates = [pos for pos, _, parsed in parsed_head if parsed is not None]
    for pos, i, parsed in parsed_head:
        if parsed is None:
            continue
        before = [j for _, j, other in parsed_head[:pos] if other is None]
        later = any(c > pos for c in candidates)
        opening = not before and pos + 1 < len(head)
        if not parsed.has_time and (later or (opening and not _own_date(parsed, text, i, lines))):
            # A date opening the page that is not the article's own, or one with the article's
            # dateline still to come (after the portal's name), is the site header's today-date.
            furniture_idx.add(i)
            continue
        dateline_at = i
        meta.published = parsed.day
        meta.dateline_span = Span(lines[i].start, lines[i].end)
        if parsed.counters:
            meta.furniture.append(parsed.counters)
        dateline_byline = parsed.byline
        break
    content = [i for i in content if i not in furniture_idx]
    title_at, byline_lines = _find_title(lines, content, dateline_at, pats)
    if title_at is not None:
        meta.title_span = Span(lines[title_at].start, lines[title_at].end)
    if dateline_at is None:
        # "Ngày hội … xã Phong Hải năm 2014 Ngày cập nhật 22/11/2014": the dateline ends the title's line.
        for i in head:
            found = _trailing_dateline(lines[i], pats)
            if found is not None:
                meta.title_span, meta.dateline_span, parsed = found
                meta.published = parsed.day
                if parsed.counters:
                    meta.furniture.append(parsed.counters)
                break
    if meta.title_span is not None:
        meta.title = " ".join(text[meta.title_span.start : meta.title_span.end].split())

    for line in lines:
        if line.blank:
            continue
        for p in pats.inline:
            for m in p.finditer(line.text):
                meta.furniture.append(Span(line.start + m.start(), line.start + m.end()))
    meta.furniture.extend(Span(lines[i].start, lines[i].end) for i in sorted(furniture_idx))
    meta.furniture = _merge(meta.furniture)

    bylines = [Span(lines[i].start, lines[i].end) for i in byline_lines]
    if dateline_byline is not None:
        bylines.append(dateline_byline)
    _find_authors(text, lines, content, bylines, pats, meta)
    return meta


def _trailing_dateline(line: Line, pats: _Compiled) -> tuple[Span, Span, _Dateline] | None:
    """(title, dateline, its parse) of a head line that ends with a labelled dateline."""
    text = line.text
    # Read by offsets, not slices: a 200 KB one-line page holds thousands of labels ("ngày 1/1, …"),
    # and a copy of the line at each would be quadratic.
    titled = False  # the text before a label has 3 words or more (then so has the text before a later one)
    # Every dateline holds a year of four digits: past the last place one can begin, none is read.
    last_year = max((m.end() - 4 for m in _DIGITS_OF_A_YEAR.finditer(text)), default=-1)
    for m in pats.inline_label.finditer(text):
        if m.start() > last_year:
            break
        title_end = m.start()
        while title_end > 0 and text[title_end - 1] in " -|–:":
            title_end -= 1
        titled = titled or len(text[:title_end].split()) >= 3
        if not titled:
            continue
        at = m.start()
        while at < len(text) and text[at] in " -|–":
            at += 1
        parsed = _parse_dateline(line, pats, at)
        if parsed is not None:
            return Span(line.start, line.start + title_end), Span(line.start + at, line.end), parsed
    return None


_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _own_date(dateline: _Dateline, text: str, at: int, lines: list[Line]) -> bool:
    """Whether a date alone on the page's first line is the article's own, by the years the rest of
    the text names: a site header's today-date ("Thứ hai, 26/09/2022", with its weekday) is the
    article's only when the article is of its year (or plans the next); a bare date ("09/12/2022")
    is, unless the article is older than the year before ("Năm 2011, …")."""
    years = [int(m.group()) for m in _YEAR.finditer(text, lines[at].end)]
    year = dateline.day.year
    if dateline.has_weekday:
        return bool(years) and year <= max(years) <= year + 1
    return not years or max(years) >= year - 1


_SENTENCE_STOP = ".!?…"
_INNER_SENTENCE_BREAK = regex.compile(r"[.!?…]\s+\p{Lu}", regex.VERSION1)


def _is_prose(lines: list[Line], i: int, pats: _Compiled) -> bool:
    """Whether content line `i` is the article's running text, which no title is."""
    text = lines[i].text
    if len(text) > pats.title_max_chars or pats.lead_opening.match(text):
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    adjacent = nxt is not None and not nxt.blank
    if adjacent and nxt is not None and text[-1] not in _TERMINAL and nxt.text[0].islower():
        return True  # a hard-wrapped paragraph goes on in lower case
    if text[-1] in _SENTENCE_STOP:
        # A title may end with a full stop: one short sentence standing on its own.
        return (
            len(text) > pats.title_with_stop_max_chars
            or bool(_INNER_SENTENCE_BREAK.search(text))
            or nxt is None
            or (adjacent and pats.dateline.match(nxt.text) is None)
        )
    return False


def _find_title(
    lines: list[Line], content: list[int], dateline_at: int | None, pats: _Compiled
) -> tuple[int | None, list[int]]:
    """The title's line and the head's bare bylines ("Thùy Linh- Mạnh Thường" under the title).

    The title is looked for in the head, the lines before the running text: the site's header lines
    (its name, a section label, the front's or the ward's name in capitals) come before it, a bare
    byline or a repeat of it may come after it, and so may the dateline, or the dateline before it.
    """
    head: list[int] = []
    for i in content[:8]:
        if i != dateline_at and _is_prose(lines, i, pats):
            break
        head.append(i)
    if dateline_at is not None and dateline_at not in head:
        head = [i for i in head if i < dateline_at]
    cands = [i for i in head if i != dateline_at and pats.dateline.match(lines[i].text) is None]
    cands = [i for i in cands if any(ch.isalpha() for ch in lines[i].text)]
    above = dateline_at is not None and any(i < dateline_at for i in cands)
    if dateline_at is not None:
        # The title is above the dateline, or else right under it.
        cands = [i for i in cands if (i < dateline_at) == above]
    # The site's lines (its name, a breadcrumb, a section) are never the title; a short label or a
    # line in capitals is the site's header when another head line follows it.
    cands = [i for i in cands if not any(p.search(lines[i].text) for p in pats.site_header)]
    cands = [i for i in cands if not pats.caption_opening.match(lines[i].text)]
    while len(cands) > 1 and _header_like(lines[cands[0]].text, pats):
        if any(lines[i].text == lines[cands[0]].text for i in cands[1:]):
            break  # a short title printed twice ("Tiếp xúc cử tri" over its repeat) is no section label
        cands.pop(0)
    bylines = [i for pos, i in enumerate(cands) if pos > 0 and _bare_names(lines[i].text, pats)]
    cands = [i for i in cands if i not in bylines]
    if not cands:
        return None, bylines
    return (cands[-1] if above else cands[0]), bylines


def _header_like(text: str, pats: _Compiled) -> bool:
    words = text.split()
    if len(words) <= pats.section_label_max_words:
        return True
    return len(words) <= pats.header_caps_max_words and not any(ch.islower() for ch in text)


def _bare_names(text: str, pats: _Compiled) -> list[str]:
    """The names of a line that holds only people's names ("Nguyễn Đại", "Thùy Linh- Mạnh Thường")."""
    if any(ch.isdigit() for ch in text) or len(text) > 80:
        return []
    names = _split_names(text, pats)
    for name in names:
        words = name.split()
        if not 2 <= len(words) <= 5 or not all(w[0].isupper() for w in words) or pats.unit_words.match(name):
            return []
    return names


def _split_names(raw: str, pats: _Compiled) -> list[str]:
    """The names of a credit; the writer's unit after the first name is left out."""
    names = [n.strip(" .") for n in pats.name_separators.split(raw) if n and n.strip(" .")]
    return [n for k, n in enumerate(names) if k == 0 or not _is_unit(n, pats)]


def _is_unit(part: str, pats: _Compiled) -> bool:
    return bool(pats.unit_words.match(part)) or any(w[0].islower() for w in part.split())


def _lowercase_middle_name(text: str) -> bool:
    """A signature whose middle name lost its capital ("Mai viết Tăng"): surname, middle name, name."""
    words = text.split()
    return (
        3 <= len(words) <= 4
        and words[0][0].isupper()
        and words[-1][0].isupper()
        and surname_with_middle_name(words, first=0) == 0
    )


def _find_authors(
    text: str, lines: list[Line], content: list[int], bylines: list[Span], pats: _Compiled, meta: Metadata
) -> None:
    seen: set[str] = set()

    def add(raw: str, start: int, whole: bool = False) -> None:
        """Each name of a credit; `whole`: one body's name, whose "&" or dash joins no two writers
        ("Trung tâm VHTT&TT Yên Thành", "Trung tâm Văn hóa - Thông tin huyện Yên Thành")."""
        pos = 0
        for name in [raw.strip(" .")] if whole else _split_names(raw, pats):
            at = raw.find(name, pos)
            pos = at + len(name)
            meta.author_spans.append(Span(start + at, start + at + len(name)))
            name = " ".join(name.split())  # a credit wrapped over two lines
            key = name.casefold()
            if key not in seen:
                seen.add(key)
                meta.authors.append(name)

    for span in bylines:
        add(text[span.start : span.end], span.start)
    for i in content:
        line = lines[i]
        part_start = 0
        for cut in [*pats.byline_part.finditer(line.text), None]:
            part_end = cut.start() if cut else len(line.text)
            m = pats.byline.match(line.text[part_start:part_end])  # "^" holds at the part's start
            if m and _credits_people(m["names"], pats):
                add(m["names"], line.start + part_start + m.start("names"))
            elif m and _organisation(m["names"], pats):
                add(m["names"], line.start + part_start + m.start("names"), whole=True)
            part_start = cut.end() if cut else part_end
    tail_from = int(len(lines) * (1 - pats.signature_tail_share))
    # A line with no letter or digit (a lone "." under the signature) signs nothing and ends nothing.
    signed = [i for i in content if any(ch.isalnum() for ch in lines[i].text)]
    for i in signed:
        if i < tail_from and i != signed[-1]:  # the last line signs however long the page's tail
            continue
        line = lines[i]
        m = pats.signature.match(line.text)
        if m and _is_unit(m["names"], pats):
            continue  # "TM. ỦY BAN NHÂN DÂN" signs for a body
        # One word alone signs only as "N.MINH": "TTXVN/VOV" and "CTV ABC" name no writer.
        spaced = m and (" " in m["names"] or _INITIAL_CAPS.match(m["names"]))
        if m and sum(ch.isalpha() for ch in line.text) >= 4 and spaced:
            add(m["names"], line.start + m.start("names"))
    if len(signed) > 2:
        last = lines[signed[-1]]
        before = lines[signed[-2]]
        m = pats.signature_last_line.match(last.text)
        named = pats.signature_last_line.match(before.text)
        if named and pats.organisation_signature.match(last.text):
            add(named["names"], before.start + named.start("names"))  # a name, then the writer's unit
        elif pats.label_line.match(before.text) and _SIGNED_AS_WRITTEN.match(last.text):
            add(last.text, last.start)  # "Biên tập\nPhụ nữ TST": the label, then who signs
        elif m:
            add(m["names"], last.start + m.start("names"))
        elif _organisation(last.text, pats):
            add(last.text, last.start, whole=True)  # "Đoàn thanh niên phường Hải Dương"
        elif last.text.rstrip(".") in pats.editorial_signatures:
            add(last.text.rstrip("."), last.start)
        elif _lowercase_middle_name(last.text):
            add(last.text, last.start)
    for m in pats.photo_credit.finditer(text):
        add(m["names"], m.start("names"))
    for pos, i in enumerate(content):
        line = lines[i]
        m = pats.caption_credit.search(line.text)
        if m is None:
            continue
        start, end = line.start + m.start("names"), line.start + m.end("names")
        nxt = lines[content[pos + 1]] if pos + 1 < len(content) else None
        # "Ảnh: P.\nThảo": a hard-wrapped credit whose name goes on at the next line's start.
        if _INITIAL.fullmatch(m["names"]) and nxt is not None and nxt.start == line.end + 1:
            word = _NAME_START.match(nxt.text)
            if word and text[end : line.end] in (".", ""):
                end = nxt.start + word.end()
        if _credits_people(" ".join(text[start:end].split()), pats):
            add(text[start:end], start)


def _organisation(raw: str, pats: _Compiled) -> bool:
    """Whether a credit is an organisation with its unit's name ("Đoàn thanh niên phường Hải Dương"):
    "Hội Nông dân thành phố" names no one body."""
    m = pats.organisation_signature.match(raw)
    return m is not None and m["place"] is not None


def _credits_people(raw: str, pats: _Compiled) -> bool:
    """Whether a credit names people: short names, every word capitalised ("Hữu Phước", "T.T").

    "Ảnh: Lãnh đạo xã trao giấy khen …" is a caption, "Ảnh: Internet" credits no person.
    """
    if raw.casefold() in pats.not_person_credits:
        return False
    names = _split_names(raw, pats)
    return bool(names) and all(
        len(name.split()) <= 5 and all(word[0].isupper() for word in name.split()) for name in names
    )


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans):
        if out and s.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out


def parse_dateline(text: str) -> dt.date | None:
    """The date of `text` when it is a dateline on its own (a page's date line under its heading)."""
    stripped = text.strip()
    parsed = _parse_dateline(Line(0, len(stripped), stripped), compiled())
    return parsed.day if parsed else None
