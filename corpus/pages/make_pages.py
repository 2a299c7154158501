"""Build the page-layout test set: real bulletins put into the page layouts of ward, commune and
district portals, with the furniture those pages carry.

usage: python corpus/pages/make_pages.py [REAL_DIR]   (default ../shared/real beside the checkout)

Each real article (`REAL_DIR/articles/hNN.txt`) is split into its heading (the line its gold gives
as title), its dateline (the line with its gold `published` date, redrawn in the layout's own
format) and its body paragraphs; a layout puts them into a page with menus, breadcrumbs, lists of
other articles with figures and dates, widgets, share bars, view and visitor counters and a footer
with address, phone and copyright year. The gold of a page is the gold of its text: the records,
title, date and authors the page states are the text's. Articles whose text opens with furniture
of its own page before the title (a header line, a portal's name) are left out: their text is not
the one a page of these layouts would give. Output: `html/<layout>_<hNN>.html` and
`gold/<layout>_<hNN>.json`, and `text/<layout>_<hNN>.txt`, the page's article as a
bulletin file (heading, date line as shown, one paragraph per block), which must give the same
records as the page. Deterministic: the same real set gives the same pages.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]

# Headlines of other articles, as related-news lists show them: figures, units, names, campaigns.
OTHER_NEWS = [
    "Phường Tân Định trao 150 suất quà cho hộ nghèo dịp Tết",
    "Xã Hòa Phú ra mắt mô hình “Tuyến đường hoa nông thôn mới”",
    "Hội Nông dân xã tổ chức tập huấn kỹ thuật cho 120 hội viên",
    "Ông Nguyễn Văn Bình, Chủ tịch UBND phường thăm hỏi gia đình chính sách",
    "Khởi công 5 căn nhà Đại đoàn kết trị giá 250 triệu đồng tại thôn Đông Hòa",
    "Phát động phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm 2024",
    "Ủy ban MTTQ xã Tân Lập sơ kết công tác 6 tháng đầu năm 2023",
    "Đoàn phường ra quân Chiến dịch “Mùa hè xanh” năm 2024",
    "Khu phố 3 phường Phú Lợi đón nhận danh hiệu Khu dân cư văn hóa",
    "Trao 30 suất học bổng cho học sinh nghèo vượt khó, mỗi suất 2 triệu đồng",
    "Hội Cựu chiến binh phường Phú Thuận tổng kết công tác năm 2022",
    "Tổ dân phố 7 tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
    "Thông báo lịch tiếp công dân của Chủ tịch UBND xã tháng 9/2024",
    "Bà Trần Thị Lan, Phó Chủ tịch Hội LHPN huyện dự hội nghị tại xã Phước Hưng",
    "Hơn 200 đoàn viên tham gia Ngày Chủ nhật xanh tại ấp Bình Minh",
    "Hội thi “Dân vận khéo” xã Long Hòa năm 2023 thu hút 12 đội dự thi",
]
MENU = [
    "Trang chủ",
    "Giới thiệu",
    "Tin tức - Sự kiện",
    "Văn bản chỉ đạo",
    "Thủ tục hành chính",
    "Lịch công tác",
    "Hỏi đáp",
    "Liên hệ",
]
SITES = [
    ("UBND PHƯỜNG TÂN AN", "phường Tân An, thành phố Thủ Dầu Một", "tanan.thudaumot.binhduong.gov.vn"),
    ("UBND XÃ PHƯỚC HÒA", "xã Phước Hòa, huyện Tuy Phước", "phuochoa.tuyphuoc.binhdinh.gov.vn"),
    ("UBND PHƯỜNG HÒA THUẬN", "phường Hòa Thuận, quận Hải Châu", "hoathuan.haichau.danang.gov.vn"),
    ("UBND XÃ ĐÔNG SƠN", "xã Đông Sơn, huyện Thủy Nguyên", "dongson.thuynguyen.haiphong.gov.vn"),
]


@dataclass
class Article:
    name: str  # hNN
    title: str | None
    dateline: str | None  # as the text writes it
    published: dt.date | None
    paragraphs: list[str]
    gold: dict


@dataclass
class Page:
    file: str
    rng: random.Random
    site: tuple[str, str, str]
    year: int  # the copyright year in the footer
    shown_date: str | None = None  # the date line as the layout shows it


def loose(s: str) -> str:
    s = unicodedata.normalize("NFC", s).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def split_article(name: str, text: str, gold: dict) -> Article | None:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    title = None
    if gold.get("title"):
        if loose(lines[0]) != loose(gold["title"]):
            return None  # the text opens with its own page's furniture before the title
        title = lines.pop(0)
    published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
    dateline = None
    if published is not None:
        for i, line in enumerate(lines[:3]):
            m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", line)
            if len(line) < 60 and m and dt.date(int(m[3]), int(m[2]), int(m[1])) == published:
                dateline = lines.pop(i)
                break
        if dateline is None:
            return None
    elif lines and re.fullmatch(r"(Thứ \w+|Chủ nhật),?\s+\d{1,2}/\d{1,2}/\d{4}", lines[0]):
        return None
    return Article(name, title, dateline, published, unwrap(lines), gold)


def unwrap(lines: list[str]) -> list[str]:
    """A hard-wrapped text's paragraphs (a page holds each in one <p>); other texts line by line."""
    ends = [ln.endswith((".", "!", "?", "…", ":", ";", "”", '"', ")")) for ln in lines[:-1]]
    open_lines = [len(ln) for ln, end in zip(lines, ends, strict=False) if not end]
    if not ends or sum(ends) * 2 >= len(ends) or sum(open_lines) < 55 * len(open_lines):
        return lines  # sentences end their lines, or the open lines are short items of a list
    out: list[str] = []
    open_ = False
    for line in lines:
        if open_:
            out[-1] += "\n" + line
        else:
            out.append(line)
        open_ = not line.endswith((".", "!", "?", "…"))
    return out


