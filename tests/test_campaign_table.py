"""The campaign extractor, table-driven: name (unquoted, whitespace collapsed) and category (trigger)."""

from __future__ import annotations

import pytest

from bantin.extractors import find_all
from bantin.pipeline.text.document import build_document
from tests.tables import table_rows


def _case(*args: object, id: str, was: str) -> object:
    """A case that once failed; `was` says what the bug was, so a regression reads as that bug."""
    return pytest.param(*args, id=id)


# Each expected mention: (name, category).
CASES: list = [
    # A pair written with a comma stays in the name; "và Ngày …" opens another occasion.
    (
        "Xã tổ chức mít tinh hưởng ứng Tháng hành động quốc gia phòng, chống HIV/AIDS và Ngày Thế giới phòng, chống AIDS.",
        [("hành động quốc gia phòng, chống HIV/AIDS", "tháng")],
        "comma-pair-inside-a-name",
    ),
    ("Ban tổ chức trao giải Nhất, Nhì, Ba và Khuyến khích cho các đội.", [], "prize-ranks-listed-are-no-name"),
    # A name ends before the year that follows it.
    (
        "Ủy ban MTTQ phường phối hợp tổ chức chương trình Xuân yêu thương 2026, trao quà tết cho các gia đình.",
        [("Xuân yêu thương", "chương trình")],
        "name-ends-before-its-year",
    ),
    (
        "Phường tham gia Ngày hội Đại đoàn kết toàn dân tộc năm 2024 tại khu phố.",
        [("Đại đoàn kết toàn dân tộc", "ngày hội")],
        "name-ends-before-nam-and-year",
    ),
    (
        "Đây là đơn vị chỉ đạo điểm tổ chức Ngày hội sớm nhất trong tỉnh năm 2017.",
        [],
        "a-capitalised-trigger-before-an-adjective-names-nothing",
    ),
    # Each trigger with a quoted name.
    (
        "Phường tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” trong cán bộ, công chức.",
        [("Dân vận khéo", "phong trào thi đua")],
        "phong-trao-thi-dua",
    ),
    (
        "Chi hội Phụ nữ khu phố 2 thực hiện phong trào “Xanh - Sạch - Đẹp” tại khu dân cư.",
        [("Xanh - Sạch - Đẹp", "phong trào")],
        "phong-trao-dashes-in-name",
    ),
    (
        "Thực hiện cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”, hội viên tích cực mua sắm hàng nội.",
        [("Người Việt Nam ưu tiên dùng hàng Việt Nam", "cuộc vận động")],
        "cuoc-van-dong",
    ),
    (
        "Phường tổ chức chương trình “Tết sum vầy” cho 50 hộ.",
        [("Tết sum vầy", "chương trình")],
        "chuong-trinh",
    ),
    (
        "Phường tổ chức Ngày hội “Gia đình hạnh phúc” nhân ngày Gia đình Việt Nam.",
        [("Gia đình hạnh phúc", "ngày hội")],
        "ngay-hoi-capitalised",
    ),
    (
        "Phường ra quân chiến dịch “Làm cho thế giới sạch hơn” năm 2023.",
        [("Làm cho thế giới sạch hơn", "chiến dịch")],
        "chien-dich",
    ),
    (
        "Phường tổ chức tháng cao điểm “An toàn giao thông” cho học sinh.",
        [("An toàn giao thông", "tháng")],
        "thang-cao-diem",
    ),
    (
        "Phường phát động đợt cao điểm “Ngày vì người nghèo”.",
        [("Ngày vì người nghèo", "đợt")],
        "dot-cao-diem",
    ),
    (
        "Hội LHPN phường tổ chức hội thi “Phụ nữ với pháp luật” thu hút 10 đội tham gia.",
        [("Phụ nữ với pháp luật", "hội thi")],
        "hoi-thi-name-with-voi",
    ),
    (
        "Giải bóng đá “Cúp Tứ hùng” năm 2024 khai mạc tại sân vận động quận.",
        [("Cúp Tứ hùng", "giải")],
        "giai-bong-da",
    ),
    (
        "Cuộc vận động “Ngày vì người nghèo” năm 2024 được phát động tại khu phố 5.",
        [("Ngày vì người nghèo", "cuộc vận động")],
        "sentence-initial-trigger",
    ),
    (
        "Hội thi “Tiếng hát người cao tuổi” năm 2024 thu hút 15 tiết mục.",
        [("Tiếng hát người cao tuổi", "hội thi")],
        "hoi-thi-sentence-initial",
    ),
    # Quote styles.
    (
        "Học sinh tham gia chương trình «Tiếp sức mùa thi» tại các điểm thi.",
        [("Tiếp sức mùa thi", "chương trình")],
        "guillemets",
    ),
    (
        'Chi đoàn thực hiện chương trình "Thắp sáng đường quê" tại khu phố 4.',
        [("Thắp sáng đường quê", "chương trình")],
        "straight-quotes",
    ),
    (
        'Phong trào thi đua"Dân vận khéo" được lan tỏa đến từng khu phố.',
        [("Dân vận khéo", "phong trào thi đua")],
        "glued-straight-quote",
    ),
    (
        "Hội Cựu chiến binh hưởng ứng phong trào “” Dân vận khéo” trên địa bàn.",
        [("Dân vận khéo", "phong trào")],
        "doubled-opening-quote",
    ),
    (
        'Hội Cựu chiến binh tham gia phong trào ""Cựu chiến binh giúp nhau giảm nghèo"" ở khu dân cư.',
        [("Cựu chiến binh giúp nhau giảm nghèo", "phong trào")],
        "doubled-straight-quotes",
    ),
    (
        "Hội LHPN phường hưởng ứng cuộc vận động “ Ngày vì người nghèo” năm 2023.",
        [("Ngày vì người nghèo", "cuộc vận động")],
        "stray-space-after-open-quote",
    ),
    (
        "Phường ra quân chiến dịch “ Giờ Trái đất ” năm 2024.",
        [("Giờ Trái đất", "chiến dịch")],
        "stray-spaces-both-sides",
    ),
    (
        "Tham gia cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa của Mặt trận Tổ quốc.",
        [("Toàn dân đoàn kết xây dựng đời sống văn hóa", "cuộc vận động")],
        "unclosed-quote-ends-before-cua",
    ),
    (
        "Hội LHPN phường thực hiện chương trình “Phụ nữ Thủ đô\nđoàn kết, sáng tạo” giai đoạn 2021 - 2026.",
        [("Phụ nữ Thủ đô đoàn kết, sáng tạo", "chương trình")],
        "line-break-inside-quote-collapsed",
    ),
    # Lower-case modifiers between trigger and quote.
    (
        "Hưởng ứng phong trào thi đua đặc biệt “Chung sức xây dựng phường văn minh, hiện đại”, các khu phố ra quân.",
        [("Chung sức xây dựng phường văn minh, hiện đại", "phong trào thi đua")],
        "modifier-dac-biet",
    ),
    (
        "Ủy ban MTTQ phường triển khai chương trình chung tay vì người nghèo “Không để ai bị bỏ lại phía sau” "
        "năm 2024.",
        [("Không để ai bị bỏ lại phía sau", "chương trình")],
        "modifiers-chung-tay-vi-nguoi-ngheo",
    ),
    (
        "Phường triển khai đợt sinh hoạt chính trị “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.",
        [("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "đợt")],
        "modifiers-sinh-hoat-chinh-tri",
    ),
    (
        "Phường hưởng ứng đợt thi đua cao điểm “100 ngày đêm hoàn thành chỉ tiêu” năm 2024.",
        [("100 ngày đêm hoàn thành chỉ tiêu", "đợt")],
        "modifiers-thi-dua-cao-diem",
    ),
    (
        "Đợt ra quân “Tuổi trẻ chung tay phòng chống dịch bệnh” thu hút 200 đoàn viên.",
        [("Tuổi trẻ chung tay phòng chống dịch bệnh", "đợt")],
        "modifier-ra-quan",
    ),
    (
        "Hội viên hưởng ứng cuộc vận động xây dựng gia đình “5 không, 3 sạch”.",
        [("5 không, 3 sạch", "cuộc vận động")],
        "modifiers-xay-dung-gia-dinh",
    ),
    # Unquoted capitalised names: to punctuation or before a preposition.
    (
        "Đoàn phường tổ chức chương trình Cà phê thanh niên khởi nghiệp; thu hút 100 đoàn viên tham gia.",
        [("Cà phê thanh niên khởi nghiệp", "chương trình")],
        "unquoted-ends-at-semicolon",
    ),
    (
        "Đoàn phường phát động chiến dịch Mùa hè xanh năm 2024.",
        [("Mùa hè xanh", "chiến dịch")],
        "unquoted-ends-before-nam",
    ),
    (
        "Phường tổ chức Ngày hội Đại đoàn kết toàn dân tộc tại khu phố 2.",
        [("Đại đoàn kết toàn dân tộc", "ngày hội")],
        "unquoted-ends-before-tai",
    ),
    (
        "Đoàn viên tham gia chiến dịch Hoa phượng đỏ cho thiếu nhi khu phố.",
        [("Hoa phượng đỏ", "chiến dịch")],
        "unquoted-ends-before-cho",
    ),
    (
        "Ban Chỉ huy Quân sự phường tổ chức hội thi Dân quân giỏi cho lực lượng dân quân.",
        [("Dân quân giỏi", "hội thi")],
        "unquoted-hoi-thi",
    ),
    (
        "Hưởng ứng Tháng Nhân đạo năm 2024, Hội Chữ thập đỏ phường trao 100 phần quà.",
        [("Nhân đạo", "tháng")],
        "unquoted-thang-nhan-dao",
    ),
    (
        "Phường tổ chức Tháng Thanh niên năm 2024 với nhiều hoạt động ý nghĩa.",
        [("Thanh niên", "tháng")],
        "unquoted-thang-thanh-nien",
    ),
    (
        "Phường thực hiện Chương trình Mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025.",
        [("Mục tiêu quốc gia giảm nghèo bền vững", "chương trình")],
        "unquoted-ends-before-giai-doan",
    ),
    (
        "Phường tổ chức chương trình Gây quỹ vì người nghèo tại Nhà văn hóa phường.",
        [("Gây quỹ vì người nghèo", "chương trình")],
        "unquoted-keeps-vi",
    ),
    (
        "Phường tổ chức chương trình Chủ nhật đỏ để vận động hiến máu tình nguyện.",
        [("Chủ nhật đỏ", "chương trình")],
        "unquoted-ends-before-de",
    ),
    (
        "Tuổi trẻ phường tích cực hưởng ứng Chương trình Tiếp sức mùa thi.",
        [("Tiếp sức mùa thi", "chương trình")],
        "unquoted-ends-at-full-stop",
    ),
    (
        "Phường tổ chức giải Việt dã truyền thống năm 2024.",
        [("Việt dã truyền thống", "giải")],
        "unquoted-giai",
    ),
    (
        "Phường ra quân chiến dịch Giờ Trái đất với thông điệp “Tắt đèn, bật tương lai”.",
        [("Giờ Trái đất", "chiến dịch")],
        "unquoted-ends-before-voi-slogan-ignored",
    ),
    _case(
        "Đoàn phường tổ chức chương trình Tiếp sức đến trường nhằm hỗ trợ học sinh khó khăn.",
        [("Tiếp sức đến trường", "chương trình")],
        id="unquoted-name-containing-den",
        was="'đến' is a name_end word, so the name is cut to 'Tiếp sức' (borderline)",
    ),
    # Several campaigns in one sentence; a second quote after a stop word is not one.
    (
        "Phường phát động phong trào thi đua “Chung tay xây dựng nông thôn mới”, cuộc vận động “Ngày vì người nghèo”.",
        [
            ("Chung tay xây dựng nông thôn mới", "phong trào thi đua"),
            ("Ngày vì người nghèo", "cuộc vận động"),
        ],
        "two-campaigns",
    ),
    (
        "Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” gắn với cuộc vận động "
        "“Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”.",
        [
            ("Toàn dân đoàn kết xây dựng đời sống văn hóa", "phong trào"),
            ("Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", "cuộc vận động"),
        ],
        "gan-voi-second-trigger",
    ),
    (
        "Phường hưởng ứng phong trào thi đua “Dân vận khéo”, phong trào “Ngày Chủ nhật xanh” "
        "và chương trình “Mỗi tuần một việc tốt”.",
        [
            ("Dân vận khéo", "phong trào thi đua"),
            ("Ngày Chủ nhật xanh", "phong trào"),
            ("Mỗi tuần một việc tốt", "chương trình"),
        ],
        "three-campaigns",
    ),
    (
        "Phường triển khai phong trào “Toàn dân bảo vệ an ninh Tổ quốc” với nội dung “5 không”.",
        [("Toàn dân bảo vệ an ninh Tổ quốc", "phong trào")],
        "voi-noi-dung-only-first",
    ),
    (
        "Đội đạt giải Nhì hội thi “Tuyên truyền viên giỏi” cấp quận.",
        [("Tuyên truyền viên giỏi", "hội thi")],
        "giai-nhi-then-hoi-thi",
    ),
    # Not campaigns.
    (
        "Chủ đề năm 2023 “Dân chủ, kỷ cương, đổi mới, hiệu quả” được triển khai sâu rộng.",
        [],
        "chu-de-no-trigger",
    ),
    ("Các hộ gia đình thực hiện nội dung “5 không” trong xây dựng gia đình văn hóa.", [], "noi-dung-5-khong"),
    ("Chủ đề của hội nghị là “Đoàn kết, dân chủ, kỷ cương, sáng tạo”.", [], "chu-de-la"),
    ("Phường thực hiện phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra”.", [], "phuong-cham"),
    ("Đơn vị thực hiện tốt khẩu hiệu “Ở đâu cần thanh niên có, việc gì khó có thanh niên”.", [], "khau-hieu"),
    (
        "Phường phát động phong trào thi đua với chủ đề “Đoàn kết, sáng tạo, về đích”.",
        [],
        "trigger-voi-chu-de",
    ),
    ("Đội văn nghệ khu phố 3 đạt giải Nhất tại hội diễn.", [], "giai-nhat"),
    ("Đội tuyên truyền đạt giải Khuyến khích tại hội thi.", [], "giai-khuyen-khich"),
    ("Đội văn nghệ phường đạt giải A tại liên hoan.", [], "giai-a"),
    ("Đội bóng khu phố 1 giành giải Ba tại giải bóng đá phường.", [], "giai-ba-and-lower-case-giai"),
    ("Trong tháng 7, phường tổ chức thăm hỏi các gia đình chính sách.", [], "thang-7"),
    ("Tháng 7 năm 2024, Phường tổ chức nhiều hoạt động đền ơn đáp nghĩa.", [], "thang-7-sentence-initial"),
    ("Đợt 1 năm 2024, phường đã tổ chức tiếp nhận 25 công dân nhập ngũ.", [], "dot-1"),
    ("Phường hoàn thành đợt 2 tiêm vắc xin cho trẻ em.", [], "dot-2"),
    ("Phường tiếp tục thực hiện chương trình xây dựng nông thôn mới.", [], "lower-case-after-chuong-trinh"),
    (
        "Phường hưởng ứng Tháng hành động vì an toàn thực phẩm.",
        [("hành động vì an toàn thực phẩm", "tháng")],
        "known-name-in-lower-case-after-thang",
    ),
    ("Phường phát động cuộc vận động ủng hộ đồng bào bị thiên tai.", [], "lower-case-after-cuoc-van-dong"),
    _case(
        "Phường triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững.",
        [("mục tiêu quốc gia giảm nghèo bền vững", "chương trình")],
        id="capitalised-trigger-inside-sentence",
        was="a lower-case name after a capitalised trigger was dropped; the rules now name it",
    ),
    # A list of quoted names after the trigger and a colon: one campaign each.
    (
        "Thị trấn gắn phong trào thi đua “Dân vận khéo” với các phong trào: “Toàn dân bảo vệ an ninh Tổ quốc”, "
        "“Ngày thứ bảy tình nguyện” và “Chung sức xây dựng đô thị văn minh”.",
        [
            ("Dân vận khéo", "phong trào thi đua"),
            ("Toàn dân bảo vệ an ninh Tổ quốc", "phong trào"),
            ("Ngày thứ bảy tình nguyện", "phong trào"),
            ("Chung sức xây dựng đô thị văn minh", "phong trào"),
        ],
        "quoted-list-after-colon",
    ),
    # An unquoted name ends where another campaign begins.
    (
        "Phường chú trọng các hoạt động trong Tháng Thanh niên và chương trình “Mỗi tổ dân phố một phần quà”.",
        [("Thanh niên", "tháng"), ("Mỗi tổ dân phố một phần quà", "chương trình")],
        "unquoted-name-before-next-trigger",
    ),
    # National programme names run past the words and commas that end other unquoted names.
    (
        "Hưởng ứng chương trình Chung tay vì người nghèo – Không để ai bị bỏ lại phía sau, phường trao quà.",
        [("Chung tay vì người nghèo – Không để ai bị bỏ lại phía sau", "chương trình")],
        "national-name-with-de",
    ),
    (
        "Thực hiện cuộc vận động Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh; xã đạt chuẩn.",
        [("Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", "cuộc vận động")],
        "national-name-with-comma",
    ),
    (
        "Hưởng ứng Tháng Hành động vì trẻ em năm 2024, xã tặng quà.",
        [("Hành động vì trẻ em", "tháng")],
        "national-name-capitalised-after-thang",
    ),
    # An item of a ";" list labelled before a colon: the label is the name, whatever words it holds.
    (
        "Ngày hội có mô hình Gian hàng xanh; chương trình Buổi sáng nghĩa tình - Chia sẻ yêu thương với 150 suất"
        " điểm tâm; chương trình Đổi cũ được mới vì môi trường xanh: người dân đến đổi các vật dụng.",
        [
            ("Buổi sáng nghĩa tình - Chia sẻ yêu thương", "chương trình"),
            ("Đổi cũ được mới vì môi trường xanh", "chương trình"),
        ],
        "list-item-label-before-colon",
    ),
    (
        "Các hoạt động: trao quà; chương trình Tiếp sức mùa thi được triển khai tại 3 điểm: tư vấn, hỗ trợ.",
        [("Tiếp sức mùa thi", "chương trình")],
        "colon-after-figures-is-no-label",
    ),
    (
        "Phường tổ chức chương trình Tiếp sức mùa thi được triển khai với các nội dung: tư vấn.",
        [("Tiếp sức mùa thi", "chương trình")],
        "colon-outside-a-list-is-no-label",
    ),
    # Several quoted names after one trigger; a month's name after "Tháng"; a capitalised series with "và".
    (
        "Xã duy trì phong trào “Gia đình học tập”, “Dòng họ học tập” và mô hình “Góc học tập”.",
        [("Gia đình học tập", "phong trào"), ("Dòng họ học tập", "phong trào")],
        "quoted-names-after-one-trigger",
    ),
    ("Kỷ niệm Cách mạng Tháng Tám thành công và Quốc khánh 2/9.", [], "thang-tam"),
    (
        "Huyện tổ chức Ngày hội Văn hóa, Thể thao và Du lịch đồng bào Khmer năm 2024.",
        [("Văn hóa, Thể thao và Du lịch đồng bào Khmer", "ngày hội")],
        "capitalised-series-with-va",
    ),
    (
        "Sáng 18/11, Ngày hội Đại đoàn kết toàn dân tộc ở buôn Ma Đung diễn ra.",
        [("Đại đoàn kết toàn dân tộc", "ngày hội")],
        "name-ends-before-o",
    ),
    (
        "Đoàn phối hợp tổ chức chương trình Vui hè an toàn - Sân chơi cho em tại khu phố 5.",
        [("Vui hè an toàn - Sân chơi cho em", "chương trình")],
        "cho-em-stays-in-the-name",
    ),
    # A name ends before the place, the date or the occasion that follows it.
    (
        "Xã tổ chức Ngày hội Văn hóa các dân tộc thôn Đon Quản năm 2024.",
        [("Văn hóa các dân tộc", "ngày hội")],
        "name-ends-before-a-place",
    ),
    (
        "Các khu dân cư tổ chức Ngày hội Văn hóa dân gian 18/11 với nhiều trò chơi.",
        [("Văn hóa dân gian", "ngày hội")],
        "name-ends-before-a-date",
    ),
    (
        "Hội LHPN phường tổ chức Ngày hội Gia đình hạnh phúc nhân kỷ niệm 95 năm Ngày thành lập Hội.",
        [("Gia đình hạnh phúc", "ngày hội")],
        "name-ends-before-nhan-ky-niem",
    ),
    (
        "Chiều 17/11, 9 ấp đã tổ chức Ngày hội Đại đoàn kết toàn dân tộc kỷ niệm 93 năm Ngày truyền thống MTTQ.",
        [("Đại đoàn kết toàn dân tộc", "ngày hội")],
        "name-ends-before-ky-niem",
    ),
    (
        "Phường tổ chức Ngày hội Đại đoàn kết toàn dân tộc phường Phú Diễn năm 2023.",
        [("Đại đoàn kết toàn dân tộc", "ngày hội")],
        "known-name-ends-before-a-place",
    ),
    # A trigger capitalised inside a sentence names what follows, whatever its case.
    (
        "Xã thực hiện tốt Chương trình 135 và Chương trình 30a của Chính phủ.",
        [("135", "chương trình"), ("30a", "chương trình")],
        "capitalised-trigger-number-names",
    ),
    (
        "Đoàn viên hăng hái tham gia Ngày hội hiến máu tình nguyện tại nhà văn hóa.",
        [("hiến máu tình nguyện", "ngày hội")],
        "capitalised-trigger-lower-case-name",
    ),
    (
        "Hội nghị tổng kết công tác dân vận gắn với Chương trình phối hợp năm 2023.",
        [("phối hợp", "chương trình")],
        "capitalised-trigger-name-ends-before-nam",
    ),
    (
        "Ban Dân tộc là cơ quan thường trực (Chương trình MTQG 1719) của tỉnh.",
        [("MTQG 1719", "chương trình")],
        "capitalised-trigger-in-parentheses",
    ),
    (
        "Chương trình mục tiêu quốc gia được triển khai đồng bộ.",
        [],
        "sentence-initial-trigger-lower-case-name",
    ),
    ("Tham dự Ngày hội có đồng chí Lê Văn Ba.", [], "capitalised-trigger-then-end-word"),
    ("Chủ tịch tặng hoa chúc mừng đến Ngày hội tại phường Hàng Mã.", [], "capitalised-trigger-then-place"),
    (
        "Đảng ủy ban hành Chương trình số 05-CTr/ĐU về chuyển đổi số.",
        [],
        "capitalised-trigger-document-number",
    ),
    ("Phường hoàn thành Đợt 2 tiêm vắc xin cho trẻ em.", [], "capitalised-dot-with-number"),
    ("Ông được tặng Giải thưởng Nhà nước về văn học.", [], "giai-thuong-is-no-trigger"),
    ("Phường đã thực hiện Chương trình như thế nào?", [], "capitalised-trigger-then-nhu"),
    # An abbreviation in parentheses between the trigger and its name; a name on the next line.
    (
        "Thực hiện cuộc vận động (CVĐ) “Người Việt Nam ưu tiên dùng hàng Việt Nam”, hội viên mua hàng nội.",
        [("Người Việt Nam ưu tiên dùng hàng Việt Nam", "cuộc vận động")],
        "abbreviation-between-trigger-and-quote",
    ),
    (
        "Phường phát động phong trào thi đua\n“Chung sức xây dựng phường văn minh” năm 2024.",
        [("Chung sức xây dựng phường văn minh", "phong trào thi đua")],
        "quoted-name-on-the-next-line",
    ),
    (
        "Xã tiếp tục thực hiện Chương trình\nMục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025.",
        [("Mục tiêu quốc gia xây dựng nông thôn mới", "chương trình")],
        "unquoted-name-on-the-next-line",
    ),
    # A capital that opens a line may open a sentence: a lower-case trigger ending the line before it
    # names nothing (a caption joined to the next paragraph, r145).
    _case(
        "Quang cảnh ngày hội\nTại Ngày hội, địa phương đã tuyên dương 01 gương điển hình, 19 công dân gương mẫu.",
        [],
        id="capital-opening-the-next-line-is-no-name",
        was="'ngày hội\nTại Ngày hội' was a campaign named 'Tại Ngày hội'",
    ),
    # A title in capitals: only quoted and known names.
    ("PHƯỜNG 5 TỔ CHỨC NGÀY HỘI VĂN HÓA ẨM THỰC NĂM 2024", [], "capitals-title-unknown-name"),
    (
        "UBND XÃ TỔ CHỨC HỘI NGHỊ TỔNG KẾT PHONG TRÀO THI ĐUA NGƯỜI TỐT, VIỆC TỐT NĂM 2023",
        [("NGƯỜI TỐT, VIỆC TỐT", "phong trào thi đua")],
        "capitals-title-known-name",
    ),
    # Known nationwide names count in lower case; a list of them shares the trigger.
    # Written in lower case, a known name keeps its proper nouns' capitals ("Tổ quốc"), else it is the phrase.
    _case(
        "Mô hình “Tổ Tuần tra – Tự quản” của phường Thanh Hà thể hiện sự quyết tâm của chính quyền thành phố Hội"
        " An trong phong trào toàn dân bảo vệ an ninh tổ quốc, nêu cao vai trò, trách nhiệm của người dân.",
        [],
        id="known-name-with-its-proper-noun-in-lower-case",
        was="'phong trào toàn dân bảo vệ an ninh tổ quốc' was a campaign (r132)",
    ),
    (
        "Một số giải pháp đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới đang được"
        " thực hiện.",
        [("toàn dân bảo vệ an ninh Tổ quốc", "phong trào")],
        "known-name-lower-case-keeping-its-proper-noun",
    ),
    (
        "Đảng ủy đánh giá kết quả thực hiện phong trào thi đua dân vận khéo của hệ thống chính trị phường.",
        [("dân vận khéo", "phong trào thi đua")],
        "known-name-lower-case",
    ),
    (
        "Ban công tác Mặt trận đạt nhiều kết quả trong phong trào ngày vì người nghèo, toàn dân đoàn kết"
        " xây dựng đời sống văn hóa ở khu dân cư.",
        [
            ("ngày vì người nghèo", "phong trào"),
            ("toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư", "phong trào"),
        ],
        "known-names-listed-after-one-trigger",
    ),
    (
        "Xã tổng kết phong trào thi đua người tốt việc tốt năm 2023.",
        [("người tốt việc tốt", "phong trào thi đua")],
        "known-name-without-its-comma",
    ),
    _case(
        "Đảng ủy biểu dương các tập thể trong phong trào thi đua “Dân vận khéo “ năm 2023; đây là những tấm gương.",
        [("Dân vận khéo", "phong trào thi đua")],
        id="opening-mark-used-as-closing",
        was="“Dân vận khéo “ read as unclosed, the name ran on to 'năm 2023'",
    ),
    # Two names in sentence case joined by "và" share one trigger; a trigger's later word written with a
    # capital ("phong trào Thi đua yêu nước") begins the name.
    (
        "Sáng 14.3 , xã Cẩm Thanh tổ chức Hội nghị tổng kết phong trào Thi đua yêu nước và Toàn dân đoàn kết"
        " xây dựng đời sống văn hóa năm 2012 (TDĐKXDĐSVH), phát động phong trào thi đua.",
        [("Thi đua yêu nước", "phong trào"), ("Toàn dân đoàn kết xây dựng đời sống văn hóa", "phong trào")],
        "two-names-joined-by-va",
    ),
    # A name whose words all take a capital is one name, "và" inside it ("Văn hóa, Thể thao và Du lịch").
    (
        "Ngày hội Văn hóa, Thể thao và Du lịch các dân tộc vùng Tây Bắc lần thứ XV năm 2022 do tỉnh Phú Thọ"
        " đăng cai tổ chức được diễn ra từ ngày 2 – 4/12.",
        [("Văn hóa, Thể thao và Du lịch các dân tộc vùng Tây Bắc", "ngày hội")],
        "title-case-name-keeps-its-va",
    ),
    # "và" before another trigger: that trigger names its own.
    (
        "Hội tham gia phong trào Áo ấm mùa đông và Chương trình Sữa học đường.",
        [("Áo ấm mùa đông", "phong trào"), ("Sữa học đường", "chương trình")],
        "va-before-another-trigger",
    ),
    # A trigger that opens a quotation: the rest of the quotation is the name.
    (
        "Nhiều hoạt động đem lại kết quả như “Ngày hội hiến đất mở rộng hẻm”, mô hình “Bếp yêu thương”.",
        [("hiến đất mở rộng hẻm", "ngày hội")],
        "trigger-opens-the-quotation",
    ),
]


@pytest.mark.parametrize(("text", "expected"), table_rows(CASES))
def test_campaign(text: str, expected: list) -> None:
    doc = build_document("t.txt", text)
    got = [(m.fields["name"], m.fields["category"]) for m in find_all(doc, ["campaign"])["campaign"]]
    assert got == expected


# The evidence span runs from the trigger and contains the name.
SPAN_CASES: list = [
    (
        "Phường tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” trong cán bộ, công chức.",
        "phong trào thi đua “Dân vận khéo”",
        "span-quoted",
    ),
    (
        "Ủy ban MTTQ phường triển khai chương trình chung tay vì người nghèo “Không để ai bị bỏ lại phía sau” "
        "năm 2024.",
        "chương trình chung tay vì người nghèo “Không để ai bị bỏ lại phía sau”",
        "span-with-modifiers",
    ),
    (
        "Đoàn phường tổ chức chương trình Cà phê thanh niên khởi nghiệp; thu hút 100 đoàn viên tham gia.",
        "chương trình Cà phê thanh niên khởi nghiệp",
        "span-unquoted",
    ),
    (
        'Phong trào thi đua"Dân vận khéo" được lan tỏa đến từng khu phố.',
        'Phong trào thi đua"Dân vận khéo"',
        "span-glued-quote",
    ),
]


@pytest.mark.parametrize(("text", "evidence"), table_rows(SPAN_CASES))
def test_campaign_span(text: str, evidence: str) -> None:
    doc = build_document("t.txt", text)
    (m,) = find_all(doc, ["campaign"])["campaign"]
    assert doc.text[m.start : m.end] == evidence
    assert m.fields["name"] in doc.text[m.start : m.end]
