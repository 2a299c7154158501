"""The page-layout set (corpus/pages/): real bulletins in the layouts of ward and commune portals.

Scored against the gold of their text; the article of every page gives the same records as its
text written as a bulletin file; nothing of the furniture (other articles, widgets, counters,
footers) reaches the article. Figures measured: README "Scraped pages".
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from bantin.pipeline.check.evaluate import evaluate, loose
from tests.conftest import ROOT, Extraction, extract

PAGES = ROOT / "corpus" / "pages"
REAL = ROOT.parent / "shared" / "real"
_spec = importlib.util.spec_from_file_location("make_pages", PAGES / "make_pages.py")
assert _spec is not None and _spec.loader is not None
make_pages = importlib.util.module_from_spec(_spec)
sys.modules["make_pages"] = make_pages  # its dataclasses look their module up
_spec.loader.exec_module(make_pages)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    return extract(sorted((PAGES / "html").glob("*.html")), tmp_path_factory.mktemp("pages_out"))


def _by_page(batch: Extraction) -> dict[str, set[str]]:
    """Each page's records as values (offsets, ids and the evidence's whitespace left out)."""
    names = {a["article_id"]: Path(a["source"]).stem for a in batch.articles}
    out: dict[str, set[str]] = defaultdict(set)
    for r in batch.records:
        value = {k: v for k, v in r.items() if k not in ("record_id", "article_id", "start", "end", "sentence")}
        value["text"] = " ".join(str(value["text"]).split())
        out[names[r["article_id"]]].add(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return out


def test_the_set_covers_the_layouts() -> None:
    files = sorted((PAGES / "html").glob("*.html"))
    assert len(files) >= 20
    assert len({f.stem.split("_")[0] for f in files}) >= 5
    assert {f.stem for f in files} == {f.stem for f in (PAGES / "gold").glob("*.json")}


def test_page_set_scores(pages: Extraction) -> None:
    assert not pages.errors
    result, _ = evaluate(PAGES / "gold", pages.out)
    assert not result["articles_missing"]
    assert result["published_accuracy"] >= 0.95
    by_file = {Path(a["source"]).name: a for a in pages.articles}
    golds = [json.loads(p.read_text("utf-8")) for p in sorted((PAGES / "gold").glob("*.json"))]
    titles = [loose(g["title"]) == loose(by_file[g["file"]]["title"]) for g in golds]
    assert sum(titles) / len(titles) >= 0.95
    assert result["macro_f1"] >= 0.78  # the same articles as .txt: see test_pages_score_as_their_text


def test_pages_score_as_their_text(pages: Extraction, tmp_path: Path) -> None:
    """Macro F1 on the pages within 0.02 of the same real articles given as `.txt`."""
    if not (REAL / "articles").is_dir():
        pytest.skip("../shared/real is not beside this checkout")
    names = sorted({p.stem.split("_")[-1] for p in (PAGES / "html").glob("*.html")})
    (tmp_path / "gold").mkdir()
    for name in names:
        shutil.copy(REAL / "gold" / f"{name}.json", tmp_path / "gold")
    extract([REAL / "articles" / f"{name}.txt" for name in names], tmp_path / "txt")
    as_text, _ = evaluate(tmp_path / "gold", tmp_path / "txt")
    as_pages, _ = evaluate(PAGES / "gold", pages.out)
    assert as_pages["macro_f1"] >= as_text["macro_f1"] - 0.02


def test_same_records_as_the_page_text(pages: Extraction, tmp_path: Path) -> None:
    """Each page gives the records of its article written as a bulletin file (`text/`)."""
    twins = extract(sorted((PAGES / "text").glob("*.txt")), tmp_path / "text")
    page_records, text_records = _by_page(pages), _by_page(twins)
    assert set(page_records) == set(text_records)
    for name in sorted(text_records):
        assert page_records[name] == text_records[name], name


def _furniture_phrases() -> list[str]:
    page = make_pages.Page("x.html", make_pages.random.Random(0), make_pages.SITES[0], 2024)
    footer = make_pages.footer_lines(page)
    return [
        *make_pages.OTHER_NEWS,
        *(line.split(":")[0] for line in footer),
        "Tin liên quan",
        "Các tin khác",
        "Bài viết mới",
        "Bài viết liên quan",
        "Tin cùng chuyên mục",
        "Đang truy cập",
        "Tổng lượt truy cập",
        "Bản quyền",
        "Trang chủ",
        "Chia sẻ",
        "Liên kết website",
        "Văn bản mới",
        "Quyết định số 15/QĐ-UBND",
        "All rights reserved",
    ]


def test_no_furniture_in_the_articles(pages: Extraction) -> None:
    phrases = _furniture_phrases()
    for article in pages.articles:
        found = [p for p in phrases if p in article["text"]]
        assert not found, (article["source"], found)


def test_no_records_from_furniture(pages: Extraction) -> None:
    phrases = [p for p in _furniture_phrases() if len(p) > 12]
    texts: dict[str, Any] = {a["article_id"]: a["text"] for a in pages.articles}
    for r in pages.records:
        sentence = r.get("sentence") or texts[r["article_id"]][r["start"] : r["end"]]
        assert not any(p in sentence for p in phrases), r
