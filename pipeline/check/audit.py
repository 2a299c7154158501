"""Audit: every record checked against its source, claims checked against the records, consistency flags.

- Records: the article text at `[start:end]` must be the record's `text`, the
  article must still hash to its `article_id` and its `published` date agree with
  its dateline, the record must validate, and re-extracting the article must give
  the record as stored, every field of it (amount, count, dates, name, titles,
  register codes, sentence …). A field edited after extraction is named.
- Claims (a CSV of reported figures): supported, contradicted, not found, or
  invalid (a bad cell, with the reason), with the evidence sentences.
- Flags, not verdicts: a total that differs from the parts listed beside it;
  a percentage that contradicts the counts it is computed from.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import regex
from pydantic import ValidationError

from bantin.extractors import registry
from bantin.extractors.numbers import parse_numeral
from bantin.gazetteer.register import name_keys
from bantin.pipeline.outputs.readers import OutputsError, read_jsonl
from bantin.pipeline.records.roles import AMOUNT_KINDS, FIGURE, assign_roles, same_measure
from bantin.pipeline.records.schema import RECORD_TYPE_BY_KIND, validate_record
from bantin.pipeline.run.article import CUT, process_document
from bantin.pipeline.text import ids
from bantin.pipeline.text.document import build_document
from bantin.pipeline.text.metadata import extract_metadata
from bantin.pipeline.text.resources import alternation, load_yaml
from bantin.pipeline.text.textnorm import fold

# The fields that place a record: checked apart (evidence, article), not compared with re-extraction.
PLACE_FIELDS = ("article_id", "kind", "text", "start", "end")
# The fields that say which record an evidence entry (a claim's, a flag's) is; its values follow.
EVIDENCE_FIELDS = ("record_id", "article_id", "kind", "text", "start", "end", "sentence")
CLAIM_KINDS = ("money", "count", "measure", "date")
# Kinds whose claims name what they count or measure (the record states a `unit`): its first word must agree.
UNIT_KINDS = tuple(kind for kind in CLAIM_KINDS if "unit" in RECORD_TYPE_BY_KIND[kind].value_fields)
Row = dict[str, Any]


@dataclass
class Outputs:
    articles: dict[str, Row]
    records: list[Row]


class AuditInputError(ValueError):
    """The outputs or the claims file cannot be read; the message says which and why."""


def load_outputs(out_dir: Path) -> Outputs:
    try:
        articles = {row.get("article_id", ""): row for row in read_jsonl(out_dir / "articles.jsonl")}
        records = read_jsonl(out_dir / "records.jsonl")
    except OutputsError as exc:
        raise AuditInputError(str(exc)) from None
    return Outputs(articles, records)


# --- records -------------------------------------------------------------------------------------


@dataclass
class RecordCheck:
    record_id: str
    article_id: str
    kind: str
    text: str
    problems: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "failed" if self.problems else "ok"


@dataclass
class _Extracted:
    """An article's records extracted again, as extraction made them: by record_id and by span."""

    by_id: dict[str, Row] = field(default_factory=dict)
    by_span: dict[tuple[str, int, int], list[Row]] = field(default_factory=dict)
    failed: str | None = None


def _re_extracted(article: Row) -> _Extracted:
    """The article extracted again, with the metadata its page gave (title, date, authors) and the
    hints it was linked with (--region, the sites file)."""
    found = _Extracted()
    try:
        document = build_document(
            str(article.get("source")),
            article.get("text") or "",
            title=article.get("title"),
            published=article.get("published"),
            authors=article.get("authors") or (),
        )
        document.hints.update(article.get("hints") or {})
        # The extraction's own path (records, arbitration, amount roles), so every field compares.
        for record in process_document(document, registry()).records:
            found.by_id[record["record_id"]] = record
            found.by_span.setdefault((record["kind"], record["start"], record["end"]), []).append(record)
    except Exception as exc:  # an extractor bug is this article's problem, not the audit's end
        found.failed = f"re-extraction failed: {type(exc).__name__}: {exc}"
    return found


def _published_problem(article: Row) -> str | None:
    """The stored `published` against the text's own dateline (a page's date alone cannot be checked)."""
    own = extract_metadata(article.get("text") or "").published
    stored = article.get("published")
    if own is None or stored == own.isoformat():
        return None
    return (
        f"{article.get('source')}: published changed after extraction "
        f"(stored {stored!r}, the dateline says {own.isoformat()!r})"
    )


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _differences(stored: Row, found: Row) -> list[str]:
    names = [*found, *(k for k in stored if k not in found)]
    return [
        f"{f}: stored {_plain(stored.get(f))!r}, evidence says {_plain(found.get(f))!r}"
        for f in names
        if f not in PLACE_FIELDS and _plain(stored.get(f)) != _plain(found.get(f))
    ]


