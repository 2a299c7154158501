"""Article metadata and page furniture of the five supplied bulletins, and of made-up shapes."""

from __future__ import annotations

import datetime as dt

import pytest

from bantin.pipeline.text.document import build_document
from bantin.pipeline.text.metadata import extract_metadata
from tests.conftest import CORPUS

TITLE_001 = (
    "Đảng ủy phường Tân Quy Đông: tổ chức hội nghị sơ kết công tác Dân vận - Mặt trận – "
    "các đoàn thể chính trị xã hội 06 tháng đầu năm 2022"
)
TITLE_002 = (
    "Phường Hiệp Ninh: Hội nghị triển khai Kế hoạch phối hợp liên ngành làm công tác dân vận đợt 1 năm 2023"
)
TITLE_003 = "Phường Vân Giang sơ kết phong trào thi đua, biểu dương mô hình, điển hình “Dân vận khéo” giai đoạn 2021 – 2023"


@pytest.mark.parametrize(
    ("name", "title", "published", "authors"),
    [
        ("000_581ac50e226256f5.txt", None, None, ["THANH BÌNH", "NGUYỄN HIỆP", "T. Bình", "N. Hiệp"]),
        ("001_f6e4806f46cbd4e1.txt", TITLE_001, None, ["Minh Chiến"]),
        ("002_84d2a3dbb6a45ac7.txt", TITLE_002, dt.date(2023, 7, 12), ["Quỳnh Yên"]),
        ("003_ef0203ef4db0ba49.txt", TITLE_003, dt.date(2023, 7, 7), []),
        ("004_9c4251f55faf27e4.txt", None, None, []),
    ],
)
def test_corpus_metadata(name: str, title: str | None, published: dt.date | None, authors: list[str]) -> None:
    meta = extract_metadata((CORPUS / name).read_text(encoding="utf-8"))
    assert meta.title == title
    assert meta.published == published
    assert meta.authors == authors


@pytest.mark.parametrize(
    ("name", "furniture", "content"),
    [
        (
            "001_f6e4806f46cbd4e1.txt",
            ["Thông tin khác", "(15/07/2024)", "Mời bạn là người đầu tiên xếp hạng và nhận xét", "(0)"],
            ["Tin, ảnh: Minh Chiến", "năm 2023;..."],
        ),
        (
            "002_84d2a3dbb6a45ac7.txt",
            ["183 0", "Xếp hạng: 4.7 - 26 phiếu bầu", "Tổng lượt truy cập194,104", "Thời gian chờ: 60 giây",
             "Tổng số điểm của bài viết là: 122"],
            ["12/07/2023 11:46", "Tác giả bài viết: Quỳnh Yên", "đến ngày 31/7/2023"],
        ),
        (
            "003_ef0203ef4db0ba49.txt",
            ["Chủ nhật, 21/07/2024", "Đã xem: 87"],
            ["Thứ sáu, 07/07/2023", "Trang thông tin điện tử UBND Phường Vân Giang"],
        ),
        ("000_581ac50e226256f5.txt", [], ["THANH BÌNH - NGUYỄN HIỆP", "(Ảnh: T. Bình)"]),
    ],
)  # fmt: skip
def test_corpus_furniture(name: str, furniture: list[str], content: list[str]) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    document = build_document(name, text)
    for phrase in furniture:
        at = text.index(phrase)
        assert document.furniture.at(at) is not None, f"{phrase!r} should be furniture"
        assert document.in_furniture(at, at + len(phrase))
    for phrase in content:
        at = text.index(phrase)
        assert not document.in_furniture(at, at + len(phrase)), f"{phrase!r} is article content"


def test_004_has_no_furniture() -> None:
    text = (CORPUS / "004_9c4251f55faf27e4.txt").read_text(encoding="utf-8")
    assert build_document("004", text).furniture.spans == []


