"""Scraped pages: the article of a portal's page, without its furniture, and what the page states.

A ward or commune portal puts the article between a banner, menus, a breadcrumb,
lists of other articles (with their figures and dates), widgets, share bars, view
and visitor counters and a footer with address, phone and copyright year. Here:

- the boxes that are not the article are removed first: structural ones by XPath
  (`prune_xpath` in pipeline/data/html.yaml, also given to trafilatura), the ones a
  Vietnamese heading names ("Tin liên quan", "Bài viết mới" …) and the footer by
  their markers, each up to the block that holds article prose;
- trafilatura (offline, precision settings) gives the main text; what it returns
  is trimmed of a trailing box it kept;
- the title is the article's heading in the body, never a generic `<title>` or a
  widget heading; `published` is the page's own statement (its meta, a `<time>`
  or the date line under the heading), never a copyright year, a URL or a related
  article's date, and null when the page gives none. The heading and the date line
  open the text, as they open the same article given as `.txt`.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from bantin.pipeline.text.metadata import parse_dateline
from bantin.pipeline.text.resources import load_yaml

# libxml2 stops building the tree at this depth (without XML_PARSE_HUGE) and drops what lies deeper.
PARSER_MAX_DEPTH = 255
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link"})


class PageProblem(ValueError):
    """The page gives no article; the message says why."""


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: str | None  # ISO date
    authors: tuple[str, ...]
    url: str | None


@dataclass(frozen=True)
class _Compiled:
    prune_xpath: tuple[str, ...]
    box_markers: frozenset[str]
    footer_markers: tuple[str, ...]
    widget_headings: frozenset[str]
    title_class: regex.Pattern[str]
    site_name: regex.Pattern[str]
    prose_run_chars: int
    min_prose_words: int
    date_meta: frozenset[str]


def _key(text: str) -> str:
    return " ".join(text.split()).strip(" :").casefold()


@cache
def compiled() -> _Compiled:
    data = load_yaml("pipeline", "html.yaml")
    return _Compiled(
        prune_xpath=tuple(data["prune_xpath"]),
        box_markers=frozenset(_key(m) for m in data["box_markers"]),
        footer_markers=tuple(m.casefold() for m in data["footer_markers"]),
        widget_headings=frozenset(_key(m) for m in data["widget_headings"]),
        title_class=regex.compile(data["title_class"]),
        site_name=regex.compile(data["site_name"], regex.IGNORECASE | regex.VERSION1),
        prose_run_chars=int(data["prose_run_chars"]),
        min_prose_words=int(data["min_prose_words"]),
        date_meta=frozenset(m.casefold() for m in data["date_meta"]),
    )


def quiet_trafilatura() -> None:
    """trafilatura and htmldate log their discards ("discarding data: None") to stderr: not ours to show."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def read_page(html: str) -> Page:
    """The article of one page and what the page states; PageProblem when it has none."""
    import trafilatura  # an ImportError is the caller's to report for this page
    from trafilatura.utils import load_html

    quiet_trafilatura()
    rules = compiled()
    tree = load_html(html)
    if tree is None:
        raise PageProblem("the HTML could not be parsed")
    if _depth(tree) >= PARSER_MAX_DEPTH:
        raise PageProblem(
            f"the page is nested too deeply to parse (more than {PARSER_MAX_DEPTH} levels of elements)"
        )
    meta = _meta(tree)
    _unwrap_layout(tree, rules)
    _remove_boxes(tree, rules)
    doc = trafilatura.bare_extraction(
        copy.deepcopy(tree),  # trafilatura edits the tree it is given; the heading is looked for after
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        prune_xpath=list(rules.prune_xpath),
    )
    data: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    body = _trim(data.get("text") or "", rules)
    if not _has_prose(body, rules):
        raise PageProblem("no article text: the page's main text has no sentence of article prose")
    for xpath in rules.prune_xpath:
        for el in tree.xpath(xpath):
            _drop(el)
    start = _body_start(tree, body, rules)
    heading = _heading(tree, start, meta, rules)
    title = _text(heading) if heading is not None else None
    dateline, published = _date_line(tree, heading, start)
    published = meta.get("published") or published
    if title and body.startswith(title) and not _repeated_in_body(tree, title, rules):
        body = body[len(title) :].lstrip()  # trafilatura kept the heading: it opens the text below
    parts = [title] if title else []
    if dateline and dateline not in body[: len(dateline) + 400]:
        parts.append(dateline)
    # Each block of the page is a paragraph of its own: blank lines say so, as a .txt bulletin does
    # (single newlines would read as the hard wrap of one paragraph).
    text = "\n\n".join([*parts, *(ln for ln in body.split("\n") if ln.strip())])
    author = meta.get("author")
    authors = (author,) if author and _person_like(author) else ()
    return Page(text, title, published, authors, data.get("url"))