def clock(article: Article) -> str:
    m = re.search(r"\b(\d{1,2}:\d{2})\b", article.dateline or "")
    return m[1] if m else ""


def esc(s: str) -> str:
    return html.escape(s, quote=True)  # a wrapped paragraph keeps its newlines: whitespace to HTML


def is_caption(i: int, paras: list[str]) -> bool:
    """A short line inside the body that does not end a sentence: a photo caption."""
    p = paras[i]
    return 0 < i < len(paras) - 1 and len(p) < 110 and not p.endswith((".", ":", ";", "…", "!", "?"))


def is_signature(i: int, paras: list[str]) -> bool:
    return i == len(paras) - 1 and len(paras[i]) < 45 and not paras[i].endswith(".")


def related(page: Page, n: int, year: int) -> list[tuple[str, str]]:
    """(headline, dd/mm/yyyy) of other articles, dated around the article's year."""
    heads = page.rng.sample(OTHER_NEWS, n)
    out = []
    for h in heads:
        d = dt.date(year, 1, 1) + dt.timedelta(days=page.rng.randrange(0, 700) - 350)
        out.append((h, d.strftime("%d/%m/%Y")))
    return out


def footer_lines(page: Page) -> list[str]:
    name, place, _ = page.site
    return [
        f"Cơ quan chủ quản: Ủy ban nhân dân {place}",
        f"Địa chỉ: số 125 đường Nguyễn Văn Linh, {place}",
        "Điện thoại: (0236) 3 822 135 - Fax: (0236) 3 822 136 - Email: ubnd@gov.vn",
        "Chịu trách nhiệm chính: Ông Trần Văn Hùng - Phó Chủ tịch UBND",
        f"Bản quyền thuộc {name.title().replace('Ubnd', 'UBND')} © {page.year}",
    ]


def counter_block(page: Page) -> str:
    r = page.rng
    return (
        f"<div class='counter'><h3>Thống kê truy cập</h3><ul><li>Đang truy cập: {r.randrange(5, 90)}</li>"
        f"<li>Hôm nay: {r.randrange(100, 999)}</li><li>Tổng lượt truy cập: "
        f"{r.randrange(100, 999)}.{r.randrange(100, 999)}</li></ul></div>"
    )


