"""Scraped pages: the article without the page's furniture, the title and date the page states,
and the pages that give no article (menus only, too deeply nested, no HTML reader installed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bantin.gazetteer.sites import Site, Sites
from bantin.pipeline.ingest.inputs import IngestError, InputItem, read_item
from tests.conftest import extract

BODY = (
    "<p>Sáng ngày 12/7, Đảng ủy Phường 6 tổ chức ra mắt mô hình “Đồng phục chắp cánh ước mơ” với tổng kinh "
    "phí 50 triệu đồng, trao 120 bộ đồng phục cho học sinh thuộc hộ nghèo, cận nghèo trên địa bàn phường.</p>"
    "<p>Tham dự có đồng chí Nguyễn Văn An, Bí thư Đảng ủy phường, cùng đại diện các ban ngành, đoàn thể "
    "và đông đảo phụ huynh, học sinh trên địa bàn.</p>"
)
TITLE = "Phường 6 ra mắt mô hình “Đồng phục chắp cánh ước mơ”"
RELATED = (
    "<div class='box'><h3>Tin liên quan</h3><ul>"
    "<li><a href='#'>Xã Hòa Phú trao 150 suất quà cho hộ nghèo</a> (12/03/2023)</li>"
    "<li><a href='#'>Ông Trần Văn Bình, Chủ tịch UBND xã thăm 30 hộ gia đình chính sách</a> (02/01/2024)</li>"
    "</ul></div>"
)
FOOTER = (
    "<div id='footer'>Cơ quan chủ quản: UBND phường 6. Điện thoại: 0272 3822 135. "
    "Bản quyền thuộc UBND Phường 6 © 2024</div>"
    "<div class='stats'>Đang truy cập: 25<br>Tổng lượt truy cập: 1.234.567</div>"
)


def page(head: str, body: str) -> str:
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def read(tmp_path: Path, html: str, name: str = "page.html") -> dict:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    batch = extract([path], tmp_path / "out")
    assert not batch.errors, batch.errors
    [article] = batch.articles
    return {"article": article, "records": batch.records}


LAYOUTS = {
    # A portal's generic <title>, the heading in a <span class="title">, a date line with a view counter.
    "liferay": page(
        "<title>UBND XA - Tin tuc</title>",
        "<div class='breadcrumbs'>Trang chủ &gt; Tin tức</div><div class='journal-content-article'>"
        f"<span class='title'>{TITLE}</span><div>Ngày đăng: 28/12/2023 17:49 | Lượt xem: 345</div>{BODY}</div>"
        f"{RELATED}{FOOTER}",
    ),
    # WordPress: a 'Bài viết mới' widget heading comes first, the date only in meta and <time>.
    "wordpress": page(
        "<title>Tin tức – UBND Phường 6</title>"
        "<meta property='article:published_time' content='2023-12-28T07:00:00+07:00'>",
        "<aside><section class='widget'><h2 class='widget-title'>Bài viết mới</h2><ul><li>Hội nghị tổng kết"
        " năm 2022 của 12 chi hội</li></ul></section></aside><article><header>"
        f"<h1 class='entry-title'>{TITLE}</h1><time class='entry-date published' datetime='2023-12-28T07:00'>"
        f"28/12/2023</time></header><div class='entry-content'>{BODY}</div></article>{FOOTER}",
    ),
    # An old table layout: the title a big <font>, 'Các tin khác:' under the article.
    "table": page(
        "<title>UBND PHUONG 6</title>",
        "<table><tr><td><font size='4'><b>" + TITLE + "</b></font><br><font size='1'>Cập nhật lúc 08:30 ngày "
        f"28/12/2023</font></td></tr><tr><td><font size='2'>{BODY}</font></td></tr><tr><td><b>Các tin khác:</b>"
        "<br><a href='#'>Phường 6 trao 200 suất học bổng</a> (12/03/2023)</td></tr>"
        "<tr><td>Bản quyền thuộc UBND Phường 6 © 2024</td></tr></table>",
    ),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_article_without_furniture_with_its_own_title_and_date(tmp_path: Path, layout: str) -> None:
    got = read(tmp_path, LAYOUTS[layout])
    article = got["article"]
    assert article["title"] == TITLE
    assert article["published"] == "2023-12-28"
    assert article["text"].startswith(TITLE + "\n\n")
    for furniture in ("Tin liên quan", "Các tin khác", "Bài viết mới", "150 suất", "200 suất", "Bản quyền",
                      "Đang truy cập", "Cơ quan chủ quản", "Trần Văn Bình", "Trang chủ"):
        assert furniture not in article["text"]
    values = {(r["kind"], r["text"]) for r in got["records"]}
    assert ("money", "50 triệu đồng") in values and ("count", "120 bộ đồng phục") in values
    assert not any(r["kind"] == "date" and r["date_from"].startswith(("2022", "2024")) for r in got["records"])


def test_no_date_of_its_own_is_no_date(tmp_path: Path) -> None:
    """A copyright year, a related article's date or the header's today-date is not the article's date."""
    html = page(
        "<title>UBND XA - Tin tuc</title>",
        "<div class='today'>Thứ năm, 14/03/2024</div>"
        f"<div class='content'><span class='title'>{TITLE}</span>{BODY}</div>{RELATED}{FOOTER}",
    )
    article = read(tmp_path, html)["article"]
    assert article["published"] is None and article["title"] == TITLE


