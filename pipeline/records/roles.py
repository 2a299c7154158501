"""Amount roles: what each money, count and measure figure of an article stands for.

Called once per article after extraction (pipeline/run/article.py), where figures of every kind are
known together, and by the audit's total/part check (pipeline/check/audit.py), so both read a
figure the same way. Each figure gets `per`, the thing one amount is for ("mỗi phần 500.000
đồng" → "phần", "1 triệu đồng/suất" → "suất"), and `role`:

- `rate`: it has a `per`;
- `total`: announced as a total ("tổng cộng 20 triệu đồng", "với tổng trị giá …");
- `part`: one of the listed parts of a total, in its clause ("…, gồm: 200 triệu đồng …", two or
  more same-measure figures before "tổng cộng") or in the list lines that follow it;
- `single`: the rest.

A province's sums add totals and singles only. Every rule reads a bounded window around a
figure or the figures of one clause, so an article is read in linear time. Words: data/roles.yaml.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from bantin.pipeline.records.schema import RECORD_TYPE_BY_KIND
from bantin.pipeline.text.resources import alternation, load_yaml

# The kinds of figures: those whose model carries a `role`; the figure is each model's first value field.
FIGURE = {kind: m.value_fields[0] for kind, m in RECORD_TYPE_BY_KIND.items() if "role" in m.model_fields}
AMOUNT_KINDS = tuple(FIGURE)
Row = dict[str, Any]
_FLAGS = regex.IGNORECASE | regex.VERSION1
_WINDOW = 120  # characters read before a figure for its per-word or total phrase
_PUNCT = regex.compile(r"[,;.!?()\[\]“”\"]")


@dataclass(frozen=True)
class _Compiled:
    per_before: regex.Pattern[str]
    per_before_window: int
    per_list: regex.Pattern[str]
    per_after: regex.Pattern[str]
    per_phrases: regex.Pattern[str]
    per_phrase_noun: dict[str, str]
    two_words: frozenset[str]
    total: regex.Pattern[str]
    total_money: regex.Pattern[str]
    total_bare: regex.Pattern[str]
    total_anywhere: regex.Pattern[str]
    parts: regex.Pattern[str]
    rate_list: regex.Pattern[str]
    list_line: regex.Pattern[str]
    list_lines: int


@cache
def compiled() -> _Compiled:
    data = load_yaml("pipeline", "roles.yaml")
    noun = r"(?P<noun>\p{L}+(?:\s+\p{L}+)?)"
    phrases = {k.casefold(): v for k, v in data["per_phrases"].items()}
    return _Compiled(
        per_before=regex.compile(rf"(?<!\p{{L}})(?:{alternation(data['per_before'])})\s+{noun}", _FLAGS),
        per_before_window=int(data["per_before_window"]),
        per_list=regex.compile(
            rf"^\s*(?:\S+\s+){{0,3}}?(?:{alternation(data['per_list_words'])})(?!\p{{L}})", _FLAGS
        ),
        per_after=regex.compile(rf"\s*(?:{alternation(data['per_after'])})\s*{noun}", _FLAGS),
        per_phrases=regex.compile(rf"(?<!\p{{L}})(?:{alternation(list(phrases))})(?!\p{{L}})", _FLAGS),
        per_phrase_noun=phrases,
        two_words=frozenset(w.casefold() for w in data["per_two_words"]),
        total=_total_pattern(data["total_phrases"], int(data["total_window"])),
        total_money=_total_pattern(data["total_money_phrases"], int(data["total_window"])),
        total_anywhere=regex.compile(
            rf"(?<!\p{{L}})(?:{alternation(data['total_phrases'] + data['total_money_phrases'])})(?!\p{{L}})",
            _FLAGS,
        ),
        total_bare=regex.compile(rf"(?<!\p{{L}})(?:{alternation(data['total_bare'])})\s*:?\s*$", _FLAGS),
        parts=regex.compile(rf"(?<!\p{{L}})(?:{alternation(data['parts_words'])})(?!\p{{L}})", _FLAGS),
        rate_list=regex.compile(
            rf"\s*(?:/\s*\p{{L}}+\s*)*\(\s*(?:{alternation(data['parts_words'])})(?!\p{{L}})", _FLAGS
        ),
        list_line=regex.compile(rf"^[ \t]*(?:{alternation(data['list_marks'])})", _FLAGS),
        list_lines=int(data["list_lines"]),
    )


def _total_pattern(phrases: list[str], window: int) -> regex.Pattern[str]:
    """A total phrase, then at most `window` words (commas allowed, no clause mark), at the end."""
    return regex.compile(
        rf"(?<!\p{{L}})(?:{alternation(phrases)})(?:,?\s+[^\s,;.!?()]+){{0,{window}}}\s*:?\s*$", _FLAGS
    )


@dataclass
class TotalGroup:
    """A total and the figures listed as its parts."""

    total: Row
    parts: list[Row] = field(default_factory=list)


def _per_noun(match: regex.Match[str]) -> str:
    """The counted thing: one word, or two when the pair is a known one ("phần quà", "hộ gia đình")."""
    words = match.group("noun").split()
    if len(words) == 2 and " ".join(words).casefold() in compiled().two_words:
        return " ".join(words)
    return words[0]


def _is_amount(r: Row) -> bool:
    return r.get("kind") in AMOUNT_KINDS


def _is_percent(r: Row) -> bool:
    return r.get("kind") == "count" and r.get("unit") == "%"


def _first_word(unit: Any) -> str:
    words = str(unit or "").casefold().split()
    return words[0] if words else ""


def same_measure(a: Row, b: Row) -> bool:
    """Two figures that can add up: money and money; counts of the same thing; measures of one unit."""
    if a["kind"] != b["kind"]:
        return False
    if a["kind"] == "money":
        return True
    if a["kind"] == "measure" and a.get("si_unit") and b.get("si_unit"):
        return bool(a["si_unit"] == b["si_unit"])
    return _first_word(a.get("unit")) == _first_word(b.get("unit"))


SentenceOf = Callable[[Row], tuple[int, int]]


class _Sentences:
    """The span of each record's sentence and its clauses.

    The span comes from `sentence_of` when the caller has the document's sentences (extraction),
    else from the record's `sentence` field located in the text (the audit reads outputs): a
    sentence stored cut to its evidence's surroundings ("…" at a cut end) is located by what is
    left of it.
    """

    def __init__(self, text: str, sentence_of: SentenceOf | None = None) -> None:
        self.text = text
        self.sentence_of = sentence_of
        self._last: tuple[str, int, int] | None = None
        self._semicolons: dict[tuple[int, int], list[int]] = {}

    def span(self, r: Row) -> tuple[int, int]:
        if self.sentence_of is not None:
            start, end = self.sentence_of(r)
            return min(start, r["start"]), max(end, r["end"])
        sentence = (r.get("sentence") or "").strip("…")
        last = self._last
        if last and last[0] == sentence and last[1] <= r["start"] and r["end"] <= last[2]:
            return last[1], last[2]
        at = self.text.rfind(sentence, max(0, r["end"] - len(sentence)), r["start"] + len(sentence))
        if not sentence or at < 0:
            start = self.text.rfind("\n", 0, r["start"]) + 1
            end = self.text.find("\n", r["end"])
            at, sentence = start, self.text[start : len(self.text) if end < 0 else end]
        self._last = ((r.get("sentence") or "").strip("…"), at, at + len(sentence))
        return at, at + len(sentence)

    def clause(self, r: Row) -> tuple[int, int]:
        """The part of the sentence between semicolons that holds the record."""
        start, end = self.span(r)
        marks = self._semicolons.get((start, end))
        if marks is None:
            marks = [m.start() for m in regex.finditer(";", self.text[start:end])]
            self._semicolons[(start, end)] = marks
        i = bisect.bisect_right(marks, r["start"] - start)
        return (start + marks[i - 1] + 1 if i else start), (start + marks[i] if i < len(marks) else end)


def _last_match(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last one is wanted
        pass
    return found


def find_per(text: str, r: Row, clause: tuple[int, int]) -> str | None:
    """The thing one amount of `r` is for, or None."""
    rule = compiled()
    unit = str(r.get("unit") or "")
    if r["kind"] in ("count", "measure") and "/" in unit:
        words = unit.split("/", 1)[1].split()
        if words and words[0].isalpha():
            pair = " ".join(words[:2])
            return pair if len(words) > 1 and pair.casefold() in rule.two_words else words[0]
    cs, ce = clause
    m = rule.per_after.match(text, r["end"], ce)
    if m and _per_noun(m).casefold() not in ("khi", "lúc"):
        return _per_noun(m)
    window_start = max(cs, r["start"] - _WINDOW)
    before = text[window_start : r["start"]]
    phrase = _last_match(rule.per_phrases, before)
    if phrase is not None and not _PUNCT.search(before, phrase.end()):
        return rule.per_phrase_noun[phrase.group().casefold()]
    last = _last_match(rule.per_before, before)
    if last is None or _per_noun(last).casefold() in ("khi", "lúc"):
        return None
    noun = _per_noun(last)
    between = before[last.start("noun") + len(noun) :]
    if rule.total_anywhere.search(between):
        return None  # "mỗi phần trị giá 500.000 đồng, với tổng trị giá 100 triệu đồng": the total is none
    if not _PUNCT.search(between) and len(between.split()) <= rule.per_before_window:
        return noun
    if rule.per_list.match(between):  # "mỗi suất gồm: 10 kg gạo, 200.000 đồng"
        return noun
    return None


def _total_at(text: str, r: Row, clause: tuple[int, int], figures: list[Row], starts: list[int]) -> bool:
    """Whether a total phrase announces `r`, with no other figure of its kind between them."""
    rule = compiled()
    window_start = max(clause[0], r["start"] - _WINDOW)
    before = text[window_start : r["start"]]
    money = rule.total_money.search(before)
    if money is not None and r["kind"] != "money":
        return False  # "Tổng số tiền sửa chữa 2 căn nhà …": the phrase announces money
    found = [rule.total.search(before), rule.total_bare.search(before), money]
    starts_at = [window_start + m.start() for m in found if m is not None]
    if not starts_at:
        return False
    i = bisect.bisect_left(starts, min(starts_at))
    return not any(f["kind"] == r["kind"] for f in figures[i:] if f["start"] < r["start"])


def _list_after(text: str, r: Row, sentence_end: int, figures: list[Row], starts: list[int]) -> list[Row]:
    """Figures on the list lines that follow a total whose sentence ends with ":" or a parts word."""
    rule = compiled()
    tail = text[r["end"] : sentence_end].rstrip()
    if not (tail.endswith(":") or rule.parts.search(tail)):
        return []
    line_start = text.find("\n", r["end"])
    found: list[Row] = []
    for _ in range(rule.list_lines):
        if line_start < 0:
            break
        line_start += 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        if not line.strip():
            if found:
                break
            line_start = line_end
            continue
        if not rule.list_line.match(line):
            break
        i = bisect.bisect_left(starts, line_start)
        while i < len(figures) and figures[i]["start"] < line_end:
            found.append(figures[i])
            i += 1
        line_start = line_end if line_end < len(text) else -1
    return found


def _list_before(text: str, r: Row, figures: list[Row], starts: list[int]) -> list[Row]:
    """Figures on the list lines right above a line that opens with the total ("Tổng cộng: 85 …")."""
    rule = compiled()
    line_start = text.rfind("\n", 0, r["start"]) + 1
    if not rule.total_anywhere.match(text, line_start) and not rule.total_bare.match(
        text[line_start : r["start"]]
    ):
        return []
    found: list[Row] = []
    end = line_start - 1
    for _ in range(rule.list_lines):
        if end <= 0:
            break
        start = text.rfind("\n", 0, end) + 1
        if not rule.list_line.match(text[start:end]):
            break
        i = bisect.bisect_left(starts, start)
        while i < len(figures) and figures[i]["start"] < end:
            found.append(figures[i])
            i += 1
        end = start - 1
    return found


def assign_roles(
    text: str, records: Iterable[Row], sentence_of: SentenceOf | None = None
) -> list[TotalGroup]:
    """Set `per` and `role` on every money, count and measure record (in place); return each total
    with its parts. `sentence_of` gives a record's sentence span (else its `sentence` field is
    located in the text)."""
    figures = sorted((r for r in records if _is_amount(r)), key=lambda r: (r["start"], r["end"]))
    starts = [r["start"] for r in figures]
    sentences = _Sentences(text, sentence_of)
    clauses: list[tuple[int, int]] = []
    for r in figures:
        clause = sentences.clause(r)
        clauses.append(clause)
        per = find_per(text, r, clause)
        r["per"] = per
        if per is not None:
            r["role"] = "rate"
        elif not _is_percent(r) and _total_at(text, r, clause, figures, starts):
            r["role"] = "total"
        else:
            r["role"] = "single"
    _rate_lists(text, figures, starts)
    groups: list[TotalGroup] = []
    # Figures of one clause, in order: the parts of each total lie between it and its neighbours.
    i = 0
    while i < len(figures):
        j = i
        while j < len(figures) and clauses[j] == clauses[i]:
            j += 1
        groups += _clause_groups(text, figures, starts, i, j, sentences)
        i = j
    for group in groups:
        for part in group.parts:
            part["role"] = "part"
    return groups


def _rate_lists(text: str, figures: list[Row], starts: list[int]) -> None:
    """Figures in a parenthesis that lists what one rate is made of are for the same thing:
    "200.000 đồng/suất (gồm 100.000 đồng tiền quà và 100.000 đồng tiền mặt)"."""
    opener = compiled().rate_list
    for r in figures:
        if r["role"] != "rate" or not (m := opener.match(text, r["end"])):
            continue
        close = text.find(")", m.end(), m.end() + _WINDOW * 2)
        i = bisect.bisect_left(starts, m.end())
        while close > 0 and i < len(figures) and figures[i]["start"] < close:
            figures[i]["per"], figures[i]["role"] = r["per"], "rate"
            i += 1


def _addable(r: Row) -> bool:
    return r["role"] == "single" and not _is_percent(r)


def _clause_groups(
    text: str, figures: list[Row], starts: list[int], lo: int, hi: int, sentences: _Sentences
) -> list[TotalGroup]:
    rule = compiled()
    totals = [k for k in range(lo, hi) if figures[k]["role"] == "total"]
    groups: list[TotalGroup] = []
    previous = lo
    for n, k in enumerate(totals):
        total = figures[k]
        following = totals[n + 1] if n + 1 < len(totals) else hi
        after = [p for p in figures[k + 1 : following] if _addable(p) and same_measure(p, total)]
        opener = text[total["end"] : after[0]["start"]] if after else ""
        if after and rule.parts.search(opener):
            groups.append(TotalGroup(total, after))
            previous = following
            continue
        listed = [
            p
            for p in _list_after(text, total, sentences.span(total)[1], figures, starts)
            if _addable(p) and same_measure(p, total)
        ]
        if listed:
            groups.append(TotalGroup(total, listed))
            previous = k + 1
            continue
        above = [
            p for p in _list_before(text, total, figures, starts) if _addable(p) and same_measure(p, total)
        ]
        if above:
            groups.append(TotalGroup(total, above))
            previous = k + 1
            continue
        before = [p for p in figures[previous:k] if _addable(p) and same_measure(p, total)]
        value = _value(total)
        if len(before) >= 2 or (len(before) == 1 and _value(before[0]) <= value):
            groups.append(TotalGroup(total, before))
        previous = k + 1
    return groups


def _value(r: Row) -> float:
    return float(r[FIGURE[r["kind"]]])