def _depth(tree: Any) -> int:
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        el, d = stack.pop()
        deepest = max(deepest, d)
        stack.extend((child, d + 1) for child in el)
    return deepest


def _text(el: Any) -> str:
    return " ".join(el.text_content().split())


def _drop(el: Any) -> None:
    """Remove an element (not the root), keeping its tail text in place."""
    if el.getparent() is not None:
        el.drop_tree()


def _meta(tree: Any) -> dict[str, str]:
    rules = compiled()
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").casefold()
        content = (el.get("content") or "").strip()
        if not content:
            continue
        if name in rules.date_meta and "published" not in out:
            day = _iso_day(content)
            if day:
                out["published"] = day
        elif name == "og:site_name":
            out["site_name"] = content
        elif name == "author":
            out["author"] = content
    for el in tree.iter("time"):
        day = _iso_day(el.get("datetime") or "")
        if day and "published" not in out and "published" in (el.get("class") or ""):
            out["published"] = day
    title = tree.find(".//title")
    if title is not None:
        out["title"] = _text(title)
    return out


def _iso_day(value: str) -> str | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _runs(el: Any) -> Iterator[str]:
    """Every run of text inside `el` (element texts and tails), scripts left out."""
    for node in el.iter():
        if not isinstance(node.tag, str) or node.tag in _SKIP_TAGS:
            continue
        if node.text:
            yield node.text
        if node is not el and node.tail:
            yield node.tail


def _holds_prose(el: Any, rules: _Compiled) -> bool:
    return any(len(run.strip()) >= rules.prose_run_chars for run in _runs(el))


def _unwrap_layout(tree: Any, rules: _Compiled) -> None:
    """Layout markup read as what it holds: a table that lays out the page (it holds prose or other
    tables) becomes blocks, not a data table; a figure's caption becomes a paragraph of the article."""
    for table in list(tree.iter("table")):
        if table.find(".//table") is None and not _holds_prose(table, rules):
            continue  # a data table: trafilatura keeps its rows as rows
        rows = table.xpath("./tr | ./*/tr")
        for part in [*table.xpath("./tbody | ./thead | ./tfoot"), *rows, *(c for r in rows for c in r)]:
            part.tag = "div"
        table.tag = "div"
    for el in tree.iter("figure", "figcaption"):
        el.tag = "div" if el.tag == "figure" else "p"


def _box_of(el: Any, rules: _Compiled) -> Any:
    """The largest block around `el` that holds no article prose."""
    box = el
    parent = el.getparent()
    while parent is not None and parent.tag not in ("body", "html") and not _holds_prose(parent, rules):
        box, parent = parent, parent.getparent()
    return box


def _remove_boxes(tree: Any, rules: _Compiled) -> None:
    """Remove the boxes a heading marks as other articles or widgets, and the footer."""
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            continue
        own = _text(el)
        if not own or len(own) > 400:
            continue
        key = _key(own)
        if key in rules.box_markers and not any(_key(_text(c)) == key for c in el):
            doomed.append(_box_of(el, rules))
        elif len(el) == 0 or el.tag in ("p", "div", "td", "font"):
            low = own.casefold()
            if any(m in low for m in rules.footer_markers) and not _holds_prose(el, rules):
                doomed.append(_box_of(el, rules))
    for box in doomed:
        if box.getparent() is not None:
            _drop(box)