def body_html(article: Article, figure: bool) -> str:
    out = []
    paras = article.paragraphs
    for i, p in enumerate(paras):
        if is_signature(i, paras):
            out.append(f"<p style='text-align:right'><strong>{esc(p)}</strong></p>")
        elif is_caption(i, paras) and figure:
            out.append(
                f"<figure class='image'><img src='/upload/{i}.jpg' alt=''>"
                f"<figcaption>{esc(p)}</figcaption></figure>"
            )
        elif is_caption(i, paras):
            out.append(f"<p style='text-align:center'><img src='/upload/{i}.jpg'><br><em>{esc(p)}</em></p>")
        else:
            out.append(f"<p>{esc(p)}</p>")
    return "\n".join(out)


def head(title: str, extra: str = "") -> str:
    return (
        f"<!DOCTYPE html>\n<html lang='vi'><head><meta charset='utf-8'>"
        f"<title>{esc(title)}</title>{extra}</head>\n"
    )


def liferay(article: Article, page: Page) -> str:
    """A provincial portal platform: banner, menu, breadcrumb, portlets, 'Tin liên quan' sidebar."""
    d = article.published
    date = ""
    if d:
        page.shown_date = (
            f"Ngày đăng: {d:%d/%m/%Y} {clock(article)} | Lượt xem: {page.rng.randrange(50, 2000)}"
        )
        date = f"<div class='date-news'>{page.shown_date}</div>"
    title = f"<span class='title'>{esc(article.title)}</span>" if article.title else ""
    rel = "".join(
        f"<li><a href='#'>{esc(h)}</a> <span class='date'>({dd})</span></li>"
        for h, dd in related(page, 6, (d or dt.date(2023, 1, 1)).year)
    )
    menu = "".join(f"<li><a href='#'>{m}</a></li>" for m in MENU)
    foot = "<br>".join(esc(x) for x in footer_lines(page))
    return (
        head("UBND XA - Tin tuc")
        + f"""<body class='portal'>
<div id='banner'><img src='/banner.png' alt='{esc(page.site[0])}'><div class='today'>{WEEKDAYS[3]}, 14/03/{page.year}</div></div>
<nav id='navigation'><ul>{menu}</ul></nav>
<div class='breadcrumbs'><a href='#'>Trang chủ</a> &gt; <a href='#'>Tin tức</a> &gt; <span>Tin hoạt động</span></div>
<div id='column-1' class='portlet-column'>
<section class='portlet' id='portlet_56_INSTANCE_x1'><div class='portlet-body'>
<div class='journal-content-article'>
{title}
{date}
{body_html(article, figure=False)}
</div>
<div class='share'>Chia sẻ: <a href='#'>Facebook</a> <a href='#'>Zalo</a> <a href='#'>In bài viết</a></div>
</div></section>
</div>
<div id='column-2' class='portlet-column'>
<section class='portlet'><div class='portlet-title'><h2>Tin liên quan</h2></div>
<div class='portlet-body'><ul>{rel}</ul></div></section>
{counter_block(page)}
</div>
<footer id='footer'><p>{foot}</p></footer>
</body></html>
"""
    )


def aspx(article: Article, page: Page) -> str:
    """An ASP.NET / SharePoint portal: a form around everything, 'Các tin khác' under the article."""
    d = article.published
    if d:
        page.shown_date = f"Cập nhật lúc {clock(article) or '08:00'} ngày {d:%d/%m/%Y}"
    date = f"<span class='NgayDang'>{page.shown_date}</span>" if d else ""
    title = f"<h2 class='TieuDe'>{esc(article.title)}</h2>" if article.title else ""
    rel = "".join(
        f"<tr><td><a href='/Pages/tin.aspx?ItemID={i}'>{esc(h)}</a> ({dd})</td></tr>"
        for i, (h, dd) in enumerate(related(page, 5, (d or dt.date(2022, 6, 1)).year))
    )
    menu = " | ".join(f"<a href='#'>{m}</a>" for m in MENU)
    foot = "</div><div>".join(esc(x) for x in footer_lines(page))
    return (
        head(f"Cổng thông tin điện tử {page.site[1]}")
        + f"""<body>
<form method='post' action='./noi-dung-tin.aspx?NewsID=1' id='aspnetForm'>
<input type='hidden' name='__VIEWSTATE' id='__VIEWSTATE' value='/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWAgIBD2QWAg' />
<div id='s4-workspace'><div id='header'><h1 class='site-name'>Cổng thông tin điện tử {esc(page.site[1])}</h1>
<div class='menu'>{menu}</div></div>
<div id='ctl00_PlaceHolderMain_ctl00' class='ms-webpart-zone'>
<div class='ChiTietTin'>
{title}
{date}
<div id='ctl00_PlaceHolderMain_RichHtmlField1__ControlWrapper_RichHtmlField' class='ms-rtestate-field'>
{body_html(article, figure=False)}
</div>
<div class='tools'><a href='#'>Bản in</a> | <a href='#'>Gửi email</a> | <a href='#'>Về đầu trang</a></div>
</div>
<div class='TinKhac'><h3>Các tin khác</h3><table>{rel}</table></div>
</div>
<div id='left'><h3>Liên kết website</h3><select><option>Cổng TTĐT Chính phủ</option><option>Cổng TTĐT tỉnh</option></select>
<h3>Thăm dò ý kiến</h3><p>Bạn quan tâm đến nội dung nào trên cổng thông tin?</p></div>
<div id='footer'><div>{foot}</div></div></div>
</form></body></html>
"""
    )


