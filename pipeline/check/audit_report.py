"""The audit's outputs: audit.json for machines, audit.html for the reviewer.

The page is one self-contained file (inline CSS and a few lines of script, no
network): every claim, failed record and consistency flag with its status and
the evidence sentence, the figure highlighted, filterable by status. Given the
outputs, the audit also writes each article's show page (its stored records drawn
over its words, as `bantin show` draws them) to show/<article_id>.html beside
audit.html; the page lists every article and each item links to its article's page,
relative links a reviewer can click offline.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bantin.pipeline.check.audit import AuditReport, Outputs
from bantin.pipeline.outputs.writers import atomic_path
from bantin.pipeline.run.spacy_component import render_show, stored_doc

SHOW_DIR = "show"  # beside audit.html: show/<article_id>.html

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem}
.filters button{margin-right:.4rem;padding:.3rem .7rem;border:1px solid #888;background:#fff;cursor:pointer}
.filters button.on{background:#333;color:#fff}
.item{border:1px solid #ddd;border-left:6px solid #999;padding:.6rem .9rem;margin:.6rem 0}
.item[data-status=supported]{border-left-color:#2e7d32}
.item[data-status=contradicted]{border-left-color:#c62828}
.item[data-status=not_found]{border-left-color:#f9a825} .item[data-status=failed]{border-left-color:#6a1b9a}
.item[data-status=flagged]{border-left-color:#ef6c00} .item[data-status=invalid]{border-left-color:#555}
.status{font-weight:bold;text-transform:uppercase;font-size:.8rem;margin-right:.5rem}
.evidence{margin:.3rem 0 .3rem 1rem;font-family:Georgia,serif} mark{background:#ffe082;padding:0 .1rem}
.reason{color:#555} .meta{color:#777;font-size:.85rem}
"""

_SCRIPT = """
document.querySelectorAll('.filters button').forEach(function (b) {
  b.addEventListener('click', function () {
    document.querySelectorAll('.filters button').forEach(function (x) { x.classList.remove('on'); });
    b.classList.add('on');
    var want = b.dataset.status;
    document.querySelectorAll('.item').forEach(function (it) {
      it.style.display = (want === 'all' || it.dataset.status === want) ? '' : 'none';
    });
  });
});
var params = new URLSearchParams(location.search);
if (params.get('status')) {
  var b = document.querySelector('.filters button[data-status="' + params.get('status') + '"]');
  if (b) { b.click(); }
}
document.body.dataset.ready = 'yes';
"""


def highlight(sentence: str, figures: list[str]) -> str:
    """The sentence, HTML-escaped, with each figure's first occurrence in <mark>."""
    spans: list[tuple[int, int]] = []
    for figure in figures:
        at = sentence.find(figure) if figure else -1
        if at >= 0 and not any(s < at + len(figure) and at < e for s, e in spans):
            spans.append((at, at + len(figure)))
    spans.sort()
    out: list[str] = []
    pos = 0
    for s, e in spans:
        out.append(html.escape(sentence[pos:s]))
        out.append(f"<mark>{html.escape(sentence[s:e])}</mark>")
        pos = e
    out.append(html.escape(sentence[pos:]))
    missing = [f for f in figures if f and f not in sentence]
    out += [f" <mark>{html.escape(f)}</mark>" for f in missing]
    return " ".join("".join(out).split())


def _item(
    status: str,
    title: str,
    reason: str,
    evidence: list[tuple[str, list[str]]],
    meta: str = "",
    links: Mapping[str, str] | None = None,
    article_ids: list[str] | None = None,
) -> str:
    lines = [
        f'<div class="item" data-status="{html.escape(status)}">',
        f'<div><span class="status">{html.escape(status.replace("_", " "))}</span>{html.escape(title)}</div>',
        f'<div class="reason">{html.escape(reason)}</div>',
    ]
    lines += [f'<div class="evidence">{highlight(sentence, figures)}</div>' for sentence, figures in evidence]
    if meta:
        lines.append(f'<div class="meta">{html.escape(meta)}</div>')
    shown = [a for a in dict.fromkeys(article_ids or []) if links and a in links]
    if shown and links is not None:
        lines.append(
            '<div class="meta">'
            + " ".join(f'<a href="{html.escape(links[a])}">article {html.escape(a)}</a>' for a in shown)
            + "</div>"
        )
    lines.append("</div>")
    return "\n".join(lines)