def test_no_heading_is_no_title(tmp_path: Path) -> None:
    """A generic <title> (the site's name, a section) is not the article's title."""
    html = page("<title>Cổng thông tin điện tử phường 6</title>", f"<h1>Tin tức</h1><div>{BODY}</div>{FOOTER}")
    assert read(tmp_path, html)["article"]["title"] is None


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Tin</title></head><body><p>Trang chủ</p><p>Giới thiệu</p></body></html>",
        "<html><body><nav>menu</nav></body></html>",
        page("<title>UBND</title>", f"<nav>Trang chủ | Giới thiệu</nav>{FOOTER}"),
    ],
)
def test_a_page_of_menus_is_no_article(tmp_path: Path, html: str) -> None:
    path = tmp_path / "menu.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(IngestError, match="no article text"):
        read_item(InputItem(str(path)))


def test_too_deep_a_page_says_so_quietly(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.html"
    path.write_text(page("", "<div>" * 300 + BODY + "</div>" * 300), encoding="utf-8")
    batch = extract([path], tmp_path / "out")
    [error] = batch.errors
    assert "nested too deeply" in error["reason"]
    assert capfd.readouterr().err == ""  # trafilatura's "discarding data: None" is not shown


def test_missing_html_reader_is_one_error_per_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura failing to import (lxml without html_clean) loses the pages, not the batch."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` raises ImportError
    (tmp_path / "a.html").write_text(LAYOUTS["liferay"], encoding="utf-8")
    (tmp_path / "b.txt").write_text("Phường 6 trao 120 suất quà cho hộ nghèo trên địa bàn phường.", "utf-8")
    batch = extract([tmp_path], tmp_path / "out")
    assert len(batch.articles) == 1
    [error] = batch.errors
    assert error["source"].endswith("a.html") and "lxml_html_clean" in error["reason"]


def test_sites_match_the_pages_canonical_url(tmp_path: Path) -> None:
    html = page(
        "<title>Tin tức</title><link rel='canonical' href='https://phuong6.tanan.longan.gov.vn/tin/1.html'>",
        "<article><h1>Ra mắt mô hình “Đồng phục chắp cánh ước mơ”</h1><p>Sáng ngày 12/7/2023, Đảng ủy tổ chức"
        " ra mắt mô hình với tổng kinh phí 50 triệu đồng, trao 120 bộ đồng phục cho học sinh nghèo.</p></article>",
    )
    (tmp_path / "saved.html").write_text(html, encoding="utf-8")
    sites = Sites((Site("phuong6.tanan.longan.gov.vn", "Tân An, Long An", "Phường 6"),))
    [article] = extract([tmp_path], tmp_path / "out", sites=sites).articles
    assert article["source"] == "https://phuong6.tanan.longan.gov.vn/tin/1.html"
    assert article["ward"] is not None and article["ward"]["via"] == "sites"
    assert article["ward"]["name"] == "6"