@pytest.mark.parametrize(
    ("text", "title", "published"),
    [
        (
            "Tiêu đề bài\n\nThứ hai, 03/04/2023 08:15\n\nNội dung bài viết dài.",
            "Tiêu đề bài",
            dt.date(2023, 4, 3),
        ),
        ("Tiêu đề\nThứ 5 - 1/6/2023\nNội dung.", "Tiêu đề", dt.date(2023, 6, 1)),
        ("Tiêu đề\nNgày đăng: 15/08/2024\nNội dung.", "Tiêu đề", dt.date(2024, 8, 15)),
        ("Chủ nhật, 21/07/2024\nTiêu đề\nThứ sáu, 07/07/2023\nNội dung.", "Tiêu đề", dt.date(2023, 7, 7)),
        ("Chủ nhật, 21/07/2024\nTiêu đề bài\nNội dung.", "Tiêu đề bài", None),
        ("Tiêu đề\nThứ hai, 31/02/2023\nNội dung.", "Tiêu đề", None),
        ("Câu mở đầu của bài viết kết thúc bằng dấu chấm.\nCâu thứ hai.", None, None),
        ("Tiêu đề\nThứ bảy, 16/11/2024 - 15:40 | Lượt xem: 214\nNội dung.", "Tiêu đề", dt.date(2024, 11, 16)),
        ("Tiêu đề\n16/11/2024 · Lượt đọc: 1.024\nNội dung.", "Tiêu đề", dt.date(2024, 11, 16)),
        (
            "Thứ hai, 25/11/2024\nCổng thông tin điện tử phường\n\nTiêu đề bài\n\n"
            "Thứ bảy, 16/11/2024 - 15:40 | Lượt xem: 214\n\nNội dung.",
            "Tiêu đề bài",
            dt.date(2024, 11, 16),
        ),
        ("Tiêu đề\n\nCập nhật: Thứ năm, 12/09/2024 - 15:20\n\nNội dung.", "Tiêu đề", dt.date(2024, 9, 12)),
        ("Tiêu đề\nCập nhật lúc 08:30 ngày 12/3/2024\nNội dung.", "Tiêu đề", dt.date(2024, 3, 12)),
        ("Tiêu đề\n15:20 | 02/02/2024\nNội dung.", "Tiêu đề", dt.date(2024, 2, 2)),
        ("Tiêu đề\nThứ Sáu, 19/07/2024, 09:12 GMT+7\nNội dung.", "Tiêu đề", dt.date(2024, 7, 19)),
        (
            "Cổng thông tin điện tử huyện Thọ Xuân\nThứ bảy, 07/09/2024\n\nTiêu đề bài\n"
            "Ngày đăng: 06/09/2024 | Người đăng: Ban Biên tập | Lượt xem: 238\n\nNội dung.",
            "Tiêu đề bài",
            dt.date(2024, 9, 6),
        ),
        ("Tiêu đề\n\nNgày đăng: 20-11-2023 | 14:05\n\nNội dung.", "Tiêu đề", dt.date(2023, 11, 20)),
        ("Tiêu đề\n08/10/2024 14:22 | Tin hoạt động\nNội dung.", "Tiêu đề", dt.date(2024, 10, 8)),
        (
            "Cập nhật lúc: 10:16, 04/11/2014 [GMT+7]\n.\n\nSơn Tịnh có 11 KDC được chọn làm điểm\n\n\nNội dung.",
            "Sơn Tịnh có 11 KDC được chọn làm điểm",
            dt.date(2014, 11, 4),
        ),
        ("{title}\nNgày 25/11, Hội Chữ thập đỏ tỉnh tổ chức trao quà.\nNội dung.", None, None),
        (
            "Toàn cảnh Hội nghị tiếp xúc cử tri tại phường Tân Thanh\n"
            "Tại Hội nghị tiếp xúc cử tri, đại biểu HĐND tỉnh đã báo cáo kết quả kỳ họp thứ 18 và trả lời "
            "các ý kiến, kiến nghị của cử tri phường Tân Thanh về quản lý đô thị, tài nguyên môi trường, "
            "điện thắp sáng và đường giao thông trên địa bàn phường trong năm 2024.\nNội dung.",
            None,
            None,
        ),
        (
            "Quang cảnh buổi gặp mặt\nGặp mặt Bí thư Chi bộ, Tổ trưởng dân phố\nNội dung.",
            "Gặp mặt Bí thư Chi bộ, Tổ trưởng dân phố",
            None,
        ),
    ],
    ids=[
        "weekday-time",
        "weekday-digit",
        "ngay-dang",
        "header-then-dateline",
        "header-only",
        "impossible",
        "body",
        "pipe-counter",
        "dot-counter",
        "header-site-title-dateline",
        "label-before-weekday",
        "label-clock-then-date",
        "clock-pipe-date",
        "weekday-date-clock-gmt",
        "portal-then-header-date-then-dateline-with-poster",
        "dashed-date",
        "section-after-pipe",
        "label-clock-date-gmt-in-brackets-then-a-dot-line",
        "template-placeholder-is-no-title",
        "caption-opening-the-page-is-no-title",
        "caption-then-title",
    ],
)
def test_datelines_and_titles(text: str, title: str | None, published: dt.date | None) -> None:
    meta = extract_metadata(text)
    assert meta.published == published
    assert meta.title == title


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Nội dung.\nTác giả bài viết: Quỳnh Yên", ["Quỳnh Yên"]),
        ("Nội dung.\nTin, ảnh: Minh Chiến", ["Minh Chiến"]),
        ("Nội dung.\nTin và ảnh: Lan Anh - Hoàng Nam", ["Lan Anh", "Hoàng Nam"]),
        ("Nội dung (Ảnh: T. Bình) tiếp.", ["T. Bình"]),
        (
            "Nội dung một.\nNội dung hai.\nNội dung ba.\nTHANH BÌNH - NGUYỄN HIỆP",
            ["THANH BÌNH", "NGUYỄN HIỆP"],
        ),
        (
            "Nội dung một.\nNội dung hai.\nNội dung ba.\nLÂM THỊ KIM NGÂN - Ban Dân vận Huyện ủy Thạnh Trị",
            ["LÂM THỊ KIM NGÂN"],
        ),
        ("Hội nghị của UBND phường diễn ra tốt đẹp.", []),
        ("UBND\nNội dung một.\nNội dung hai.", []),
        # The last line written as a name in title case is the signature.
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nPhương Thảo", ["Phương Thảo"]),
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nThanh Hương (Trung tâm VHTT phường)", ["Thanh Hương"]),
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nMinh Chiến - Quỳnh Yên", ["Minh Chiến", "Quỳnh Yên"]),
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nPhường Ra Quân Dọn Vệ Sinh Môi Trường.", []),
        # A dash and the writer's unit (a word in lower case) after the name; the editors' signature.
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nTuấn Anh - Ban Dân vận Thị ủy", ["Tuấn Anh"]),
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nBBT", ["BBT"]),
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nUBND", []),
        # A credit ending a caption line; "Internet" is no person.
        ("Tiêu đề\nNội dung.\nLãnh đạo xã trao quà. Ảnh: T.T\nNội dung hai.", ["T.T"]),
        ("Tiêu đề\nNội dung.\nẢnh minh họa: Internet\nNội dung hai.", []),
        ("Tiêu đề\nNội dung.\nẢnh: nguồn sưu tầm trên mạng\nNội dung hai.", []),
        # Several labelled parts on one line; a newspaper the article is taken from.
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nTin: Ngọc Anh - Ảnh: Hữu Phước", ["Ngọc Anh", "Hữu Phước"]),
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nTin: Kim Ngân, Ảnh: Chí Thanh", ["Kim Ngân", "Chí Thanh"]),
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nTheo Báo Lâm Đồng", ["Báo Lâm Đồng"]),
        ("Tiêu đề\nNội dung một.\nNội dung hai.\nH’Nga Niê (Trung tâm Văn hóa - Thông tin)", ["H’Nga Niê"]),
        # A hard-wrapped credit: the initial ends one line, the name starts the next.
        (
            "Tiêu đề\nNội dung.\nÔng Bảy trao quà tại ngày hội. Ảnh: P.\nThảo\nNội dung hai dài hơn.",
            ["P. Thảo"],
        ),
        # "Ảnh:" opening a caption describes the photo; a byline's unit in parentheses is no name.
        ("Tiêu đề\nNội dung.\nẢnh: Lãnh đạo xã trao giấy khen cho các tập thể, cá nhân.\nNội dung hai.", []),
        ("Tiêu đề\nNội dung.\nNội dung hai.\nTin: Ngọc Anh (Trung tâm VHTT huyện)\nx", ["Ngọc Anh"]),
    ],
)
def test_authors(text: str, authors: list[str]) -> None:
    meta = extract_metadata(text)
    assert meta.authors == authors
    for span, name in zip(meta.author_spans, authors, strict=False):
        assert " ".join(text[span.start : span.end].split()) == name  # a credit may wrap over two lines


