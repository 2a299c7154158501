"""Evaluation against gold files: precision, recall and F1 per kind, by the annotation guideline.

Matching rules (documented in the README for users who annotate their own gold):
gold and predicted entries are first reduced to sets (repeated mentions of one
fact count once), then matched one to one per article and kind:
- date: same `from`/`to`; unit: same level, names equal after case folding,
  NFC, tone-mark placement and a leading "số"; official: same name (titles are
  scored apart, as the share of gold titles found among the matched person's);
  campaign: same name, punctuation and quotes ignored; model: the shorter title's
  words at least 80 % contained in the longer's (and at least half its length);
  money: same amount; count and measure: same value and same first word of unit.
Article fields: published date, title (equal after normalisation), authors (recall
and precision) and ward (level and name), where the gold gives one.
Articles are paired with gold files by the file name at the end of their `source`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bantin.pipeline.outputs.readers import read_jsonl
from bantin.pipeline.records.schema import KINDS, PLURAL, RECORD_TYPE_BY_KIND, Match
from bantin.pipeline.text.textnorm import fold

GOLD_KEY = PLURAL
# The gold files' names of record fields where they differ (a gold date is {"from": …, "to": …}).
GOLD_NAME = {"date_from": "from", "date_to": "to"}
Entry = dict[str, Any]


def loose(value: object) -> str:
    """Folded text with punctuation and quotes dropped, as the shared scorer reads it: with the
    standard `re`, whose \\w keeps "²" in "m²" (the `regex` module's drops it, and "m²" met "m")."""
    if value is None:
        return ""
    return fold(re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFC", str(value))))


def _unit_name(value: object) -> str:
    return re.sub(r"^số\s+", "", loose(value))


def _first_word(value: object) -> str:
    words = loose(value).split()
    return words[0] if words else ""


def _number(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _words_contained(a: object, b: object) -> bool:
    wa, wb = loose(a).split(), loose(b).split()
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    pool = list(long_)
    hits = 0
    for word in short:
        if word in pool:
            pool.remove(word)
            hits += 1
    return hits / len(short) >= 0.8 and len(short) / len(long_) >= 0.5


# How each kind of key field is read before comparing (records/schema.py `Match`).
NORMAL: dict[Match, Callable[[object], object]] = {
    "exact": str,
    "loose": loose,
    "unit_name": _unit_name,
    "number": _number,
    "first_word": _first_word,
    "contained": loose,
}


def _field(entry: Entry, name: str) -> object:
    """A key field of a gold entry (by the gold's name) or of a record."""
    return entry.get(GOLD_NAME.get(name, name), entry.get(name))


def key(kind: str, entry: Entry) -> tuple[object, ...]:
    """What a fact is known by, from its model's `key_fields`: repeated mentions of one fact share it."""
    key_fields = RECORD_TYPE_BY_KIND[kind].key_fields
    return tuple(NORMAL[how](_field(entry, name)) for name, how in key_fields.items())


def same(kind: str, gold: Entry, pred: Entry) -> bool:
    """Whether a predicted record matches a gold entry, field by field as its model's `key_fields` say."""
    for name, how in RECORD_TYPE_BY_KIND[kind].key_fields.items():
        g, p = _field(gold, name), _field(pred, name)
        if how == "contained":
            if not _words_contained(g, p):
                return False
            continue
        value = NORMAL[how](g)
        if value != NORMAL[how](p) or (how == "number" and value is None):
            return False
    return True


def dedupe(kind: str, entries: list[Entry]) -> list[Entry]:
    seen: set[object] = set()
    out: list[Entry] = []
    for entry in entries:
        k = key(kind, entry)
        if k not in seen:
            seen.add(k)
            out.append(entry)
    return out


def match(kind: str, gold: list[Entry], pred: list[Entry]) -> list[tuple[Entry, Entry]]:
    """Greedy one-to-one matching in gold order."""
    pairs: list[tuple[Entry, Entry]] = []
    used: set[int] = set()
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same(kind, g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _ward_key(ward: Entry) -> tuple[str, str]:
    return loose(ward.get("level")), _unit_name(ward.get("name"))


def _share(hits_total: list[int]) -> float | None:
    hits, total = hits_total
    return round(hits / total, 3) if total else None


def evaluate(gold_dir: Path, out_dir: Path) -> tuple[dict[str, Any], list[str]]:
    """Scores of the run in `out_dir` against every gold file of `gold_dir`, and the per-fact details."""
    articles = read_jsonl(out_dir / "articles.jsonl")
    records = read_jsonl(out_dir / "records.jsonl")
    by_file = {Path(str(a.get("source", ""))).name: a for a in articles}
    by_article: dict[str, list[Entry]] = {}
    for r in records:
        by_article.setdefault(r.get("article_id", ""), []).append(r)

    totals = {kind: [0, 0, 0] for kind in KINDS}  # matched, gold, predicted
    title_hits = title_total = 0
    published = [0, 0]
    authors = [0, 0]
    authors_pred = [0, 0]
    article_titles = [0, 0]
    wards = [0, 0]
    evidence_bad = evidence_total = 0
    missing: list[str] = []
    details: list[str] = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = by_file.get(gold["file"])
        if article is None:
            missing.append(gold["file"])
            recs: list[Entry] = []
            text = ""
        else:
            recs = by_article.get(article.get("article_id", ""), [])
            text = article.get("text") or ""
            published[1] += 1
            if str(article.get("published") or "")[:10] == str(gold.get("published") or "")[:10]:
                published[0] += 1
            for author in gold.get("authors") or []:
                authors[1] += 1
                if any(loose(author) == loose(x) for x in article.get("authors") or []):
                    authors[0] += 1
            for author in article.get("authors") or []:
                authors_pred[1] += 1
                if any(loose(author) == loose(x) for x in gold.get("authors") or []):
                    authors_pred[0] += 1
            article_titles[1] += 1
            if loose(gold.get("title")) == loose(article.get("title")):
                article_titles[0] += 1
            else:
                details.append(f"  {gold['file']} title {gold.get('title')!r} GOT {article.get('title')!r}")
            if "ward" in gold:
                gold_ward, ward_found = gold.get("ward") or {}, article.get("ward") or {}
                wards[1] += 1
                if _ward_key(gold_ward) == _ward_key(ward_found):
                    wards[0] += 1
                else:
                    details.append(
                        f"  {gold['file']} ward {gold_ward.get('level')} {gold_ward.get('name')} "
                        f"GOT {ward_found.get('level')} {ward_found.get('name')}"
                    )
        for r in recs:
            evidence_total += 1
            s, e = r.get("start"), r.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and text[s:e] == r.get("text")):
                evidence_bad += 1
        for kind in KINDS:
            g = dedupe(kind, gold.get(GOLD_KEY[kind]) or [])
            p = dedupe(kind, [r for r in recs if r.get("kind") == kind])
            pairs = match(kind, g, p)
            totals[kind][0] += len(pairs)
            totals[kind][1] += len(g)
            totals[kind][2] += len(p)
            if kind == "official":
                for gg, pp in pairs:
                    for title in gg.get("titles") or []:
                        title_total += 1
                        if any(loose(title) == loose(x) for x in pp.get("titles") or []):
                            title_hits += 1
            matched_g = {id(x) for x, _ in pairs}
            matched_p = {id(y) for _, y in pairs}
            name = gold["file"]
            details += [f"  {name} {kind} MISSED {x.get('text')!r}" for x in g if id(x) not in matched_g]
            details += [f"  {name} {kind} EXTRA  {y.get('text')!r}" for y in p if id(y) not in matched_p]

    result: dict[str, Any] = {}
    f1s: list[float] = []
    for kind in KINDS:
        m, n_gold, n_pred = totals[kind]
        precision = m / n_pred if n_pred else (1.0 if not n_gold else 0.0)
        recall = m / n_gold if n_gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[kind] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "gold": n_gold,
            "predicted": n_pred,
            "matched": m,
        }
        f1s.append(f1)
    result["official_titles_recall"] = round(title_hits / title_total, 3) if title_total else None
    result["published_accuracy"] = _share(published)
    result["authors_recall"] = _share(authors)
    result["authors_precision"] = _share(authors_pred)
    result["title_accuracy"] = _share(article_titles)
    result["ward_accuracy"] = _share(wards)
    result["evidence_mismatches"] = evidence_bad
    result["records"] = evidence_total
    result["articles_missing"] = missing
    result["macro_f1"] = round(sum(f1s) / len(f1s), 3)
    return result, details


def format_table(result: dict[str, Any], details: list[str] | None = None) -> str:
    lines = [f"{'kind':10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for kind in KINDS:
        r = result[kind]
        figures = f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}"
        lines.append(f"{kind:10} {figures} {r['gold']:6d} {r['predicted']:6d}")
    lines.append(f"official titles recall: {result['official_titles_recall']}")
    lines.append(
        f"published accuracy: {result['published_accuracy']}  title accuracy: {result['title_accuracy']}  "
        f"ward accuracy: {result['ward_accuracy']}"
    )
    lines.append(
        f"authors recall: {result['authors_recall']}  authors precision: {result['authors_precision']}"
    )
    lines.append(f"evidence mismatches: {result['evidence_mismatches']} of {result['records']} records")
    if result["articles_missing"]:
        lines.append(f"articles with no output: {', '.join(result['articles_missing'])}")
    lines += details or []
    lines.append(f"macro F1 = {result['macro_f1']}")
    return "\n".join(lines)