def _trim(text: str, rules: _Compiled) -> str:
    """The main text without a trailing box trafilatura kept: from a marker line on, if no prose follows."""
    lines = [ln.strip() for ln in text.strip().split("\n")]
    for i, line in enumerate(lines):
        if _key(line) in rules.box_markers and not any(
            len(rest) >= rules.prose_run_chars for rest in lines[i + 1 :]
        ):
            lines = lines[:i]
            break
    return "\n".join(lines).strip()


def _has_prose(text: str, rules: _Compiled) -> bool:
    return any(len(line.split()) >= rules.min_prose_words for line in text.split("\n"))


def _body_start(tree: Any, body: str, rules: _Compiled) -> Any:
    """The element where the main text's first line of prose begins (a line of a heading, kept by
    trafilatura or repeated by the body, does not count), or None."""
    elements = [el for el in tree.iter() if isinstance(el.tag, str) and el.tag not in _SKIP_TAGS]
    lines = [ln for ln in body.split("\n") if len(ln.split()) >= rules.min_prose_words]
    for line in lines[:5]:
        probe = " ".join(line.split())[:30]
        for el in elements:
            runs = [el.text or "", *(child.tail or "" for child in el)]
            if any(probe in " ".join(run.split()) for run in runs) and not _in_heading(el, rules):
                return el
    return None


def _repeated_in_body(tree: Any, title: str, rules: _Compiled) -> bool:
    """Whether a paragraph, not only the heading, holds the title (the body repeats it)."""
    probe = " ".join(title.split())
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or _in_heading(el, rules):
            continue
        if any(probe in " ".join(run.split()) for run in [el.text or "", *(c.tail or "" for c in el)]):
            return True
    return False


def _in_heading(el: Any, rules: _Compiled) -> bool:
    return _is_heading(el, rules) or any(_is_heading(a, rules) for a in el.iterancestors())


def _is_heading(el: Any, rules: _Compiled) -> bool:
    if el.tag in _HEADING_TAGS:
        return True
    cls = f"{el.get('class') or ''} {el.get('id') or ''}"
    if rules.title_class.search(cls):
        return True
    # Old table layouts: a title is a big <font>, or bold text that is a line of its own.
    size = el.get("size") or ""
    return el.tag == "font" and size.lstrip("+").isdigit() and int(size.lstrip("+")) >= 3


def _heading(tree: Any, start: Any, meta: dict[str, str], rules: _Compiled) -> Any:
    """The article's heading: the last heading before the main text that names no site or widget."""
    generic = {_key(meta.get("site_name", ""))}
    best = None
    for el in tree.iter():
        if el is start:
            break
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or not _is_heading(el, rules):
            continue
        text = _text(el)
        key = _key(text)
        words = len(text.split())
        if words < 3 or len(text) > 300 or key in rules.widget_headings or key in generic:
            continue
        if rules.site_name.match(text):
            continue
        if parse_dateline(text) is not None:
            continue
        if best is not None and (best in el.iterancestors() or el in best.iterancestors()):
            best = el if el in best.iterancestors() else best
            continue
        best = el
    if start is None and best is not None and best.tag not in ("h1",):
        return None
    return best


def _date_line(tree: Any, heading: Any, start: Any) -> tuple[str | None, str | None]:
    """The date line between the heading and the main text: (its text, ISO date)."""
    if heading is None:
        return None, None
    after = False
    for el in tree.iter():
        if el is start:
            break
        if el is heading:
            after = True
            continue
        if not after or not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or heading in el.iterancestors():
            continue
        for text in (_text(el), " ".join((el.text or "").split())):
            if not text or len(text) > 120:
                continue
            day = parse_dateline(text)
            if day is not None:
                return text, day.isoformat()
    return None, None


def _person_like(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and name.casefold() != "admin"