# Real page openings (shapes from ward and commune sites and newspapers): the site's header lines,
# section labels and widgets before the title, a bare byline or a repeat after it, the dateline on
# either side of it, and a body whose photo captions are short lines without a full stop.
LEAD = "Sáng 14/3, Hội LHPN phường Tân Phong tổ chức ra mắt mô hình “Dân vận khéo” năm 2024 tại nhà văn hóa khu phố 3."
OLD = "Năm 2011, Ban công tác Mặt trận khu Ga đã huy động 500 ngày công làm 600 mét đường bê tông."


@pytest.mark.parametrize(
    ("text", "title", "published", "authors"),
    [
        (  # the front's header in capitals, then the title in capitals
            "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nQUẬN 5 - THÀNH PHỐ HỒ CHÍ MINH\n\n"
            "PHƯỜNG 8 QUẬN 5 TỔ CHỨC HỌP MẶT KỶ NIỆM NGÀY DÂN VẬN CỦA ĐẢNG\n\n" + LEAD,
            "PHƯỜNG 8 QUẬN 5 TỔ CHỨC HỌP MẶT KỶ NIỆM NGÀY DÂN VẬN CỦA ĐẢNG", None, [],
        ),
        (  # the ward's name in capitals over the title, no blank line
            "UBND XÃ TÂN PHÚ\nXã Tân Phú ra mắt mô hình “Dân vận khéo”\n" + LEAD,
            "Xã Tân Phú ra mắt mô hình “Dân vận khéo”", None, [],
        ),
        (  # a title with a full stop, repeated under its dateline
            "UBND XÃ CỔ ĐÔNG TỔNG KẾT HOẠT ĐỘNG HÈ NĂM 2023.\n\n28/08/2023\n"
            "UBND XÃ CỔ ĐÔNG TỔNG KẾT HOẠT ĐỘNG HÈ NĂM 2023.\n\n" + LEAD,
            "UBND XÃ CỔ ĐÔNG TỔNG KẾT HOẠT ĐỘNG HÈ NĂM 2023.", dt.date(2023, 8, 28), [],
        ),
        (
            'Hội nông dân huyện sơ kết mô hình "Hũ gạo tình thương" tại xã Hướng Hiệp.\n\n' + LEAD,
            'Hội nông dân huyện sơ kết mô hình "Hũ gạo tình thương" tại xã Hướng Hiệp.', None, [],
        ),
        (  # a bare byline between the title and the dateline
            "Hội LHPN phường Hà Đông tổ chức chương trình kỷ niệm\nThùy Linh- Mạnh Thường\n14:58 29/08/2025\n" + LEAD,
            "Hội LHPN phường Hà Đông tổ chức chương trình kỷ niệm", dt.date(2025, 8, 29),
            ["Thùy Linh", "Mạnh Thường"],
        ),
        (
            "Hải Phòng: Rộn ràng lễ kỷ niệm ở phường Phù Liễn\nNguyễn Đại\n15/11/2025 5:45 AM (GMT+7)\n" + LEAD,
            "Hải Phòng: Rộn ràng lễ kỷ niệm ở phường Phù Liễn", dt.date(2025, 11, 15), ["Nguyễn Đại"],
        ),
        (  # a publication's name under the title is no byline
            "Hội Chữ thập đỏ Việt Nam tặng quà Tết tại Hải Dương\n\nTạp Chí Nhân Đạo\n" + LEAD,
            "Hội Chữ thập đỏ Việt Nam tặng quà Tết tại Hải Dương", None, [],
        ),
        (  # the writers in capitals open the dateline
            "Hiện đại hóa nền hành chính\n\nVĂN HÀO - TRẦN HỮU 30/04/2016 11:39\n\n" + LEAD,
            "Hiện đại hóa nền hành chính", dt.date(2016, 4, 30), ["VĂN HÀO", "TRẦN HỮU"],
        ),
        (  # the site's section before the clock; a view counter in English
            "Đoàn xã ra quân dọn vệ sinh\nTin cơ sở - 15:40, 20/09/2019\n" + LEAD,
            "Đoàn xã ra quân dọn vệ sinh", dt.date(2019, 9, 20), [],
        ),
        (
            "tin mới nhất\n\nỦy ban MTTQ phường Phúc Lợi sơ kết công tác mặt trận\n"
            "Ngày đăng 05/07/2022 | 13:29 | View count: 90\n\n" + LEAD,
            "Ủy ban MTTQ phường Phúc Lợi sơ kết công tác mặt trận", dt.date(2022, 7, 5), [],
        ),
        (  # a section label and font buttons, the dateline under the title
            "Chi tiết tin\n\nA+ | A | A-\n\nLãnh đạo thành phố dự Ngày hội Đại đoàn kết tại khu dân cư\n\n"
            "Ngày đăng: 12:17 | 16/11/2025\n\n" + LEAD,
            "Lãnh đạo thành phố dự Ngày hội Đại đoàn kết tại khu dân cư", dt.date(2025, 11, 16), [],
        ),
        (  # the dateline ends the title's line, under the portal's links
            "|\nLiên kết website\nTỉnh ủy, UBND Tỉnh Sở, Ban ngành tỉnh Hội - Đoàn thể UBND Huyện, Thị xã Các trang báo\n"
            "| | |\nNgày hội Đại đoàn kết các cụm dân cư xã Phong Hải năm 2014 Ngày cập nhật 22/11/2014\n" + LEAD,
            "Ngày hội Đại đoàn kết các cụm dân cư xã Phong Hải năm 2014", dt.date(2014, 11, 22), [],
        ),
        (  # the dateline before the title
            "15/11/2025 10:20\nPhường Tân Phong ra mắt mô hình mới\n" + LEAD,
            "Phường Tân Phong ra mắt mô hình mới", dt.date(2025, 11, 15), [],
        ),
        (  # a letter-style date heading the page is the site's
            "Hải Phòng, ngày 21 tháng 01 năm 2020\n\nTổ dân phố Phú Hải 2 - phường Anh Dũng tổ chức Ngày hội\n\n\n"
            + LEAD,
            "Tổ dân phố Phú Hải 2 - phường Anh Dũng tổ chức Ngày hội", None, [],
        ),
        (  # a date alone on the first line: the article's when the article is of its year …
            "15/03/2024\n\nPhường Tân Phong ra mắt mô hình mới\n\n" + LEAD,
            "Phường Tân Phong ra mắt mô hình mới", dt.date(2024, 3, 15), [],
        ),
        (  # … the site's today-date over an older article
            "Thứ hai,  26/09/2022\n\nKhu Ga thị trấn Đồng Đăng tổ chức ngày hội Đại đoàn kết\n\n" + OLD,
            "Khu Ga thị trấn Đồng Đăng tổ chức ngày hội Đại đoàn kết", None, [],
        ),
        (  # a bare date over the title, the body naming no year
            "09/12/2022\nNgày hội “Đại đoàn kết toàn dân tộc” phường Văn Đẩu\nThực hiện Kế hoạch của Ủy ban MTTQ "
            "phường, các tổ dân phố trên địa bàn phường đã sôi nổi tổ chức các hoạt động kỷ niệm.",
            "Ngày hội “Đại đoàn kết toàn dân tộc” phường Văn Đẩu", dt.date(2022, 12, 9), [],
        ),
        (  # a date spaced around its dashes; a counter and the text-size widget on lines of their own
            "ĐỀ CƯƠNG TUYÊN TRUYỀN SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ\n\nĐăng ngày 17 - 05 - 2024\nLượt xem: 400\n"
            "100%\n\n" + LEAD,
            "ĐỀ CƯƠNG TUYÊN TRUYỀN SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ", dt.date(2024, 5, 17), [],
        ),
        (  # the site's sections are no title
            "Tin nổi bật\n\nTin hoạt động của UBND\n\n" + LEAD,
            None, None, [],
        ),
        (
            "khối phường\n\nPhường Giảng Võ tổ chức ngày hội Đại đoàn kết toàn dân tộc\nNgày đăng 24/11/2014 | 00:00\n\n"
            + LEAD,
            "Phường Giảng Võ tổ chức ngày hội Đại đoàn kết toàn dân tộc", dt.date(2014, 11, 24), [],
        ),
        (  # a newspaper's follow button; a newspaper's tag opens the lead
            "Ngày hội Đại đoàn kết tại buôn Phu Ma Nhe 1\n\nTheo dõi Báo Gia Lai trên Google News\n"
            "(GLO)- Tối 9-11, buôn Phu Ma Nhe 1 (xã Ia Rtô) đã tổ chức Ngày hội Đại đoàn kết toàn dân tộc.",
            "Ngày hội Đại đoàn kết tại buôn Phu Ma Nhe 1", None, [],
        ),
        (
            "HOTLINE: 0903.343.439 - ĐẶT MUA BÁO\nThời sự\n\nMột ngày hội nhiều nghĩa tình ở phường Xuân Hòa\n\n"
            "PHAN ANH\n\n(NLĐO)- Tại ngày hội, phường Xuân Hòa đã trao 11 thẻ BHYT cho người dân\n\n" + LEAD,
            "Một ngày hội nhiều nghĩa tình ở phường Xuân Hòa", None, ["PHAN ANH"],
        ),
        (  # a like counter alone on its line
            "Tích cực đóng góp quỹ “Vì người nghèo”\n\n2\n\n            " + LEAD,
            "Tích cực đóng góp quỹ “Vì người nghèo”", None, [],
        ),
        (  # photo captions (short, no full stop) do not make the body look hard-wrapped
            "Gặp mặt Bí thư Chi bộ, Tổ trưởng dân phố\n\n" + LEAD + "\n\nQuang cảnh buổi gặp mặt\n\n"
            + LEAD + "\n\nĐại biểu trao quà\n\nLãnh đạo phường phát biểu\n\nToàn cảnh\n\n" + LEAD,
            "Gặp mặt Bí thư Chi bộ, Tổ trưởng dân phố", None, [],
        ),
        (  # the lead opens the page: no title
            "Ngày 13 và 14-10, Ban Thường trực Ủy ban MTTQ huyện Ninh Sơn tổ chức đoàn khảo sát.\n\n" + LEAD,
            None, None, [],
        ),
        (  # a newspaper's tag with "online" opens the lead: no title
            "(LĐ online) - Ngày 7/3, Hội LHPN xã Phú Hội tổ chức trao mô hình “Cơ hội bền vững” cho hội viên.\n\n"
            + LEAD,
            None, None, [],
        ),
        (  # a dateline with the date in words (a blog's) over the title
            "Chủ Nhật, 17 tháng 11, 2013\n\nSông Hinh: 82 khu dân cư tổ chức Ngày hội Đại đoàn kết\n\n"
            "Nhân kỷ niệm 83 năm Ngày thành lập Mặt trận (18/11/1930-18/11/2013), các khu dân cư tổ chức ngày hội.",
            "Sông Hinh: 82 khu dân cư tổ chức Ngày hội Đại đoàn kết", dt.date(2013, 11, 17), [],
        ),
        (
            "Thứ Năm, 6 tháng 6, 2013\n\nPhường Tân Phong ra mắt mô hình mới\n\n"
            "Sáng 5/6/2013, Hội LHPN phường Tân Phong tổ chức ra mắt mô hình “Dân vận khéo”.",
            "Phường Tân Phong ra mắt mô hình mới", dt.date(2013, 6, 6), [],
        ),
        (  # a section label of four words over the title
            "Phong trào nông dân\n\nMô hình “Chi, tổ Hội nghề nghiệp làm vườn ấp Nhơn Phú 1”\n\n" + LEAD,
            "Mô hình “Chi, tổ Hội nghề nghiệp làm vườn ấp Nhơn Phú 1”", None, [],
        ),
        (
            "Sức sống cơ sở\n\nPhường Tân Thới Hiệp trao quà tết cho 50 hộ khó khăn\n\n" + LEAD,
            "Phường Tân Thới Hiệp trao quà tết cho 50 hộ khó khăn", None, [],
        ),
        (  # a short title printed twice is the title, not a section label
            "07/08/2024\nTiếp xúc cử tri\nTiếp xúc cử tri\nVào ngày 05/8/2024 tại Hội trường UBND xã tổ chức buổi\n"
            "Hội nghị Đại biểu HĐND tỉnh tiếp xúc cử tri sau kỳ họp thường lệ giữa năm 2024.\n" + LEAD,
            "Tiếp xúc cử tri", dt.date(2024, 8, 7), [],
        ),
        (  # the page's tools (feed, print, send) under the title
            "ỦY BAN MTTQ HUYỆN NGHĨA HÀNH: NGHIỆM THU, BÀN GIAO NHÀ ĐẠI ĐOÀN KẾT\n\nRSS In Gởi cho bạn bè\n"
            "10/08/2023 05:03:54 PM\n\n" + LEAD,
            "ỦY BAN MTTQ HUYỆN NGHĨA HÀNH: NGHIỆM THU, BÀN GIAO NHÀ ĐẠI ĐOÀN KẾT", dt.date(2023, 8, 10), [],
        ),
        (  # a date spaced with no separators, a print link
            "Đoàn thanh niên ra quân chiến dịch làm sạch đô thị\n\n16 11 2025\n\nin trang\n\n" + LEAD,
            "Đoàn thanh niên ra quân chiến dịch làm sạch đô thị", dt.date(2025, 11, 16), [],
        ),
        (  # the writer's name in title case opens the dateline
            "Bình Thuận: Trao nhà Đại đoàn kết cho hộ nghèo\n\nThùy Trang 14/08/2021 07:18\n\n" + LEAD
            + "\n\n(0) Bình luận",
            "Bình Thuận: Trao nhà Đại đoàn kết cho hộ nghèo", dt.date(2021, 8, 14), ["Thùy Trang"],
        ),
    ],
)  # fmt: skip
def test_real_page_openings(
    text: str, title: str | None, published: dt.date | None, authors: list[str]
) -> None:
    meta = extract_metadata(text)
    assert meta.title == title
    assert meta.published == published
    assert meta.authors == authors