def wordpress(article: Article, page: Page) -> str:
    """A WordPress front site: entry-title, <time>, 'Bài viết mới' widgets, related posts."""
    d = article.published
    meta = f"<link rel='canonical' href='https://{page.site[2]}/tin-tuc/{page.file}'>"
    meta += f"<meta property='og:site_name' content='{esc(page.site[0])}'>"
    date = ""
    if d:
        iso = f"{d.isoformat()}T{clock(article) or '07:00'}:00+07:00"
        meta += f"<meta property='article:published_time' content='{iso}'>"
        page.shown_date = f"{d:%d/%m/%Y}"
        date = f"<span class='posted-on'><time class='entry-date published' datetime='{iso}'>{page.shown_date}</time></span>"
    title = f"<h1 class='entry-title'>{esc(article.title)}</h1>" if article.title else ""
    recent = "".join(
        f"<li><a href='#'>{esc(h)}</a><span class='post-date'>{dd}</span></li>"
        for h, dd in related(page, 5, (d or dt.date(2023, 1, 1)).year)
    )
    rel = "".join(f"<li><a href='#'>{esc(h)}</a></li>" for h, _ in related(page, 3, page.year))
    foot = "<br>".join(esc(x) for x in footer_lines(page))
    return (
        head(f"Tin tức – {page.site[0].title()}", meta)
        + f"""<body class='post-template-default single single-post'>
<header id='masthead' class='site-header'><p class='site-title'><a href='/'>{esc(page.site[0])}</a></p>
<nav class='main-navigation'><ul>{"".join(f"<li><a href='#'>{m}</a></li>" for m in MENU)}</ul></nav></header>
<div id='content' class='site-content'><div id='primary' class='content-area'><main id='main' class='site-main'>
<article id='post-2811' class='post-2811 post type-post status-publish'>
<header class='entry-header'>{title}<div class='entry-meta'>{date}<span class='byline'> bởi <a href='#'>admin</a></span></div></header>
<div class='entry-content'>
{body_html(article, figure=True)}
<div class='sharedaddy'><h3 class='sd-title'>Chia sẻ:</h3><ul><li>Facebook</li><li>Twitter</li></ul></div>
</div>
<footer class='entry-footer'><span class='cat-links'>Chuyên mục: <a href='#'>Tin tức</a></span></footer>
</article>
<div class='related-posts'><h3>Bài viết liên quan</h3><ul>{rel}</ul></div>
</main></div>
<aside id='secondary' class='widget-area'>
<section class='widget widget_recent_entries'><h2 class='widget-title'>Bài viết mới</h2><ul>{recent}</ul></section>
<section class='widget widget_categories'><h2 class='widget-title'>Chuyên mục</h2><ul><li>Tin tức</li><li>Thông báo</li></ul></section>
</aside></div>
<footer id='colophon' class='site-footer'><div class='site-info'>{foot}</div></footer>
</body></html>
"""
    )


