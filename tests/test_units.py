"""Unit recognition: level words, names, abbreviations, organisations, and what is not a unit."""

from __future__ import annotations

import pytest

from bantin.extractors import find_all
from bantin.pipeline.text.document import build_document

# (text, expected [(evidence, level, name)], id)
CASES: list[tuple[str, list[tuple[str, str, str]], str]] = [
    ("Đảng ủy Phường 6 tổ chức hội nghị.", [("Phường 6", "phường", "6")], "numbered-ward"),
    (
        "Sáng ngày 23/10, tại khu vực Thạnh Phước 1 phường Thạnh Hòa đã tổ chức Ngày hội.",
        [("khu vực Thạnh Phước 1", "khu", "Thạnh Phước 1"), ("phường Thạnh Hòa", "phường", "Thạnh Hòa")],
        "khu-vuc-before-its-ward",
    ),
    ("Khu vực 3 có 120 hộ.", [("Khu vực 3", "khu", "3")], "khu-vuc-numbered"),
    ("Các tỉnh khu vực Tây Nguyên tham gia.", [], "khu-vuc-region-is-no-unit"),
    (
        "Đảng ủy phường Tân Quy Đông tổ chức hội nghị.",
        [("phường Tân Quy Đông", "phường", "Tân Quy Đông")],
        "named-ward",
    ),
    ("Hội nghị tại PHƯỜNG 6 đã diễn ra.", [("PHƯỜNG 6", "phường", "6")], "upper-case-level"),
    (
        # A hard-wrapped article: lines are cut anywhere, a name included.
        "Sáng nay, Ủy ban nhân dân\nphường Hiệp\nNinh tổ chức ra quân làm sạch\nđường phố, khơi thông cống\n"
        "rãnh với sự tham gia của\nđông đảo người dân.",
        [("phường Hiệp\nNinh", "phường", "Hiệp Ninh")],
        "line-break-in-name",
    ),
    ("Tổ dân phố số 3 ra mắt mô hình.", [("Tổ dân phố số 3", "tổ dân phố", "3")], "tdp-so"),
    (
        "Chi hội phụ nữ Tổ dân phố 5 và 11 thực hiện.",
        [("Tổ dân phố 5", "tổ dân phố", "5"), ("Tổ dân phố 5 và 11", "tổ dân phố", "11")],
        "two-numbers",
    ),
    (
        "Các khu phố 1, 2 và 3 tham gia.",
        [
            ("khu phố 1", "khu phố", "1"),
            ("khu phố 1, 2", "khu phố", "2"),
            ("khu phố 1, 2 và 3", "khu phố", "3"),
        ],
        "three-numbers",
    ),
    ("Nhân dân khóm Mỹ Quới hưởng ứng.", [("khóm Mỹ Quới", "khóm", "Mỹ Quới")], "khom"),
    ("Bà con ấp 7 đóng góp ngày công.", [("ấp 7", "ấp", "7")], "ap-number"),
    ("Người dân Khu 3 tham gia dọn vệ sinh.", [("Khu 3", "khu", "3")], "khu-number"),
    ("Công viên cây xanh phố 13 được cải tạo.", [("phố 13", "phố", "13")], "pho-number"),
    ("Tổ 10 đã hoàn thành chỉ tiêu.", [("Tổ 10", "tổ", "10")], "to-number"),
    ("Thôn Đông Hạ có 120 hộ.", [("Thôn Đông Hạ", "thôn", "Đông Hạ")], "thon"),
    ("Xóm Chùa được công nhận.", [("Xóm Chùa", "xóm", "Chùa")], "xom"),
    ("Bản Lướt tổ chức lễ hội.", [("Bản Lướt", "bản", "Lướt")], "ban"),
    ("Nhân dân thị trấn Mỹ An đón Tết.", [("thị trấn Mỹ An", "thị trấn", "Mỹ An")], "thi-tran"),
    ("UBND xã Tân Hội ra mắt mô hình.", [("xã Tân Hội", "xã", "Tân Hội")], "xa"),
    ("Huyện Châu Thành triển khai kế hoạch.", [("Huyện Châu Thành", "huyện", "Châu Thành")], "huyen"),
    ("Thị xã Hồng Lĩnh tổ chức lễ.", [("Thị xã Hồng Lĩnh", "thị xã", "Hồng Lĩnh")], "thi-xa"),
    ("Tỉnh Đồng Tháp khen thưởng.", [("Tỉnh Đồng Tháp", "tỉnh", "Đồng Tháp")], "tinh"),
    ("Thành phố Sa Đéc ra quân.", [("Thành phố Sa Đéc", "thành phố", "Sa Đéc")], "thanh-pho"),
    ("Quận ủy Hoàn Kiếm tổ chức hội nghị.", [("Quận ủy Hoàn Kiếm", "quận", "Hoàn Kiếm")], "quan-uy"),
    ("Quận uỷ Hoàn Kiếm tổ chức hội nghị.", [("Quận uỷ Hoàn Kiếm", "quận", "Hoàn Kiếm")], "quan-uy-tone"),
    ("Thị ủy Hồng Lĩnh chỉ đạo.", [("Thị ủy Hồng Lĩnh", "thị xã", "Hồng Lĩnh")], "thi-uy"),
    ("Tỉnh ủy Đồng Tháp chỉ đạo.", [("Tỉnh ủy Đồng Tháp", "tỉnh", "Đồng Tháp")], "tinh-uy"),
    ("Chủ tịch UBND quận Hoàn Kiếm phát biểu.", [("quận Hoàn Kiếm", "quận", "Hoàn Kiếm")], "ubnd-quan"),
    ("Công an phường Hàng Bồ ra quân.", [("phường Hàng Bồ", "phường", "Hàng Bồ")], "cong-an-phuong"),
    ("Tại P.6, Q.3 đã có nhiều mô hình.", [("P.6", "phường", "6"), ("Q.3", "quận", "3")], "abbr-dot"),
    ("Hộ dân P6 được hỗ trợ.", [("P6", "phường", "6")], "abbr-glued"),
    ("Tại Nhà văn hóa TDP số 5 đã diễn ra lễ ra mắt.", [("TDP số 5", "tổ dân phố", "5")], "abbr-tdp-so"),
    ("Người dân KP.3 tham gia.", [("KP.3", "khu phố", "3")], "abbr-kp-dot"),
    ("Sinh viên TP HCM tình nguyện.", [("TP HCM", "thành phố", "HCM")], "tp-hcm"),
    ("Sinh viên TP.HCM tình nguyện.", [("TP.HCM", "thành phố", "HCM")], "tp-dot-hcm"),
    (
        "Ban Chỉ huy Quân sự phường Vân Giang, Tổ dân phố 5 ra quân.",
        [("phường Vân Giang", "phường", "Vân Giang"), ("Tổ dân phố 5", "tổ dân phố", "5")],
        "two-levels",
    ),
    (
        "Chi bộ Tổ dân phố số 3 phường Phan Chu Trinh họp.",
        [("Tổ dân phố số 3", "tổ dân phố", "3"), ("phường Phan Chu Trinh", "phường", "Phan Chu Trinh")],
        "unit-after-unit-number",
    ),
    # A lane's number before a level word is no count of units: the address goes on (fresh2 r135).
    (
        "Khu vực đường sô 11 tô 9 và hẻm số 2 tổ 28 ấp Tân Trung có nhiều ổ gà, ổ voi.",
        [("tổ 28", "tổ", "28"), ("ấp Tân Trung", "ấp", "Tân Trung")],
        "address-number-then-level",
    ),
    ("Hộ ông Tư ở ngõ 5 tổ 12 bị ngập.", [("tổ 12", "tổ", "12")], "lane-number-then-level"),
    # Not units.
    ("Toàn phường có 7 khu phố và 21 Tổ dân phố.", [], "counts-of-units"),
    ("Các khu phố đã đăng ký thi đua.", [], "level-without-name"),
    ("UBND phường đã tổ chức hội nghị.", [], "ubnd-phuong-bare"),
    ("Thành phố đã hoàn thành kế hoạch.", [], "thanh-pho-alone"),
    ("Các đoàn thể chính trị - xã hội tham gia.", [], "xa-hoi"),
    ("Thông qua phong trào, thôn mới được xây dựng.", [], "thong-qua"),
    ("Quận Đoàn phối hợp tổ chức.", [], "quan-doan-organisation"),
    ("Quận ủy đã chỉ đạo sát sao.", [], "quan-uy-bare"),
    ("Tổ công tác đã làm việc.", [], "to-cong-tac"),
    ("Khu vui chơi được xây dựng.", [], "khu-vui-choi"),
    ("Phố đi bộ thu hút du khách.", [], "pho-di-bo"),
    ("Nhà ở đường Lê Lợi được sửa chữa.", [], "street"),
    ("Chủ tịch UBND phường Nguyễn Văn An phát biểu.", [], "person-after-level"),
    ("Ghé thăm phố Huế buổi tối.", [], "pho-street-name"),
    ("Ban Dân vận Quận ủy Quận 1 tổ chức lễ.", [("Quận 1", "quận", "1")], "quan-uy-before-quan-number"),
    ("Trong đó cấp huyện 41 mô hình.", [], "tier-cap-huyen"),
    ("UBND phường tặng khu dân cư 01 bộ loa kéo.", [], "number-before-classifier"),
    (
        "Lễ bàn giao nhà tại các bản Che Căn, Khá và Kéo.",
        [
            ("bản Che Căn", "bản", "Che Căn"),
            ("bản Che Căn, Khá", "bản", "Khá"),
            ("bản Che Căn, Khá và Kéo", "bản", "Kéo"),
        ],
        "plural-list-of-names",
    ),
    (
        # An address, no list of communes: the district and province are named bare.
        "Đoàn đến xã Hải Lâm, Hải Lăng, Quảng Trị.",
        [
            ("xã Hải Lâm", "xã", "Hải Lâm"),
            ("Hải Lăng", "huyện", "Hải Lăng"),
            ("Quảng Trị", "tỉnh", "Quảng Trị"),
        ],
        "comma-address-is-no-list",
    ),
    ("Sáng 2/9 khóm 3 tổ chức lễ chào cờ năm 2024.", [("khóm 3", "khóm", "3")], "unit-after-a-date"),
    # A word name may end in a number; not before a classifier, and not for a ward the register lacks.
    (
        "Lễ diễn ra tại khu phố Bình Đức 1, phường Lái Thiêu.",
        [("khu phố Bình Đức 1", "khu phố", "Bình Đức 1"), ("phường Lái Thiêu", "phường", "Lái Thiêu")],
        "name-ending-in-number",
    ),
    ("Xã tặng ấp Phú Hòa 5 suất quà.", [("ấp Phú Hòa", "ấp", "Phú Hòa")], "name-then-count"),
    # "Tiểu khu" is no level of the list; a title's unit ends where its holder's name begins.
    ("Mô hình được nhân rộng tại Tiểu khu 10 và Tiểu khu 19.", [], "tieu-khu"),
    (
        "Dự có Bí thư Chi bộ bản Co Hạ Sùng A Páo và Trưởng buôn Ma Đung Y Thăk Niê.",
        [("bản Co Hạ", "bản", "Co Hạ"), ("buôn Ma Đung", "buôn", "Ma Đung")],
        "unit-then-its-holder",
    ),
    (
        "Tại thôn Lê Xá và ấp Phan Văn Hớn.",
        [("thôn Lê Xá", "thôn", "Lê Xá"), ("ấp Phan Văn Hớn", "ấp", "Phan Văn Hớn")],
        "surname-words-in-unit-names",
    ),
    # An organisation on a unit: the unit's own level word repeated, or a name that only looks like a level.
    (
        "Thành ủy Thành phố Hồ Chí Minh và Thị ủy Buôn Hồ chỉ đạo.",
        [("Thành phố Hồ Chí Minh", "thành phố", "Hồ Chí Minh"), ("Thị ủy Buôn Hồ", "thị xã", "Buôn Hồ")],
        "organisation-then-level-word",
    ),
    (
        "Hội Nông dân TX. An Nhơn tham dự.",
        [("TX. An Nhơn", "thị xã", "An Nhơn")],
        "tx-abbreviation-is-no-sentence-end",
    ),
    (
        "Chi đoàn ra quân cùng Thị đoàn Hương Thuỷ.",
        [("Thị đoàn Hương Thuỷ", "thị xã", "Hương Thuỷ")],
        "youth-union-of-a-unit",
    ),
    (
        "Khu phố 2 tổ chức hội nghị khu dân cư 6 tháng đầu năm 2024.",
        [("Khu phố 2", "khu phố", "2")],
        "number-opening-a-date",
    ),
    (
        "Bí thư Huyện ủy Lâm Hà Nguyễn Văn Lực phát biểu.",
        [("Huyện ủy Lâm Hà", "huyện", "Lâm Hà")],
        "organisation-unit-before-holder",
    ),
    (
        "Đại hội có đại biểu các phường Lê Lợi, Hải Cảng, Thị Nại.",
        [
            ("phường Lê Lợi", "phường", "Lê Lợi"),
            ("phường Lê Lợi, Hải Cảng", "phường", "Hải Cảng"),
            ("phường Lê Lợi, Hải Cảng, Thị Nại", "phường", "Thị Nại"),
        ],
        "plural-list-without-va",
    ),
    (
        "Thành ủy TP. Hồ Chí Minh chỉ đạo.",
        [("TP. Hồ Chí Minh", "thành phố", "Hồ Chí Minh")],
        "organisation-then-abbreviation",
    ),
    (
        "Cùng đông đảo Nhân dân 2 thôn Bình Minh và Tân Hòa tham dự.",
        [("thôn Bình Minh", "thôn", "Bình Minh"), ("thôn Bình Minh và Tân Hòa", "thôn", "Tân Hòa")],
        "count-of-named-units",
    ),
    # Several names after one level word, without "các": a list only where it cannot be an address.
    (
        "Giải khuyến khích gồm các ấp: Văn Hiên 1, Tổng Cui Lớn, Xa Trạch 2./.",
        [
            ("ấp: Văn Hiên 1", "ấp", "Văn Hiên 1"),
            ("ấp: Văn Hiên 1, Tổng Cui Lớn", "ấp", "Tổng Cui Lớn"),
            ("ấp: Văn Hiên 1, Tổng Cui Lớn, Xa Trạch 2", "ấp", "Xa Trạch 2"),
        ],
        "plural-colon-list",
    ),
    ("Chi bộ ấp: Trường An họp.", [], "colon-without-plural"),
    (
        "Huyện Trần Văn Thời và Đầm Dơi, mỗi huyện 40 căn.",
        [
            ("Huyện Trần Văn Thời", "huyện", "Trần Văn Thời"),
            ("Huyện Trần Văn Thời và Đầm Dơi", "huyện", "Đầm Dơi"),
        ],
        "va-joins-a-registered-name",
    ),
    (
        "Người dân khu phố Nam 1 và Nam 2 tham gia.",
        [("khu phố Nam 1", "khu phố", "Nam 1"), ("khu phố Nam 1 và Nam 2", "khu phố", "Nam 2")],
        "va-joins-the-same-name-numbered",
    ),
    (
        "Toàn thể nhân dân Tổ dân phố Phú Hải 2 và 3, tổ dân phố Hòa Bình 1,2.",
        [
            ("Tổ dân phố Phú Hải 2", "tổ dân phố", "Phú Hải 2"),
            ("Tổ dân phố Phú Hải 2 và 3", "tổ dân phố", "Phú Hải 3"),
            ("tổ dân phố Hòa Bình 1", "tổ dân phố", "Hòa Bình 1"),
            ("tổ dân phố Hòa Bình 1,2", "tổ dân phố", "Hòa Bình 2"),
        ],
        "name-with-several-numbers",
    ),
    (
        "Giải khuyến khích thuộc về các đội thi xã Đông Quang, Cổ Đô, Phong Vân./.",
        [
            ("xã Đông Quang", "xã", "Đông Quang"),
            ("xã Đông Quang, Cổ Đô", "xã", "Cổ Đô"),
            ("xã Đông Quang, Cổ Đô, Phong Vân", "xã", "Phong Vân"),
        ],
        "comma-list-of-registered-communes",
    ),
    (
        "Bà con thôn Đông, Tây tham gia.",
        [("thôn Đông", "thôn", "Đông"), ("thôn Đông, Tây", "thôn", "Tây")],
        "comma-list-of-hamlets",
    ),
    (
        "Tại nhà sinh hoạt khối phố Xuân Đông, UBND phường Trường Xuân phát động.",
        [("khối phố Xuân Đông", "khối phố", "Xuân Đông"), ("phường Trường Xuân", "phường", "Trường Xuân")],
        "list-stops-at-an-organisation",
    ),
    # Abbreviated levels with odd punctuation.
    (
        "Các khu dân cư (KDC) 9 và KDC 12 ra quân; UBND T.P Vinh chỉ đạo.",
        [
            ("khu dân cư (KDC) 9", "khu dân cư", "9"),
            ("KDC 12", "khu dân cư", "12"),
            ("T.P Vinh", "thành phố", "Vinh"),
        ],
        "kdc-and-tp-with-dot",
    ),
    (
        "Liên hoan ấp văn hóa tiêu biểu xuất sắc H.Cẩm Mỹ năm 2020 (Ảnh: H.Nam).",
        [("H.Cẩm Mỹ", "huyện", "Cẩm Mỹ")],
        "one-letter-abbreviation-with-a-registered-name",
    ),
    # A residential "khu" or "tổ" with a word name, followed by the unit it lies in.
    (
        "Ban công tác mặt trận Khu Ga thị trấn Đồng Đăng tổ chức ngày hội.",
        [("Khu Ga", "khu", "Ga"), ("thị trấn Đồng Đăng", "thị trấn", "Đồng Đăng")],
        "khu-name-before-its-unit",
    ),
    (
        "Khu Di tích xã Kim Liên đón khách.",
        [("xã Kim Liên", "xã", "Kim Liên")],
        "khu-before-an-ordinary-word",
    ),
    (
        "Ủy Ban Mặt Trận Tổ Quốc Việt Nam xã Khuê Ngọc Điền bàn giao nhà.",
        [("xã Khuê Ngọc Điền", "xã", "Khuê Ngọc Điền")],
        "to-quoc-is-no-to",
    ),
    # A capitalised word that opens an ordinary word is no name; an organisation word may open one.
    ("Đồng chí Phó Bí thư, Chủ tịch UBND phường Báo cáo kết quả.", [], "phuong-bao-cao"),
    ("Thôn Văn hóa kiểu mẫu được công nhận.", [], "model-title-after-a-level-word"),
    (
        "Nhân dân thôn Đoàn Kết tham gia.",
        [("thôn Đoàn Kết", "thôn", "Đoàn Kết")],
        "organisation-word-opening-a-name",
    ),
    # Provinces and districts named bare.
    (
        "Sáng 14/11, UBND phường Phù Liễn (Hải Phòng) tổ chức lễ kỷ niệm.",
        [("phường Phù Liễn", "phường", "Phù Liễn"), ("Hải Phòng", "thành phố", "Hải Phòng")],
        "bare-province-in-parentheses",
    ),
    (
        "Thị trấn Phước Vĩnh, Phú Giáo: Khen thưởng 6 tập thể.",
        [("Thị trấn Phước Vĩnh", "thị trấn", "Phước Vĩnh"), ("Phú Giáo", "huyện", "Phú Giáo")],
        "bare-district-in-a-headline",
    ),
    (
        "Thành phố Bắc Kạn phối hợp với phường; Bắc Kạn ra quân.",
        [("Thành phố Bắc Kạn", "thành phố", "Bắc Kạn"), ("Bắc Kạn", "thành phố", "Bắc Kạn")],
        "bare-name-takes-the-articles-level",
    ),
    (
        "Đoàn thăm hộ nghèo tại TP Thái Bình, Vũ Chính và Đông Hòa.",
        [("TP Thái Bình", "thành phố", "Thái Bình")],
        "communes-listed-after-their-city-are-no-districts",
    ),
    (
        "Trao quà trên địa bàn huyện Cam Lộ, Đakrông và Hướng Hóa.",
        [("huyện Cam Lộ", "huyện", "Cam Lộ"), ("Hướng Hóa", "huyện", "Hướng Hóa")],
        "districts-listed-after-a-district",
    ),
    (
        "Câu lạc bộ “Vì Hoàng Sa - Trường Sa thân yêu” trao học bổng.",
        [],
        "bare-name-inside-a-quoted-name",
    ),
    ("Hải Phòng, ngày 21 tháng 01 năm 2020", [], "dateline-place"),
    ("Đoàn TNCS Hồ Chí Minh học tập tư tưởng Hồ Chí Minh.", [], "person-namesake"),
    ("Chị Thanh Hà cho biết nhà trên đường Hải Phòng đã xong.", [], "person-and-street"),
    ("Theo dõi Báo Quảng Trị trên Google News.", [], "newspaper-name"),
    # A letterhead opening the page is no mention; the headline under it is.
    (
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nQUẬN 5 - THÀNH PHỐ HỒ CHÍ MINH\n\nPHƯỜNG 8 QUẬN 5 TỔ CHỨC HỌP MẶT",
        [("PHƯỜNG 8", "phường", "8"), ("QUẬN 5", "quận", "5")],
        "letterhead",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for t, e, i in CASES])
def test_units(text: str, expected: list[tuple[str, str, str]]) -> None:
    doc = build_document("t.txt", text)
    got = [(text[m.start : m.end], m.fields["level"], m.fields["name"]) for m in find_all(doc, ["unit"])["unit"]]
    assert got == expected