def test_a_dateline_ending_the_titles_line_keeps_its_spans() -> None:
    """The dateline is read from an offset in the title's line (not a copy of its tail at each label)."""
    text = (
        "Trang chủ | Tin tức\nHội nghị tổng kết công tác năm 2014 - Ngày đăng: 22/11/2014 10:20 | Lượt xem: 120\n"
        + LEAD
    )
    meta = extract_metadata(text)
    spans = [meta.title_span, meta.dateline_span, *meta.furniture]
    assert [text[s.start : s.end] for s in spans if s is not None] == [
        "Hội nghị tổng kết công tác năm 2014",
        "Ngày đăng: 22/11/2014 10:20 | Lượt xem: 120",
        "| Lượt xem: 120",
    ]
    assert meta.published == dt.date(2014, 11, 22)

BODY = "Tiêu đề\nNội dung một của bài viết.\nNội dung hai của bài viết.\n"


@pytest.mark.parametrize(
    ("tail", "authors"),
    [
        # The writer's unit after a dash, with or without a space before it, is no name.
        ("Trần Thị Thương- Phường Xuân Tăng", ["Trần Thị Thương"]),
        ("Tin, ảnh: Minh Nguyên - Đài Truyền thanh xã", ["Minh Nguyên"]),
        ("NGỌC PHÚ - Ban Tuyên giáo Thành ủy", ["NGỌC PHÚ"]),
        # Labels spaced any way.
        ("Tin,ảnh: Minh Nguyên", ["Minh Nguyên"]),
        ("Tin ảnh: HOÀNG ANH", ["HOÀNG ANH"]),
        ("TẤN HÙNG – MINH NGỌC – VĂN TỐ", ["TẤN HÙNG", "MINH NGỌC", "VĂN TỐ"]),
        # A middle name that lost its capital; initials; a source line after the signature.
        ("Mai viết Tăng", ["Mai viết Tăng"]),
        ("V.L\n\nNguồn Khánh Hòa: http://www.baokhanhhoa.vn/xa-hoi/202401/a495085/", ["V.L"]),
        ("Khánh Linh\n\nNguồn Hòa Bình: http://www.baohoabinh.com.vn/274/152665/x.htm", ["Khánh Linh"]),
        # A credit with the writer's role and no colon; a loading notice after the signature.
        ("Ảnh CTV Trương Lộc Thành - Đoàn viên Khu 3\n\nĐặng Văn Cao\nLoading...", ["Trương Lộc Thành", "Đặng Văn Cao"]),
        # The writer's commune in lower case; other articles' bare titles after the signature.
        ("Chu Văn Sơn - xã Thái Hòa\n\n\n\nCác tin tức khác\ndanh mục tin tức\nKết quả bình chọn Hàng Việt Nam 2020",
         ["Chu Văn Sơn"]),
        ("Hải Hồ\nBình luận\nBình luận, ý kiến của bạn\n-\n• Đội Quản lý điện Hiệp Đức đảm bảo cấp điện an toàn",
         ["Hải Hồ"]),
        # A comment form after the signature.
        ("MỸ LỆ\n\nTrả lời\n\nEmail của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *",
         ["MỸ LỆ"]),
        # A body's signature in capitals is no person's; a surname that is also a unit's word signs.
        ("TM. ỦY BAN NHÂN DÂN", []),
        ("ĐOÀN MINH - HỘI NÔNG DÂN XÃ", ["ĐOÀN MINH"]),
        # A caption naming an official is no signature; nor a last line in lower case.
        ("Đồng chí Lê Xuân Nhung- Bí thư Đảng ủy xã phát biểu\nNội dung ba.", []),
        ("Ảnh minh họa", []),
        # An initial and a name in capitals, no space; rating widgets after it.
        ("N.MINH", ["N.MINH"]),
        ("T.NGUYỆT\n\nĐánh giá bài viết: 0.00/5 - 0 đánh giá\nThích bài viết: 0 lượt thích", ["T.NGUYỆT"]),
        # A label on its own line, then the signature as written.
        ("Biên tập\nPhụ nữ TST", ["Phụ nữ TST"]),
        ("Tác giả:\nNguyễn Văn Hùng", ["Nguyễn Văn Hùng"]),
        # A name line, then the writer's unit: the unit does not sign; a comment form after them.
        ("Huỳnh Thanh Hiếu\nHội Nông dân xã Nhơn Nghĩa\n\nTrả lời\n\nEmail của bạn sẽ không được hiển thị "
         "công khai. Các trường bắt buộc được đánh dấu *", ["Huỳnh Thanh Hiếu"]),
        # An organisation signs; a visitor counter's heading after it.
        ("Đoàn thanh niên phường Hải Dương\n\nThong ke", ["Đoàn thanh niên phường Hải Dương"]),
        ("Hội Liên hiệp Phụ nữ xã Tân Phong\n(3) Bình luận", ["Hội Liên hiệp Phụ nữ xã Tân Phong"]),
        ("Ban công tác Mặt trận khu phố 3 phường Tân Phong đã trao 20 suất quà.", []),
        # An organisation credited by a label; a login form and a comment heading after the signature.
        ("Tác giả: Đoàn xã Bình Triều", ["Đoàn xã Bình Triều"]),
        ("Quang Hải\n\nĐăng nhập để tham gia bình luận\nĐăng nhập với\nFacebook Google", ["Quang Hải"]),
        ("MINH HẢI\n\nGÓP Ý KIẾN", ["MINH HẢI"]),
        # "CTV" credits the site's contributor, as written.
        ("Gia đình bà Dung nhận bò giống. Ảnh: CTV\nNội dung ba của bài viết.", ["CTV"]),
        # The site's administrator signs as written; a lone "." under a signature signs nothing.
        ("Admin", ["Admin"]),
        ("K.Cúc - N.Đồng\n \n.", ["K.Cúc", "N.Đồng"]),
        # Two names joined by a hyphen with no space, two words on each side.
        ("Đào Hằng-Minh Quang", ["Đào Hằng", "Minh Quang"]),
        # A name, then the writer's body without its unit's name; that body alone signs for no one.
        ("Nguyễn Văn Út\nHội Nông dân thành phố", ["Nguyễn Văn Út"]),
        ("Hội Nông dân thành phố", []),
    ],
)  # fmt: skip
def test_real_signatures(tail: str, authors: list[str]) -> None:
    assert extract_metadata(BODY + tail).authors == authors