def _value_problem(record: Row, extracted: _Extracted) -> str | None:
    """Every stored field against the record extracted again (by its id, else at its span)."""
    if extracted.failed:
        return extracted.failed
    same = extracted.by_id.get(str(record.get("record_id")))
    span = (record["kind"], record["start"], record["end"])
    candidates = [same] if same else extracted.by_span.get(span, [])
    if not candidates:
        return "no such record is extracted from the evidence any more"
    diffs = min((_differences(record, c) for c in candidates), key=len)
    return "value does not match its evidence (" + "; ".join(diffs) + ")" if diffs else None


def check_records(outputs: Outputs) -> tuple[list[RecordCheck], list[str]]:
    """Every record's evidence and value; and the articles whose text no longer matches their id."""
    checks: list[RecordCheck] = []
    article_problems: list[str] = []
    re_extracted: dict[str, _Extracted] = {}
    for article_id, article in outputs.articles.items():
        text = article.get("text") or ""
        if ids.article_id(text) != article_id:
            article_problems.append(
                f"{article.get('source')}: article text changed after extraction "
                f"(it hashes to {ids.article_id(text)}, not {article_id})"
            )
        elif problem := _published_problem(article):
            article_problems.append(problem)
    for record in outputs.records:
        check = RecordCheck(
            str(record.get("record_id")),
            str(record.get("article_id")),
            str(record.get("kind")),
            str(record.get("text")),
        )
        checks.append(check)
        holder = outputs.articles.get(check.article_id)
        if holder is None:
            check.problems.append(f"article {check.article_id} is not in articles.jsonl")
            continue
        text = holder.get("text") or ""
        start, end = record.get("start"), record.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            check.problems.append("start/end are not offsets")
            continue
        if text[start:end] != record.get("text"):
            found = text[start:end]
            check.problems.append(
                f"evidence mismatch: article[{start}:{end}] is {found!r}, record says {record.get('text')!r}"
            )
            continue
        try:
            validate_record(record, text)
        except ValidationError as exc:
            check.problems.append("invalid record: " + "; ".join(e["msg"] for e in exc.errors()))
            continue
        if ids.article_id(text) != check.article_id:
            check.problems.append("its article's text changed after extraction")
            continue
        if check.article_id not in re_extracted:
            re_extracted[check.article_id] = _re_extracted(holder)
        problem = _value_problem(record, re_extracted[check.article_id])
        if problem:
            check.problems.append(problem)
    return checks, article_problems


# --- claims --------------------------------------------------------------------------------------


@dataclass
class Claim:
    line: int
    ward: str
    source: str
    kind: str
    value: str
    unit: str
    date: str
    note: str
    problem: str = ""  # a cell or line that cannot be read: the claim is invalid


@dataclass
class ClaimResult:
    claim: Claim
    status: str  # supported, contradicted, not_found, invalid
    reason: str
    evidence: list[Row] = field(default_factory=list)


def read_claims(path: Path) -> list[Claim]:
    """Every claim line; a line that cannot be read is a claim with its `problem`, never a crash."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            columns = [c.strip().casefold() for c in next(reader, [])]
            if not {"kind", "value"} <= set(columns) or not ({"ward", "source"} & set(columns)):
                has = ", ".join(sorted(set(columns)))
                raise AuditInputError(
                    f"{path}: needs the columns kind, value and ward or source (has: {has})"
                )
            twice = sorted({c for c in columns if c and columns.count(c) > 1})
            claims = []
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                low: dict[str, str] = {}
                for name, cell in zip(columns, cells, strict=False):
                    low.setdefault(name, cell.strip())
                problem = ""
                if len(cells) > len(columns):
                    problem = f"{len(cells)} cells, but the header has {len(columns)} columns"
                elif twice:
                    problem = f"the header names the column {', '.join(map(repr, twice))} twice"
                elif [c.strip().casefold() for c in cells] == columns:
                    problem = "a repeated header line"
                claims.append(
                    Claim(
                        reader.line_num,
                        low.get("ward", ""),
                        low.get("source", ""),
                        low.get("kind", "").casefold(),
                        low.get("value", ""),
                        low.get("unit", ""),
                        low.get("date", ""),
                        low.get("note", ""),
                        problem,
                    )
                )
            return claims
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise AuditInputError(f"{path}: cannot read the claims file: {exc}") from exc


@dataclass(frozen=True)
class _Compiled:
    # Abbreviated level words ("P.", "TT.") and what they stand for, to read "P.6" as "phường 6".
    ward_abbreviations: tuple[tuple[regex.Pattern[str], str], ...]
    # The words before a figure that make it the base of a share ("trong tổng số").
    base_words: regex.Pattern[str]


@cache
def compiled() -> _Compiled:
    """extractors/data/units.yaml's levels and pipeline/data/audit.yaml, compiled once per process."""
    levels = load_yaml("extractors", "units.yaml")["levels"]
    abbreviations = []
    for written, level in levels.items():
        if written.endswith("."):
            pattern = regex.compile(rf"^{regex.escape(written)}\s*", regex.IGNORECASE)
            abbreviations.append((pattern, level + " "))
    abbreviations.append((regex.compile(r"^P(?=\d)"), "phường "))
    data = load_yaml("pipeline", "audit.yaml")
    return _Compiled(
        ward_abbreviations=tuple(abbreviations),
        base_words=regex.compile(rf"(?<!\w)(?:{alternation(data['base_words'])})\s*$", regex.IGNORECASE),
    )


