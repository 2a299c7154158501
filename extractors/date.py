"""Dates: days, months, quarters, half-years, years and ranges, resolved to ISO `from`/`to`.

Works in two passes over each sentence. First every date expression is found
as an *atom* (a day, a month, a quarter, the first/last N months of a year, a
year, a range of years); atoms joined by "-" or "đến" become one range. Then
atoms written without a year take it from context, by the guideline's order:
the nearest year in the same sentence (a range of days gives its last year, a
range of years, a period or term, none), else in
the same paragraph, else the article's publication year, else the year of the
last full date before it. Words around the forms live in extractors/data/date.yaml.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from functools import cache

import regex

from bantin.extractors.base import Findings, Mention
from bantin.extractors.numbers import parse_number, part_of_whole_at
from bantin.pipeline.text.document import Document
from bantin.pipeline.text.resources import alternation, load_yaml
from bantin.pipeline.text.spans import Span

# Patterns of single calls, compiled once (regex's cache lookup costs as much as a short match).
_NUMBER_WORD_BEFORE = regex.compile(r"(?<!\w)số\s*$")

KIND = "date"
NEEDS: tuple[str, ...] = ()
_FLAGS = regex.IGNORECASE | regex.VERSION1
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"\d{4}"
# Context windows, in characters: read once per match, a bounded window keeps a 200 KB sentence linear.
_NAME_HEAD_WINDOW = 60  # "Trường mầm non 20/10": the few words before a date where a name's head word stands
_DAY_CUE_WINDOW = 12  # "Sáng 2/9 khóm 3", "sáng ngày 2/9": a day cue (day_cues) and its spaces
_RANGE_OPENER_WINDOW = 20  # "từ ngày 17/7 - 31/7": the "từ", "từ ngày" or "từ tháng" that opens a range
# "từ ngày 17 đến ngày 31/7": the opening day and the words that join it to the closing day.
_OPEN_DAY_WINDOW = 40
# A number must not continue into digits or an identifier ("09/KH", "217/QĐ"); a dash after a
# full year opens the second date of a range written without spaces ("18/11/1930-18/11/2011").
# Written for the regex module's speed, as `(?<![\w/.,]|(?<!(?<!\d)\d{4})-)` reads: the digit it stands
# before is looked at first (else the lookbehinds are tried at every character of a sentence), and `\w`
# apart from the marks (a set mixing them is case-folded at each test: a microsecond a number).
_LEFT = r"(?=\d)(?<!\w)(?<![/.,])(?<!(?<!(?<!\d)\d{4})-)"
# A date ends at a non-word; "08/6,Đoàn" (no space after the comma) still ends it, "1/3,5" does not;
# "năm 2021.Về" (no space after the full stop) ends a sentence; a dash may open a range's full date.
_RIGHT = r"(?![\w]|/\w|\.(?!\p{Lu})\w|-(?!\d{1,2}/\d{1,2}/\d{4}(?!\d))\w|,\d)"


@dataclass(frozen=True)
class Atom:
    """One date expression; `year` is None until context gives it."""

    start: int
    end: int
    shape: str  # day, month, quarter, months_first, months_last, year, years
    day: int | None = None
    month: int | None = None
    year: int | None = None
    n: int | None = None  # quarter number, or the N of "N tháng đầu năm"
    year_to: int | None = None  # second year of a range of years
    end_atom: Atom | None = None  # the closing day/month of a day or month range
    year_inferred: bool = False
    until_now: bool = False  # "từ năm 2021 đến nay": the range closes on the publication date
    core: tuple[int, int] | None = None  # where "năm 2021" is in it, for an article with no date

    @property
    def has_year(self) -> bool:
        return self.year is not None and (self.end_atom is None or self.end_atom.year is not None)

    @property
    def last_year(self) -> int | None:
        """The year this expression gives to its context (a range gives its last year)."""
        if self.end_atom is not None and self.end_atom.year is not None:
            return self.end_atom.year
        return self.year_to if self.year_to is not None else self.year


@dataclass(frozen=True)
class _Compiled:
    patterns: tuple[tuple[str, regex.Pattern[str]], ...]
    range_join: regex.Pattern[str]
    range_open: regex.Pattern[str]
    open_day: regex.Pattern[str]
    name_heads: regex.Pattern[str]
    day_cue_before: regex.Pattern[str]
    fraction_after: regex.Pattern[str]
    quarters: dict[str, int]
    report_periods: frozenset[int]
    lunar_after: regex.Pattern[str]
    min_year: int
    max_year: int


@cache
def compiled() -> _Compiled:
    """extractors/data/date.yaml, compiled once per process."""
    data = load_yaml("extractors", "date.yaml")
    cues = alternation(data["day_cues"])
    periods = alternation(data["period_cues"])
    to = alternation(data["range_to"])
    dash = "".join(regex.escape(d) for d in data["range_dash"])
    first = alternation(data["half_first"] + data["half_last"])
    quarters = {str(k).casefold(): int(v) for k, v in data["quarters"].items()}
    q = alternation(list(data["quarters"]))
    num_word = r"\p{L}+"
    full = rf"{_LEFT}(?P<d>{_DAY})(?P<s>[/.\-])(?P<m>{_MONTH})(?P=s)(?P<y>{_YEAR}){_RIGHT}"
    # "ngày 12 tháng 7 năm 2023"; a blog's dateline writes the year after a comma, without "ngày"
    # ("Chủ Nhật, 17 tháng 11, 2013"): without the year "17 tháng" would be a length.
    spelled = (
        rf"(?:(?<!\w)ngày\s+(?P<d>{_DAY})\s+tháng\s+(?P<m>{_MONTH})(?:\s*(?:năm\s+|/\s*)(?P<y>{_YEAR}))?"
        rf"|{_LEFT}(?P<d>{_DAY})\s+tháng\s+(?P<m>{_MONTH})\s*,\s*(?P<y>(?:19|20)\d{{2}})){_RIGHT}"
    )
    # "20 và 21/10", "16 - 17/8", "9-12/10/2021", "ngày 20 và 21 tháng 5 năm 2015": two days of one
    # month, one range.
    pair = r"[ \t]*(?:[-–]|và|đến)[ \t]*"
    day_pair = (
        rf"{_LEFT}(?P<d1>{_DAY}){pair}(?P<d>{_DAY})(?P<s>[/.\-])(?P<m>{_MONTH})(?:(?P=s)(?P<y>{_YEAR}))?{_RIGHT}"
    )
    spelled_pair = (
        rf"(?<!\w)ngày\s+(?P<d1>{_DAY}){pair}(?P<d>{_DAY})\s+tháng\s+(?P<m>{_MONTH})"
        rf"(?:\s*(?:năm\s+|/\s*)(?P<y>{_YEAR}))?{_RIGHT}"
    )
    # "ngày 12/7 năm 2023": a year may follow a day-month in words.
    year_after = rf"(?:\s+năm\s+(?P<y>{_YEAR}){_RIGHT})?"
    slash = rf"{_LEFT}(?P<d>{_DAY})/(?P<m>{_MONTH}){_RIGHT}{year_after}"
    cue_before = rf"(?<=(?<!\w)(?:{cues})(?:\s+|\s*\(\s*))"
    cued = rf"{cue_before}{_LEFT}(?P<d>{_DAY})[.\-](?P<m>{_MONTH}){_RIGHT}{year_after}"
    years = (
        rf"(?:(?<!\w)(?P<cue>{periods})\s+)?{_LEFT}(?P<y>{_YEAR})\s*(?:[{dash}]|(?:{to})(?:\s+năm)?)\s*"
        rf"(?P<y2>{_YEAR}){_RIGHT}"
    )
    half = (
        rf"(?<!\w)(?:(?P<n>\d{{1,2}}|{num_word})\s+tháng|(?P<half>{alternation(data['half_word'])}))"
        rf"\s+(?P<pos>{first})\s+năm(?:\s+(?P<y>{_YEAR}))?{_RIGHT}"
    )
    report = rf"(?<!\w)(?P<n>\d{{1,2}}|{num_word})\s+tháng\s+năm\s+(?P<y>{_YEAR}){_RIGHT}"
    quarter = rf"(?<!\w)quý\s+(?P<q>{q})(?:\s*/\s*(?P<y>{_YEAR})|\s+năm\s+(?P<y>{_YEAR}))?{_RIGHT}"
    month = rf"(?<!\w)tháng\s+(?P<m>{_MONTH})(?:\s*[/\-]\s*(?P<y>{_YEAR})|\s+năm\s+(?P<y>{_YEAR}))?{_RIGHT}"
    month_slash = rf"{_LEFT}(?P<m>{_MONTH})/(?P<y>{_YEAR}){_RIGHT}"
    year = rf"(?<!\w)năm\s+(?P<y>{_YEAR}){_RIGHT}"
    # "các năm 2022, 2023", "năm 2022 và 2023": each year of a list after "năm".
    year_list = rf"(?<=(?<!\w)năm\s+{_YEAR}(?:\s*,\s*{_YEAR})*\s*(?:,|và)\s*){_LEFT}(?P<y>{_YEAR}){_RIGHT}"
    # "chương trình Xuân yêu thương 2026", "Hội thi Dân vận khéo 2023": the year of a named event, written
    # after its capitalised name (at most three lower-case words after the capital; not a sentence's first
    # word, "Phường có 2024 hộ"), is a date.
    name_year = (
        r"(?<=[\p{L}\d,][ \t]+(?-i:\p{Lu})\p{L}*(?:[ \t]+(?-i:\p{Ll})+){0,3}[ \t]+)"
        r"(?P<y>(?:19|20)\d\d)(?![\w/]|[.,-]\d|[ \t]+\d)"
    )
    stems, branches = alternation(data["heavenly_stems"]), alternation(data["earthly_branches"])
    lunar_year = rf"(?<!\w)(?:Xuân\s+)?(?-i:(?:{stems})\s+(?:{branches}))\s+(?P<y>{_YEAR}){_RIGHT}"
    # "từ đầu năm đến nay", "từ năm 2021 đến nay", "từ tháng 3/2024 đến nay": up to the publication.
    since = (
        rf"(?<!\w)từ\s+(?:{alternation(data['half_first'])}\s+)?"
        rf"(?P<core>năm(?:\s+(?P<y>{_YEAR})|\s+nay)?"
        rf"|tháng\s+(?P<m>{_MONTH})(?:\s*/\s*(?P<y>{_YEAR})|\s+năm\s+(?P<y>{_YEAR}))?)"
        rf"\s+(?:{to})\s+(?:{alternation(data['now_words'])})(?!\w)"
    )
    patterns = (
        ("since", since),
        ("years", years),
        ("day_pair", day_pair),
        ("spelled_pair", spelled_pair),
        ("full", full),
        ("spelled", spelled),
        ("half", half),
        ("report", report),
        ("quarter", quarter),
        ("month", month),
        ("month_slash", month_slash),
        ("slash", slash),
        ("cued", cued),
        ("year", year),
        ("lunar_year", lunar_year),
        ("name_year", name_year),
        ("year_list", year_list),
    )
    return _Compiled(
        patterns=tuple((name, regex.compile(p, _FLAGS)) for name, p in patterns),
        range_join=regex.compile(
            rf"^(?:\s*[{dash}]\s*|\s+(?:{to})\s+(?:(?:ngày|hết ngày|tháng)\s+)?)$", _FLAGS
        ),
        range_open=regex.compile(r"(?<!\w)từ\s+(?:(?:ngày|tháng)\s+)?$", _FLAGS),
        open_day=regex.compile(rf"(?<!\w)từ\s+ngày\s+(?P<d>{_DAY})\s+(?:{to})\s+(?:ngày\s+)?$", _FLAGS),
        name_heads=regex.compile(rf"(?<!\w)(?:{alternation(data['name_heads'])})(?!\w)", _FLAGS),
        day_cue_before=regex.compile(rf"(?<!\w)(?:{cues})\s+$", _FLAGS),
        fraction_after=regex.compile(rf"\s+(?:{alternation(data['fraction_followers'])})(?!\w)", _FLAGS),
        quarters=quarters,
        report_periods=frozenset(int(n) for n in data["report_periods"]),
        lunar_after=regex.compile(rf"\s*\(?\s*(?:{alternation(data['lunar_markers'])})(?!\w)", regex.V1),
        min_year=int(data["min_year"]),
        max_year=int(data["max_year"]),
    )


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _in_name(text: str, start: int, floor: int) -> bool:
    """A capitalised name head ("Trường mầm non …") just before the date makes it part of a name."""
    window = text[max(floor, start - _NAME_HEAD_WINDOW) : start]
    cut = max(window.rfind(p) for p in ',;:()“”"!?\n')
    window = window[cut + 1 :] if cut >= 0 else window
    return any(m.group()[0].isupper() for m in compiled().name_heads.finditer(window))


def _atom(name: str, m: regex.Match[str], text: str, floor: int) -> Atom | None:
    w = compiled()
    year = _int(m.groupdict().get("y"))
    if year is not None and not w.min_year <= year <= w.max_year:
        return None
    if name in ("day_pair", "spelled_pair"):
        if _in_name(text, m.start(), floor):
            return None
        first, last = int(m["d1"]), int(m["d"])
        close = Atom(m.start("d"), m.end(), "day", day=last, month=int(m["m"]), year=year)
        if not first < last or not _valid_day(close):
            return None
        return Atom(m.start(), m.end(), "day", day=first, month=close.month, year=year, end_atom=close)
    if name in ("full", "spelled", "slash", "cued"):
        if _in_name(text, m.start(), floor):
            return None
        if name == "slash" and _fraction(text, m, floor):
            return None
        atom = Atom(m.start(), m.end(), "day", day=int(m["d"]), month=int(m["m"]), year=year)
        return atom if _valid_day(atom) else None
    if name in ("month", "month_slash"):
        before = text[max(floor, m.start() - 6) : m.start()]
        if name == "month_slash" and _NUMBER_WORD_BEFORE.search(before):
            return None
        return Atom(m.start(), m.end(), "month", month=int(m["m"]), year=year)
    if name == "quarter":
        return Atom(m.start(), m.end(), "quarter", n=w.quarters[m["q"].casefold()], year=year)
    if name == "half":
        n = 6 if m["half"] else _months(m["n"])
        if n is None or not 1 <= n <= 12:
            return None
        shape = "months_first" if m["pos"].casefold() == "đầu" else "months_last"
        return Atom(m.start(), m.end(), shape, n=n, year=year)
    if name == "report":
        n = _months(m["n"])
        if n not in w.report_periods:
            return None
        return Atom(m.start(), m.end(), "months_first", n=n, year=year)
    if name == "years":
        y2 = int(m["y2"])
        if year is None or not (year < y2 <= w.max_year and y2 - year <= 100):
            return None
        return Atom(m.start(), m.end(), "years", year=year, year_to=y2)
    if name in ("year", "lunar_year", "year_list", "name_year"):
        return Atom(m.start(), m.end(), "year", year=year)
    if name == "since":
        month = _int(m["m"])
        shape = "month" if month else "year"
        return Atom(m.start(), m.end(), shape, month=month, year=year, until_now=True, core=m.span("core"))
    return None


def _fraction(text: str, m: regex.Match[str], floor: int) -> bool:
    """ "1/3 số hộ", "9/9 khóm" are fractions; after a day word ("Sáng 2/9 khóm 3 …") a date."""
    w = compiled()
    if w.fraction_after.match(text, m.end()):
        return True
    return part_of_whole_at(text, m.start(), len(text)) is not None and not w.day_cue_before.search(
        text, max(floor, m.start() - _DAY_CUE_WINDOW), m.start()
    )


def _months(raw: str) -> int | None:
    value = parse_number(raw)
    return int(value) if value is not None and value == int(value) else None


def _valid_day(atom: Atom) -> bool:
    year = atom.year if atom.year is not None else 2000  # a leap year: 29/2 stays possible
    assert atom.day is not None and atom.month is not None
    return atom.day <= calendar.monthrange(year, atom.month)[1]


def _atoms_in(text: str, sentence: Span) -> list[Atom]:
    """Non-overlapping atoms of one sentence, earlier patterns winning at the same start."""
    found: list[tuple[int, int, int, Atom]] = []
    for rank, (name, pattern) in enumerate(compiled().patterns):
        for m in pattern.finditer(text, sentence.start, sentence.end, overlapped=False):
            atom = _atom(name, m, text, sentence.start)
            if atom is not None:
                found.append((atom.start, -(atom.end - atom.start), rank, atom))
    found.sort(key=lambda item: item[:3])
    out: list[Atom] = []
    for _, _, _, atom in found:
        if out and atom.start < out[-1].end:
            continue
        out.append(atom)
    return out


def _join_ranges(text: str, atoms: list[Atom], floor: int) -> list[Atom]:
    """ "17/7 - 31/7/2023", "từ ngày 17/7 đến ngày 31/7/2023", "từ ngày 17 đến ngày 31/7": one range."""
    w = compiled()
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if (
            b is not None
            and a.shape == b.shape
            and a.shape in ("day", "month")
            and a.end_atom is None
            and w.range_join.match(text[a.end : b.start])
            and (b.year is not None or a.year is None)
        ):
            opener = w.range_open.search(text, max(floor, a.start - _RANGE_OPENER_WINDOW), a.start)
            start = opener.start() if opener else a.start
            out.append(_close_range(replace(a, start=start, end=b.end, end_atom=b)))
            i += 2
            continue
        if a.shape == "day":
            m = w.open_day.search(text, max(floor, a.start - _OPEN_DAY_WINDOW), a.start)
            if m is not None:
                first = Atom(m.start("d"), m.end("d"), "day", day=int(m["d"]), month=a.month, year=a.year)
                if _valid_day(first) and first.day is not None and a.day is not None and first.day < a.day:
                    out.append(_close_range(replace(first, start=m.start(), end=a.end, end_atom=a)))
                    i += 1
                    continue
        out.append(a)
        i += 1
    return out


def _close_range(atom: Atom) -> Atom:
    """A range whose closing end has the year written gives it to its opening end, not by inference."""
    end = atom.end_atom
    if end is None or end.year is None or atom.year is not None:
        return atom
    same_year = replace(atom, year=end.year, end_atom=None)
    if _bounds(same_year)[0] <= _bounds(end)[1]:
        return replace(atom, year=end.year)
    # "từ 17/12 đến 5/1/2024": the opening day belongs to the year before.
    return replace(atom, year=end.year - 1)


def _nearest_year(atom: Atom, anchors: list[Atom], span: Span) -> int | None:
    best: tuple[int, int] | None = None
    for other in anchors:
        if other is atom or not (span.start <= other.start and other.end <= span.end):
            continue
        distance = other.start - atom.end if other.start >= atom.end else atom.start - other.end
        year = other.last_year
        if year is not None and (best is None or distance < best[0]):
            best = (distance, year)
    return best[1] if best else None


def _with_year(atom: Atom, year: int) -> Atom:
    end = atom.end_atom
    if end is not None and end.year is None:
        end = replace(end, year=year)
    if end is None:
        return replace(atom, year=year, year_inferred=True)
    return _close_range(replace(atom, end_atom=end, year_inferred=True))


def _bounds(atom: Atom) -> tuple[dt.date, dt.date]:
    """First and last day an atom with its year covers."""
    assert atom.year is not None
    y = atom.year
    if atom.end_atom is not None:
        first, _ = _bounds(replace(atom, end_atom=None))
        _, last = _bounds(atom.end_atom)
        return first, last
    if atom.shape == "day":
        assert atom.day is not None and atom.month is not None
        day = dt.date(y, atom.month, atom.day)
        return day, day
    if atom.shape == "month":
        assert atom.month is not None
        return dt.date(y, atom.month, 1), dt.date(y, atom.month, calendar.monthrange(y, atom.month)[1])
    if atom.shape == "quarter":
        assert atom.n is not None
        first_month = 3 * atom.n - 2
        return dt.date(y, first_month, 1), dt.date(
            y, first_month + 2, calendar.monthrange(y, first_month + 2)[1]
        )
    if atom.shape == "months_first":
        assert atom.n is not None
        return dt.date(y, 1, 1), dt.date(y, atom.n, calendar.monthrange(y, atom.n)[1])
    if atom.shape == "months_last":
        assert atom.n is not None
        return dt.date(y, 13 - atom.n, 1), dt.date(y, 12, 31)
    if atom.shape == "years":
        assert atom.year_to is not None
        return dt.date(y, 1, 1), dt.date(atom.year_to, 12, 31)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


_GRANULARITY = {
    "day": "day",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "years": "range",
}


def _granularity(atom: Atom) -> str:
    if atom.end_atom is not None:
        return "range"
    if atom.shape in ("months_first", "months_last"):
        return "half" if atom.n == 6 else "range"
    return _GRANULARITY[atom.shape]


def find_atoms(document: Document) -> list[Atom]:
    """Every date expression of the article, year resolved; those left without a year are dropped."""
    text = document.text
    by_sentence: list[tuple[Span, list[Atom]]] = []
    for sentence in document.sentences:
        atoms = _join_ranges(text, _atoms_in(text, sentence), sentence.start)
        # Dates in page furniture are neither records nor context for other dates; a lunar
        # date ("29/8 âm lịch") names no day of the calendar the records are in.
        atoms = [
            a
            for a in atoms
            if not document.in_furniture(a.start, a.end) and not compiled().lunar_after.match(text, a.end)
        ]
        by_sentence.append((sentence, atoms))
    published = document.published
    by_sentence = [(sentence, _until_published(atoms, published)) for sentence, atoms in by_sentence]
    everything = [a for _, atoms in by_sentence for a in atoms]
    # A range of years is a period or a term of office ("năm học 2024 - 2025", "nhiệm kỳ 2026-2031"):
    # it gives no year to a day or month near it.
    anchors = [a for a in everything if a.has_year and a.shape != "years"]
    resolved: list[Atom] = []
    for sentence, atoms in by_sentence:
        for atom in atoms:
            if atom.has_year:
                resolved.append(atom)
                continue
            year = _nearest_year(atom, anchors, sentence)
            if year is None:
                year = _nearest_year(atom, anchors, document.paragraph_at(atom.start))
            if year is None and published is not None:
                year = published.year
            if year is None:
                before = [a for a in anchors if a.shape == "day" and a.end <= atom.start]
                year = before[-1].last_year if before else None
            if year is None:
                continue
            candidate = _with_year(atom, year)
            try:
                _bounds(candidate)
            except ValueError:  # 29/2 in a year that has none
                continue
            resolved.append(candidate)
    dateline = _dateline_day(document, resolved)
    return resolved if dateline is None else sorted([*resolved, dateline], key=lambda a: a.start)


# A dateline's day written with spaces only ("10 07 2024"): read by the metadata as the published date.
_SPACED_DAY = regex.compile(rf"(?<!\d)(?P<d>{_DAY})[ \t]+(?P<m>{_MONTH})[ \t]+(?P<y>{_YEAR})(?!\d)")


def _dateline_day(document: Document, atoms: list[Atom]) -> Atom | None:
    """The published day of a dateline no pattern reads as a date ("10 07 2024" under the title)."""
    span, published = document.meta.dateline_span, document.published
    if span is None or published is None or any(a.start < span.end and span.start < a.end for a in atoms):
        return None
    for m in _SPACED_DAY.finditer(document.text, span.start, span.end):
        day = Atom(m.start(), m.end(), "day", day=int(m["d"]), month=int(m["m"]), year=int(m["y"]))
        if (day.year, day.month, day.day) == (published.year, published.month, published.day):
            return day
    return None


def _until_published(atoms: list[Atom], published: dt.date | None) -> list[Atom]:
    """ "từ đầu năm đến nay" closes on the publication date, in its year when none is written.

    Without a publication date "nay" (now) is unknown: only a year or month written in it is a record.
    """
    out: list[Atom] = []
    for atom in atoms:
        if not atom.until_now:
            out.append(atom)
            continue
        if published is None:
            # "nay" is unknown: what is left is the year or month written ("năm 1996"), if any.
            if atom.year is not None and atom.core is not None:
                out.append(replace(atom, start=atom.core[0], end=atom.core[1], until_now=False, core=None))
            continue
        now = Atom(atom.end, atom.end, "day", day=published.day, month=published.month, year=published.year)
        since = replace(atom, year=atom.year or published.year, year_inferred=atom.year is None, end_atom=now)
        if _bounds(since)[0] <= published:
            out.append(since)
    return out


def extract(document: Document, found: Findings) -> list[Mention]:
    out: list[Mention] = []
    for atom in find_atoms(document):
        first, last = _bounds(atom)
        out.append(
            Mention(
                KIND,
                atom.start,
                atom.end,
                {
                    "date_from": first,
                    "date_to": last,
                    "granularity": _granularity(atom),
                    "year_inferred": atom.year_inferred,
                },
                # An inverted range ("từ 20/8 đến 15/8") names no period, yet its digits are a date's.
                recorded=first <= last,
            )
        )
    return out