def _article_list(articles: Mapping[str, Mapping[str, Any]], links: Mapping[str, str]) -> str:
    rows = [
        f'<li><a href="{html.escape(links[a])}">{html.escape(str(row.get("title") or a))}</a>'
        f" <span class=meta>{html.escape(str(row.get('source', '')))}</span></li>"
        for a, row in articles.items()
        if a in links
    ]
    return "<h2>Articles</h2>\n<ul>\n" + "\n".join(rows) + "\n</ul>\n" if rows else ""


def render_html(
    data: dict[str, Any],
    links: Mapping[str, str] | None = None,
    articles: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """The audit page; `links` (article id → its show page) link each item's article, and list the
    `articles` at the end."""
    summary = data["summary"]
    items: list[str] = []
    for c in data["claims"]:
        where = c["ward"] or c["source"]
        title = f"{c['kind']} {c['value']}" + (f" {c['unit']}" if c["unit"] else "") + f" — {where}"
        if c["date"]:
            title += f" ({c['date']})"
        evidence = [(e.get("sentence") or e["text"], [e["text"]]) for e in c["evidence"]]
        ids = [e["article_id"] for e in c["evidence"] if "article_id" in e]
        meta = f"claims line {c['line']} {c['note']}"
        items.append(_item(c["status"], title, c["reason"], evidence, meta, links, ids))
    for problem in data["article_problems"]:
        items.append(_item("failed", "article", problem, []))
    for r in data["records_failed"]:
        items.append(
            _item(
                "failed",
                f"{r['kind']} record “{r['text']}”",
                "; ".join(r["problems"]),
                [],
                f"record {r['record_id']} in article {r['article_id']}",
                links,
                [r["article_id"]],
            )
        )
    for f in data["flags"]:
        evidence = [(f["sentence"], [e["text"] for e in f["records"]])]
        items.append(
            _item(
                "flagged",
                f["kind"].replace("_", " "),
                f["reason"],
                evidence,
                f"{f.get('source', '')} (article {f['article_id']})",
                links,
                [f["article_id"]],
            )
        )
    statuses = ["all", "supported", "contradicted", "not_found", "failed", "flagged", "invalid"]
    buttons = "".join(
        f'<button data-status="{s}"{" class=on" if s == "all" else ""}>{s.replace("_", " ")}</button>'
        for s in statuses
    )
    claims = summary["claims"]
    head = (
        f"{summary['records']} records checked, {summary['records_failed']} failed; "
        f"{summary['articles_changed']} articles changed; "
        + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(claims.items()))
        + (";" if claims else "")
        + f" {summary['flags']} consistency flags"
    )
    return (
        "<!doctype html>\n<html lang=vi><head><meta charset=utf-8><title>bantin audit</title>"
        f"<style>{_CSS}</style></head><body>\n<h1>bantin audit</h1>\n<p>{html.escape(head)}</p>\n"
        f'<div class="filters">{buttons}</div>\n'
        + "\n".join(items)
        + "\n"
        + _article_list(articles or {}, links or {})
        + f"<script>{_SCRIPT}</script>\n</body></html>\n"
    )


def write_show_pages(outputs: Outputs, out_dir: Path) -> dict[str, str]:
    """show/<article_id>.html in `out_dir` for every article with its text: its stored records (not
    re-extracted) drawn over its words. Returns article id → the page, relative to `out_dir`."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in outputs.records:
        by_article[record.get("article_id", "")].append(record)
    (out_dir / SHOW_DIR).mkdir(parents=True, exist_ok=True)
    links: dict[str, str] = {}
    for article_id, article in outputs.articles.items():
        if not isinstance(article.get("text"), str) or not article_id.isalnum():
            continue  # no text to draw, or an id that is no file name
        link = f"{SHOW_DIR}/{article_id}.html"
        with atomic_path(out_dir / link) as tmp:
            tmp.write_text(render_show([stored_doc(article, by_article[article_id])]), encoding="utf-8")
        links[article_id] = link
    return links


def write_audit(report: AuditReport, out_dir: Path, outputs: Outputs | None = None) -> tuple[Path, Path]:
    """audit.json and audit.html in `out_dir`; with the `outputs` audited, their articles' show pages too."""
    data = report.to_json()
    out_dir.mkdir(parents=True, exist_ok=True)
    links = write_show_pages(outputs, out_dir) if outputs is not None else {}
    json_path, html_path = out_dir / "audit.json", out_dir / "audit.html"
    with atomic_path(json_path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with atomic_path(html_path) as tmp:
        tmp.write_text(render_html(data, links, outputs.articles if outputs else None), encoding="utf-8")
    return json_path, html_path