def ward_key(written: str) -> tuple[str | None, str]:
    """("phường", "6") for "Phường 6", "P.6", "P6", "phường 06"; the level is None when not written."""
    text = " ".join(written.split())
    for pattern, replacement in compiled().ward_abbreviations:
        text = pattern.sub(replacement, text, count=1)
    level = None
    for candidate in ("thị trấn", "phường", "xã"):
        if fold(text).startswith(fold(candidate) + " "):
            level = candidate
    return level, name_keys(text)[0]


def _period(value: str) -> tuple[dt.date, dt.date] | None:
    """ "2023" → the year, "2023-07" → the month, "2023-07-12" → the day, "A..B" → a range."""
    value = value.strip()
    if not value:
        return None
    if ".." in value:
        a, b = value.split("..", 1)
        first, last = _period(a), _period(b)
        return (first[0], last[1]) if first and last else None
    try:
        if regex.fullmatch(r"\d{4}", value):
            y = int(value)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if regex.fullmatch(r"\d{4}-\d{2}", value):
            y, m = map(int, value.split("-"))
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        day = dt.date.fromisoformat(value)
        return day, day
    except ValueError:
        return None


def _matching_articles(claim: Claim, outputs: Outputs) -> list[Row]:
    articles = list(outputs.articles.values())
    if claim.source:
        wanted = claim.source.replace("\\", "/")
        articles = [
            a
            for a in articles
            if str(a.get("source", "")).replace("\\", "/").endswith(wanted)
            or Path(str(a.get("source", ""))).name == Path(wanted).name
        ]
    if claim.ward:
        level, key = ward_key(claim.ward)

        def about_ward(article: Row) -> bool:
            wards = (
                [article["ward"]]
                if article.get("ward")
                else [
                    r
                    for r in outputs.records
                    if r.get("article_id") == article.get("article_id")
                    and r.get("kind") == "unit"
                    and r.get("level") in ("phường", "xã", "thị trấn")
                ]
            )
            return any(
                name_keys(str(w.get("name", "")))[0] == key and (level is None or w.get("level") == level)
                for w in wards
            )

        articles = [a for a in articles if about_ward(a)]
    period = _period(claim.date)
    if period is not None:
        articles = [a for a in articles if _article_in_period(a, period, outputs)]
    return articles


def _article_in_period(article: Row, period: tuple[dt.date, dt.date], outputs: Outputs) -> bool:
    if article.get("published"):
        published = dt.date.fromisoformat(str(article["published"])[:10])
        return period[0] <= published <= period[1]
    for r in outputs.records:
        if r.get("article_id") == article.get("article_id") and r.get("kind") == "date":
            first, last = dt.date.fromisoformat(r["date_from"]), dt.date.fromisoformat(r["date_to"])
            if first <= period[1] and period[0] <= last:
                return True
    return False


def _first_word(text: str) -> str:
    words = fold(regex.sub(r"[^\w\s%]", " ", text)).split()
    return words[0] if words else ""


def claim_number(value: str) -> Decimal | None:
    """A claimed figure as written in Vietnamese ("1.000.000", "11,7", "575000000"); None for anything
    else, NaN and Infinity included."""
    return parse_numeral(regex.sub(r"[\s\u00a0]", "", value))