def table_font(article: Article, page: Page) -> str:
    """An old table-and-<font> layout: no semantic elements, 'Các tin khác:' under the article."""
    d = article.published
    if d:
        page.shown_date = f"Ngày {d:%d/%m/%Y}"
    date = f"<font size='1' color='#666666'>{page.shown_date}</font><br>" if d else ""
    title = (
        f"<font size='4' color='#003399' face='Arial'><b>{esc(article.title)}</b></font><br>"
        if article.title
        else ""
    )
    body = "".join(
        f"<font face='Arial' size='2'>{part}</font>" for part in [body_html(article, figure=False)]
    )
    rel = "<br>".join(
        f"<img src='/images/arrow.gif'> <a href='#'>{esc(h)}</a> <font size='1'>({dd})</font>"
        for h, dd in related(page, 6, (d or dt.date(2019, 1, 1)).year)
    )
    menu = "".join(f"<tr><td class='menu'><a href='#'>{m}</a></td></tr>" for m in MENU)
    foot = "<br>".join(esc(x) for x in footer_lines(page))
    return (
        head(page.site[0].encode("ascii", "ignore").decode() + " - Tin tuc")
        + f"""<body bgcolor='#ffffff'>
<table width='980' border='0' cellpadding='0' cellspacing='0' align='center'>
<tr><td colspan='2'><img src='/images/banner.jpg' width='980' height='150'></td></tr>
<tr><td colspan='2' bgcolor='#003399'><font color='white' size='2'>&nbsp;Hôm nay: {WEEKDAYS[1]}, 07/11/{page.year}</font></td></tr>
<tr><td width='200' valign='top'><table width='100%'>{menu}</table>
<table><tr><td><b>Lượt truy cập</b><br>Đang truy cập: {page.rng.randrange(3, 40)}<br>Tổng lượt truy cập: {page.rng.randrange(10000, 99999)}</td></tr></table></td>
<td width='780' valign='top'><table width='100%' cellpadding='5'>
<tr><td>{title}{date}</td></tr>
<tr><td>{body}</td></tr>
<tr><td><b>Các tin khác:</b><br>{rel}</td></tr>
</table></td></tr>
<tr><td colspan='2' align='center' bgcolor='#eeeeee'><font size='1'>{foot}</font></td></tr>
</table></body></html>
"""
    )


def newspaper(article: Article, page: Page) -> str:
    """A news site's local page: og:title, detail-title, 'Tin cùng chuyên mục' with figures, tags."""
    d = article.published
    meta = ""
    date = ""
    if article.title:
        meta += f"<meta property='og:title' content='{esc(article.title)}'>"
    if d:
        meta += f"<meta property='article:published_time' content='{d.isoformat()}T{clock(article) or '06:00'}:00+07:00'>"
        page.shown_date = f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y} {clock(article)}".strip()
        date = f"<div class='detail-time'>{page.shown_date}</div>"
    title = f"<h1 class='detail-title'>{esc(article.title)}</h1>" if article.title else ""
    same = "".join(
        f"<div class='story'><img src='/t{i}.jpg'><h3><a href='#'>{esc(h)}</a></h3><time>{dd}</time></div>"
        for i, (h, dd) in enumerate(related(page, 4, (d or dt.date(2024, 1, 1)).year))
    )
    page_title = f"{article.title} - Báo điện tử" if article.title else "Báo điện tử - Tin địa phương"
    return (
        head(page_title, meta)
        + f"""<body>
<header class='header'><a class='logo' href='/'>BÁO ĐIỆN TỬ</a><ul class='menu'><li>Thời sự</li><li>Chính trị</li><li>Xã hội</li><li>Địa phương</li></ul></header>
<div class='container'><div class='breadcrumb'><a href='#'>Xã hội</a> / <a href='#'>Địa phương</a></div>
<div class='detail'>
{title}
{date}
<div class='share-bar'><a href='#'>Chia sẻ</a> <a href='#'>Facebook</a> <a href='#'>Zalo</a></div>
<div class='detail-content'>
{body_html(article, figure=True)}
</div>
<div class='tags'>Từ khóa: <a href='#'>mặt trận</a>, <a href='#'>an sinh xã hội</a></div>
</div>
<div class='box-same-category'><h2 class='box-title'>Tin cùng chuyên mục</h2>{same}</div>
</div>
<footer><p>Cơ quan chủ quản: Tỉnh ủy. Tổng Biên tập: Nguyễn Văn Minh. Giấy phép số 123/GP-BTTTT ngày 12/5/2020.</p>
<p>Địa chỉ: 08 đường Lê Lợi, phường Thạch Thang. Điện thoại: 0236 3822 001. © {page.year} Báo điện tử. All rights reserved.</p></footer>
</body></html>
"""
    )


