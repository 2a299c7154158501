"""The audit's outputs: audit.json for machines, audit.html for the reviewer.

The page is one self-contained file (inline CSS and a few lines of script, no
network): every claim, failed record and consistency flag with its status and
the evidence sentence, the figure highlighted, filterable by status.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from bantin.pipeline.check.audit import AuditReport
from bantin.pipeline.outputs.writers import atomic_path

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


def _item(status: str, title: str, reason: str, evidence: list[tuple[str, list[str]]], meta: str = "") -> str:
    lines = [
        f'<div class="item" data-status="{html.escape(status)}">',
        f'<div><span class="status">{html.escape(status.replace("_", " "))}</span>{html.escape(title)}</div>',
        f'<div class="reason">{html.escape(reason)}</div>',
    ]
    lines += [f'<div class="evidence">{highlight(sentence, figures)}</div>' for sentence, figures in evidence]
    if meta:
        lines.append(f'<div class="meta">{html.escape(meta)}</div>')
    lines.append("</div>")
    return "\n".join(lines)


def render_html(data: dict[str, Any]) -> str:
    summary = data["summary"]
    items: list[str] = []
    for c in data["claims"]:
        where = c["ward"] or c["source"]
        title = f"{c['kind']} {c['value']}" + (f" {c['unit']}" if c["unit"] else "") + f" — {where}"
        if c["date"]:
            title += f" ({c['date']})"
        evidence = [(e.get("sentence") or e["text"], [e["text"]]) for e in c["evidence"]]
        items.append(_item(c["status"], title, c["reason"], evidence, f"claims line {c['line']} {c['note']}"))
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
        + f"\n<script>{_SCRIPT}</script>\n</body></html>\n"
    )


def write_audit(report: AuditReport, out_dir: Path) -> tuple[Path, Path]:
    data = report.to_json()
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out_dir / "audit.json", out_dir / "audit.html"
    with atomic_path(json_path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with atomic_path(html_path) as tmp:
        tmp.write_text(render_html(data), encoding="utf-8")
    return json_path, html_path