def check_claim(claim: Claim, outputs: Outputs) -> ClaimResult:
    if claim.problem:
        return ClaimResult(claim, "invalid", claim.problem)
    if not claim.ward and not claim.source:
        return ClaimResult(claim, "invalid", "the claim gives neither a ward nor a source")
    if claim.date and _period(claim.date) is None:
        return ClaimResult(
            claim, "invalid", f"date {claim.date!r} is not YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO"
        )
    if claim.kind not in CLAIM_KINDS:
        return ClaimResult(
            claim, "invalid", f"kind must be one of {', '.join(CLAIM_KINDS)}, not {claim.kind!r}"
        )
    if claim.kind == "date":
        wanted_dates = _period(claim.value)
        if wanted_dates is None:
            return ClaimResult(
                claim, "invalid", f"date value {claim.value!r} is not YYYY, YYYY-MM, YYYY-MM-DD or A..B"
            )
    else:
        number = claim_number(claim.value)
        if number is None:
            return ClaimResult(claim, "invalid", f"value {claim.value!r} is not a number")
    articles = _matching_articles(claim, outputs)
    if not articles:
        return ClaimResult(claim, "not_found", "no article matches the claim's ward/source/date")
    ids_ = {a["article_id"] for a in articles}
    same_kind = [r for r in outputs.records if r.get("article_id") in ids_ and r.get("kind") == claim.kind]
    if claim.kind in UNIT_KINDS and claim.unit:
        same_kind = [r for r in same_kind if _first_word(str(r.get("unit", ""))) == _first_word(claim.unit)]

    def equal(r: Row) -> bool:
        if claim.kind == "date":
            return wanted_dates == (
                dt.date.fromisoformat(r["date_from"]),
                dt.date.fromisoformat(r["date_to"]),
            )
        return Decimal(str(r.get(FIGURE[claim.kind]))) == number

    supporting = [r for r in same_kind if equal(r)]
    if supporting:
        return ClaimResult(claim, "supported", f"{len(supporting)} record(s) state this value", supporting)
    if claim.kind == "date":
        assert wanted_dates is not None
        granularity = "day" if wanted_dates[0] == wanted_dates[1] else None
        same_kind = [r for r in same_kind if granularity is None or r.get("granularity") == granularity]
    if same_kind:
        values = ", ".join(sorted({_shown_value(r) for r in same_kind}))
        return ClaimResult(claim, "contradicted", f"the articles state {values}", same_kind)
    what = f"{claim.kind} records" + (
        f" of unit {claim.unit!r}" if claim.unit and claim.kind in UNIT_KINDS else ""
    )
    return ClaimResult(claim, "not_found", f"no {what} in the {len(articles)} matching article(s)")


def _shown_value(record: Row) -> str:
    if record.get("kind") == "money":
        return f"{record['amount']:,} đồng".replace(",", ".")
    if record.get("kind") in UNIT_KINDS:
        return f"{record['value']} {record['unit']}"
    return f"{record.get('date_from')}..{record.get('date_to')}"


# --- consistency ---------------------------------------------------------------------------------


@dataclass
class Flag:
    article_id: str
    kind: str  # total_mismatch, percentage_mismatch
    reason: str
    records: list[Row]
    sentence: str
    source: str = ""


# Where a clause ends: ";", a sentence's end (".", "!", "?" or "…" before a space or a line break) and
# a paragraph's end (a blank line). Not ":" or ",": "tổng … gồm: 100 …, 150 …" is one clause.
_CLAUSE_END = regex.compile(r";|[.!?…](?=\s|$)|\n[ \t]*\n")
_SENTENCE_END = regex.compile(r"[.!?…](?=\s|$)|\n[ \t]*\n")
# "trên tổng số 60 hộ": the characters before a count read for a word that makes it a percentage's base
# (data/audit.yaml base_words) with its spaces; bounded, so a long sentence is read once per count.
_BASE_WORD_WINDOW = 25


def _same_sentence(a: Row, b: Row, text: str) -> bool:
    """Whether two records come from one sentence: their sentences are equal, or, when one was cut
    (a long sentence is stored in part), no sentence ends between them."""
    sa, sb = str(a.get("sentence", "")), str(b.get("sentence", ""))
    if not any(x.startswith(CUT) or x.endswith(CUT) for x in (sa, sb)):
        return sa == sb
    first, second = sorted((a, b), key=lambda r: r["start"])
    return _SENTENCE_END.search(text, first["end"], max(first["end"], second["start"])) is None


def _figure(record: Row) -> Decimal:
    return Decimal(str(record[FIGURE[record["kind"]]]))