def portal_widget(article: Article, page: Page) -> str:
    """A newer portal: the section heading 'Tin tức' comes first, the article's own heading below it,
    a 'Tin cùng chuyên mục' list and a 'Bài viết mới' box beside it."""
    d = article.published
    page.shown_date = article.dateline
    date = f"<p class='time'><i class='icon-clock'></i> {esc(article.dateline)}</p>" if d else ""
    title = f"<h2 class='title-news'>{esc(article.title)}</h2>" if article.title else ""
    same = "".join(
        f"<li><a href='#'>{esc(h)}</a> <span>{dd}</span></li>"
        for h, dd in related(page, 5, (d or dt.date(2021, 1, 1)).year)
    )
    new = "".join(f"<li><a href='#'>{esc(h)}</a></li>" for h, _ in related(page, 4, page.year))
    foot = " - ".join(esc(x) for x in footer_lines(page))
    return (
        head(page.site[0], f"<meta property='og:site_name' content='{esc(page.site[0])}'>")
        + f"""<body>
<div class='top-bar'><span>{esc(page.site[0])}</span> <a href='#'>Đăng nhập</a></div>
<div class='navbar'><ul>{"".join(f"<li>{m}</li>" for m in MENU)}</ul></div>
<div class='row'><div class='col-md-9'>
<div class='panel'><div class='panel-heading'><h1>Tin tức</h1></div><div class='panel-body'>
{title}
{date}
<div class='content-news'>
{body_html(article, figure=False)}
</div>
<div class='view-count'>Lượt xem: {page.rng.randrange(10, 900)}</div>
<div class='other-news'><h4>Tin cùng chuyên mục</h4><ul>{same}</ul></div>
</div></div></div>
<div class='col-md-3'><div class='box'><h3>Bài viết mới</h3><ul>{new}</ul></div>
<div class='box'><h3>Văn bản mới</h3><ul><li>Quyết định số 15/QĐ-UBND ngày 12/01/{page.year}</li></ul></div></div></div>
<div class='footer'>{foot}</div>
</body></html>
"""
    )


LAYOUTS: dict[str, Callable[[Article, Page], str]] = {
    "liferay": liferay,
    "aspx": aspx,
    "wordpress": wordpress,
    "tablefont": table_font,
    "newspaper": newspaper,
    "portal": portal_widget,
}


def main(argv: list[str]) -> int:
    real = Path(argv[1]) if len(argv) > 1 else HERE.parent.parent.parent / "shared" / "real"
    (HERE / "html").mkdir(exist_ok=True)
    (HERE / "gold").mkdir(exist_ok=True)
    (HERE / "text").mkdir(exist_ok=True)
    names = list(LAYOUTS)
    n = 0
    dated = 0  # dated articles take turns of their own, so that every layout shows its date line
    for path in sorted((real / "articles").glob("h*.txt")):
        gold = json.loads((real / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        article = split_article(path.stem, path.read_text(encoding="utf-8"), gold)
        if article is None:
            continue
        if article.published is not None:
            layout = names[dated % len(names)]
            dated += 1
        else:
            layout = names[(n - dated) % len(names)]
        n += 1
        file = f"{layout}_{path.stem}.html"
        rng = random.Random(file)
        year = (article.published or dt.date(2024, 1, 1)).year + rng.randrange(0, 3)
        page = Page(file, rng, SITES[n % len(SITES)], year)
        (HERE / "html" / file).write_text(LAYOUTS[layout](article, page), encoding="utf-8")
        twin = [article.title, page.shown_date and page.shown_date.strip(), *article.paragraphs]
        (HERE / "text" / f"{layout}_{path.stem}.txt").write_text(
            "\n\n".join(p for p in twin if p) + "\n", encoding="utf-8"
        )
        (HERE / "gold" / f"{layout}_{path.stem}.json").write_text(
            json.dumps({**gold, "file": file}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(f"{n} pages in {len(names)} layouts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