def consistency_flags(outputs: Outputs) -> list[Flag]:
    base_words = compiled().base_words
    flags: list[Flag] = []
    by_article: dict[str, list[Row]] = {}
    for r in outputs.records:
        if r.get("kind") in AMOUNT_KINDS:
            by_article.setdefault(str(r.get("article_id")), []).append(r)
    for article_id, figures in by_article.items():
        article = outputs.articles.get(article_id, {})
        text = article.get("text") or ""
        source = str(article.get("source", ""))
        figures.sort(key=lambda r: r["start"])
        # Totals and their parts as pipeline/records/roles.py reads them (the same roles the records carry).
        for group in assign_roles(text, [dict(r) for r in figures]):
            r, parts = group.total, group.parts
            if r.get("qualifier") != "exact" or len(parts) < 2:
                continue
            if any(p.get("qualifier") != "exact" for p in parts):
                continue
            total = sum((_figure(p) for p in parts), Decimal(0))
            if total != _figure(r):
                flags.append(
                    Flag(
                        article_id,
                        "total_mismatch",
                        f"total {_shown_value(r)} but the parts listed beside it add up to "
                        f"{_shown_value({**r, 'amount': int(total), 'value': float(total)})}",
                        [r, *parts],
                        r.get("sentence", ""),
                        source,
                    )
                )
        for pct in (r for r in figures if r["kind"] == "count" and r.get("unit") == "%"):
            counts = [
                c
                for c in figures
                if c["kind"] == "count" and c.get("unit") != "%" and _same_sentence(c, pct, text)
            ]
            bases = [
                c
                for c in counts
                if base_words.search(text[max(0, c["start"] - _BASE_WORD_WINDOW) : c["start"]])
            ]
            part = next((c for c in reversed(counts) if c["end"] <= pct["start"] and c not in bases), None)
            bases = [b for b in bases if part is not None and same_measure(b, part)]
            if part is None or not bases:
                continue
            base = _figure(bases[0])
            if base == 0:
                continue
            share = _figure(part) / base * 100
            if abs(share - _figure(pct)) > 1:
                flags.append(
                    Flag(
                        article_id,
                        "percentage_mismatch",
                        f"{_figure(pct)}% stated, but {_shown_value(part)} of {_shown_value(bases[0])} "
                        f"is {share.quantize(Decimal('0.01'))}%",
                        [pct, part, bases[0]],
                        pct.get("sentence", ""),
                        source,
                    )
                )
    return flags


# --- the report ----------------------------------------------------------------------------------


@dataclass
class AuditReport:
    checks: list[RecordCheck]
    article_problems: list[str]
    claims: list[ClaimResult]
    flags: list[Flag]

    @property
    def failed(self) -> bool:
        return bool(self.article_problems) or any(c.problems for c in self.checks)

    def to_json(self) -> dict[str, Any]:
        failed = [c for c in self.checks if c.problems]
        claims_by_status: dict[str, int] = {}
        for c in self.claims:
            claims_by_status[c.status] = claims_by_status.get(c.status, 0) + 1
        return {
            "summary": {
                "records": len(self.checks),
                "records_failed": len(failed),
                "articles_changed": len(self.article_problems),
                "claims": claims_by_status,
                "flags": len(self.flags),
            },
            "article_problems": self.article_problems,
            "records_failed": [
                {
                    "record_id": c.record_id,
                    "article_id": c.article_id,
                    "kind": c.kind,
                    "text": c.text,
                    "problems": c.problems,
                }
                for c in failed
            ],
            "claims": [
                {
                    "line": r.claim.line,
                    "ward": r.claim.ward,
                    "source": r.claim.source,
                    "kind": r.claim.kind,
                    "value": r.claim.value,
                    "unit": r.claim.unit,
                    "date": r.claim.date,
                    "note": r.claim.note,
                    "status": r.status,
                    "reason": r.reason,
                    "evidence": [_evidence(e) for e in r.evidence],
                }
                for r in self.claims
            ],
            "flags": [
                {
                    "article_id": f.article_id,
                    "source": f.source,
                    "kind": f.kind,
                    "reason": f.reason,
                    "sentence": f.sentence,
                    "records": [_evidence(e) for e in f.records],
                }
                for f in self.flags
            ],
        }


def _evidence(record: Row) -> Row:
    keep = (*EVIDENCE_FIELDS, *RECORD_TYPE_BY_KIND[record["kind"]].value_fields)
    return {k: record[k] for k in keep if k in record}


def run_audit(out_dir: Path, claims_path: Path | None = None) -> AuditReport:
    outputs = load_outputs(out_dir)
    checks, article_problems = check_records(outputs)
    claims = [check_claim(c, outputs) for c in read_claims(claims_path)] if claims_path else []
    return AuditReport(checks, article_problems, claims, consistency_flags(outputs))
