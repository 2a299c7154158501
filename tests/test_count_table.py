"""The count extractor, table-driven: evidence span, value, counted unit and qualifier."""

from __future__ import annotations

import pytest

from bantin.extractors import find_all
from bantin.pipeline.text.document import build_document
from tests.tables import table_rows

# Each expected mention: (evidence text, value, unit, qualifier).
CASES: list = [
    # Unit as written, classifier first.
    (
        "Hội nghị thu hút 2.676 lượt người dự.",
        [("2.676 lượt người", 2676, "lượt người", "exact")],
        "luot-nguoi-du",
    ),
    (
        "Đoàn y bác sĩ đã khám và cấp thuốc 93 lượt, có 20 trường hợp được chuyển tuyến.",
        [("93 lượt", 93, "lượt", "exact"), ("20 trường hợp", 20, "trường hợp", "exact")],
        "luot-comma-truong-hop",
    ),
    (
        "Phường đã bàn giao 03 căn nhà tình thương cho hộ nghèo.",
        [("03 căn nhà tình thương", 3, "căn nhà tình thương", "exact")],
        "can-nha-tinh-thuong-cho",
    ),
    (
        "Đoàn Thanh niên phường huy động 120 đoàn viên thanh niên tham gia ra quân.",
        [("120 đoàn viên thanh niên", 120, "đoàn viên thanh niên", "exact")],
        "doan-vien-tham-gia",
    ),
    (
        "Ủy ban MTTQ phường trao 50 suất quà cho các gia đình chính sách.",
        [("50 suất quà", 50, "suất quà", "exact")],
        "suat-qua-cho",
    ),
    pytest.param(
        "Hội Phụ nữ phường hiện có 1.250 hội viên sinh hoạt tại 21 Tổ dân phố.",
        [("1.250 hội viên", 1250, "hội viên", "exact"), ("21 Tổ dân phố", 21, "Tổ dân phố", "exact")],
        id="hoi-vien-and-to-dan-pho",
    ),
    (
        "Trên địa bàn phường có 7 khu phố với hơn 3.500 hộ dân.",
        [("7 khu phố", 7, "khu phố", "exact"), ("hơn 3.500 hộ dân", 3500, "hộ dân", "more_than")],
        "khu-pho-and-ho-dan",
    ),
    (
        "Năm 2023, toàn phường có 35 mô hình, điển hình “Dân vận khéo” được công nhận.",
        [("35 mô hình, điển hình", 35, "mô hình, điển hình", "exact")],
        "mo-hinh-dien-hinh",
    ),
    (
        "Hội nghị biểu dương 12 tập thể, cá nhân có thành tích xuất sắc.",
        [("12 tập thể, cá nhân", 12, "tập thể, cá nhân", "exact")],
        "tap-the-ca-nhan",
    ),
    (
        "Chủ tịch UBND phường tặng giấy khen cho 5 tập thể và 10 cá nhân.",
        [("5 tập thể", 5, "tập thể", "exact"), ("10 cá nhân", 10, "cá nhân", "exact")],
        "tap-the-va-ca-nhan",
    ),
    (
        "Tham dự hội nghị có 40 cán bộ, công chức phường.",
        [("40 cán bộ", 40, "cán bộ", "exact")],
        "ends-at-comma",
    ),
    (
        "Đoàn phường tổ chức 15 buổi tuyên truyền về an toàn giao thông.",
        [("15 buổi tuyên truyền", 15, "buổi tuyên truyền", "exact")],
        "buoi-tuyen-truyen-ve",
    ),
    (
        "Bếp ăn từ thiện đã phục vụ 300 suất ăn miễn phí cho bệnh nhân.",
        [("300 suất ăn", 300, "suất ăn", "exact")],
        "suat-an-mien-phi",
    ),
    (
        "Hội Khuyến học trao 10 xe đạp cho học sinh có hoàn cảnh khó khăn.",
        [("10 xe đạp", 10, "xe đạp", "exact")],
        "xe-dap-cho",
    ),
    (
        "Phường vận động 25 hộ dân Khu phố 3 hiến đất mở rộng hẻm.",
        [("25 hộ dân", 25, "hộ dân", "exact")],
        "lower-unit-stops-at-capital",
    ),
    (
        "Đoàn viên đã treo 100 lá cờ Tổ quốc dọc các tuyến hẻm.",
        [("100 lá cờ", 100, "lá cờ", "exact")],
        "la-co-to-quoc",
    ),
    (
        "Phường có 5 tuyến hẻm được bê tông hóa trong năm.",
        [("5 tuyến hẻm", 5, "tuyến hẻm", "exact")],
        "tuyen-hem-duoc",
    ),
    (
        "Trung tâm Văn hóa phường mở 3 lớp tập huấn kỹ năng cho cán bộ Hội.",
        [("3 lớp tập huấn kỹ năng", 3, "lớp tập huấn kỹ năng", "exact")],
        "lop-tap-huan",
    ),
    (
        "Nhân dịp Tết, phường thăm hỏi 150 người cao tuổi neo đơn.",
        [("150 người cao tuổi neo đơn", 150, "người cao tuổi neo đơn", "exact")],
        "nguoi-cao-tuoi",
    ),
    (
        "Hội Cựu chiến binh có 8 chi hội và 312 hội viên.",
        [("8 chi hội", 8, "chi hội", "exact"), ("312 hội viên", 312, "hội viên", "exact")],
        "chi-hoi-count",
    ),
    (
        "Công an phường phát hiện 03 trường hợp vi phạm.",
        [("03 trường hợp vi phạm", 3, "trường hợp vi phạm", "exact")],
        "leading-zero",
    ),
    (
        "Phường đã lắp đặt 02 điểm wifi miễn phí tại nhà văn hóa khu phố.",
        [("02 điểm wifi", 2, "điểm wifi", "exact")],
        "diem-wifi-mien-phi",
    ),
    pytest.param(
        "Ban Chỉ đạo đã kiểm tra 45 cơ sở kinh doanh thực phẩm.",
        [("45 cơ sở kinh doanh thực phẩm", 45, "cơ sở kinh doanh thực phẩm", "exact")],
        id="co-so-kinh-doanh",
    ),
    (
        "Đợt này có tổng số 30 hộ được hỗ trợ sửa chữa nhà.",
        [("30 hộ", 30, "hộ", "exact")],
        "tong-so-quantity-word",
    ),
    (
        "Hội Nông dân có 12 hội viên vay vốn phát triển sản xuất.",
        [("12 hội viên", 12, "hội viên", "exact")],
        "hoi-vien-vay",
    ),
    pytest.param(
        "Trên địa bàn có 3 tổ chức tôn giáo đang hoạt động.",
        [("3 tổ chức tôn giáo", 3, "tổ chức tôn giáo", "exact")],
        id="to-chuc-as-noun",
    ),
    pytest.param(
        "Đoàn phường ra quân trồng mới hơn 2.000 cây xanh trên các tuyến đường.",
        [("hơn 2.000 cây xanh", 2000, "cây xanh", "more_than")],
        id="cay-xanh-compound-noun",
    ),
    # Qualifiers.
    (
        "Ngân hàng Chính sách xã hội giải ngân cho hơn 30 hộ nghèo vay vốn.",
        [("hơn 30 hộ nghèo", 30, "hộ nghèo", "more_than")],
        "hon-ho-ngheo-vay",
    ),
    (
        "Buổi lễ có khoảng 200 người dân tham dự.",
        [("khoảng 200 người dân", 200, "người dân", "about")],
        "khoang",
    ),
    (
        "Chương trình đã hỗ trợ gần 100 hộ cận nghèo.",
        [("gần 100 hộ cận nghèo", 100, "hộ cận nghèo", "less_than")],
        "gan",
    ),
    (
        "Hội thi thu hút trên 1.000 lượt người xem.",
        [("trên 1.000 lượt người xem", 1000, "lượt người xem", "more_than")],
        "tren-more-than",
    ),
    (
        "Mô hình được thực hiện trên 5 lĩnh vực của đời sống xã hội.",
        [("5 lĩnh vực", 5, "lĩnh vực", "exact")],
        "tren-preposition-after-verb",
    ),
    (
        "Mỗi đoàn tham quan tối đa 30 người.",
        [("tối đa 30 người", 30, "người", "at_most")],
        "toi-da",
    ),
    (
        "Mỗi buổi sinh hoạt không quá 20 người để bảo đảm an toàn.",
        [("không quá 20 người", 20, "người", "at_most")],
        "khong-qua",
    ),
    (
        "Mỗi chi hội tổ chức ít nhất 2 buổi sinh hoạt chuyên đề.",
        [("ít nhất 2 buổi sinh hoạt chuyên đề", 2, "buổi sinh hoạt chuyên đề", "at_least")],
        "it-nhat",
    ),
    (
        "Phường hỗ trợ các hộ có từ 01 căn trở lên đăng ký kinh doanh nhà trọ.",
        [("từ 01 căn trở lên", 1, "căn", "at_least")],
        "tu-tro-len",
    ),
    (
        "Ước khoảng 500 người dân đã đến xem chương trình văn nghệ.",
        [("Ước khoảng 500 người dân", 500, "người dân", "about")],
        "uoc-khoang",
    ),
    (
        "Trong khu phố còn chưa đến 10 hộ chưa đăng ký tạm trú.",
        [("chưa đến 10 hộ", 10, "hộ", "less_than")],
        "chua-den",
    ),
    pytest.param(
        "Mỗi lớp học tối đa 30 học viên.",
        [("tối đa 30 học viên", 30, "học viên", "at_most")],
        id="hoc-vien-at-most",
    ),
    pytest.param(
        "Năm học này, Trường Tiểu học Kim Đồng có 650 học sinh.",
        [("650 học sinh", 650, "học sinh", "exact")],
        id="hoc-sinh",
    ),
    (
        "Hội Khuyến học phường có hai mươi lăm hội viên.",
        [("hai mươi lăm hội viên", 25, "hội viên", "exact")],
        "number-words",
    ),
    (
        "Hội Chữ thập đỏ tặng 1 chiếc xe lăn cho ông Nguyễn Văn T.",
        [("1 chiếc xe lăn", 1, "chiếc xe lăn", "exact")],
        "chiec-xe-lan",
    ),
    (
        "Một số hộ dân trong khu phố còn gặp nhiều khó khăn.",
        [],
        "mot-so-not-count",
    ),
    (
        "Đoàn phường tổ chức 6 đợt ra quân, thu gom 12 tấn rác thải.",
        [("6 đợt ra quân", 6, "đợt ra quân", "exact")],
        "dot-ra-quan-and-tan-is-a-measure",
    ),
    # Measures, ages, multiples and frequencies are no counts; a range gives one count per bound.
    ("Hội trao 1.000kg gạo và 2 tấn gạo cho hộ nghèo.", [], "measures-are-no-counts"),
    ("Xây dựng 2 km đường bê tông và 80 m2 nhà văn hóa.", [], "length-and-area-are-no-counts"),
    ("Mừng thọ cụ bà tròn 90 tuổi.", [], "age-is-no-count"),
    ("Thăm 3 cụ trên 100 tuổi.", [("3 cụ", 3, "cụ", "exact")], "count-before-an-age"),
    ("Thu nhập tăng gấp 2,5 lần so với năm trước.", [], "multiple-is-no-count"),
    ("Chi hội sinh hoạt 1 lần/tháng và 2 buổi mỗi tuần.", [], "frequencies-are-no-counts"),
    (
        "Buổi tiếp xúc có khoảng 50-60 cử tri tham dự.",
        [("khoảng 50-60 cử tri", 50, "cử tri", "about"), ("60 cử tri", 60, "cử tri", "about")],
        "range-gives-both-bounds",
    ),
    (
        "Mỗi tổ có từ 30 – 40 hộ.",
        [("30 – 40 hộ", 30, "hộ", "exact"), ("40 hộ", 40, "hộ", "exact")],
        "range-with-spaced-dash",
    ),
    ("Ngày 20-11 phường tổ chức lễ kỷ niệm.", [], "day-month-is-no-range"),
    (
        "Hàng năm, hội chọn từ 2 đến 3 hộ để hỗ trợ.",
        [("2 đến 3 hộ", 2, "hộ", "exact"), ("3 hộ", 3, "hộ", "exact")],
        "range-with-den",
    ),
    ("Học sinh học từ 8 đến 10 giờ mỗi ngày.", [], "range-of-a-duration"),
    ("Mỗi suất từ 1,5 - 4,8 triệu đồng/đợt.", [], "range-of-money-is-no-count"),
    # Numbers written as words.
    ("Chúc mừng năm mới đến Nhân dân hai xã.", [("hai xã", 2, "xã", "exact")], "number-word-hai"),
    ("Ba đơn vị được khen thưởng.", [("Ba đơn vị", 3, "đơn vị", "exact")], "number-word-sentence-start"),
    ("Hội thăm ba mẹ của chiến sĩ ở quận Hai Bà Trưng.", [], "number-words-in-names-and-parents"),
    ("Một là, tăng cường tuyên truyền; hai là, vận động hội viên.", [], "number-word-enumeration"),
    ("Đoàn đến thăm một hộ nghèo.", [], "mot-alone-is-an-article"),
    (
        "Hội trao một con bò giống và một suất quà; một số hộ được hỗ trợ.",
        [("một con bò giống", 1, "con bò giống", "exact"), ("một suất quà", 1, "suất quà", "exact")],
        "mot-before-a-classifier-counts",
    ),
    ("Giúp các hộ đón một cái Tết đầm ấm.", [], "mot-cai-tet-is-no-count"),
    ("Mỗi suất gồm 2 triệu đồng tiền mặt và 1 ba lô.", [("1 ba lô", 1, "ba lô", "exact")], "a-number-word-after-a-numeral-is-a-word"),
    ("Lắp camera tại các ngã ba đường.", [], "nga-ba-is-a-junction"),
    (
        "Sơn Tịnh có 11 KDC được chọn làm điểm, trên tổng số 246 KDC.",
        [("11 KDC", 11, "KDC", "exact"), ("246 KDC", 246, "KDC", "exact")],
        "abbreviated-counted-noun",
    ),
    ("Thực hiện tốt 4 AN trên địa bàn.", [], "an-acronym-is-a-name"),
    # Parts of a whole with their share in parentheses; prize ranks are ordinals.
    (
        "Trong năm có 687/753 (91,23%) hộ đạt gia đình văn hóa.",
        [("687/753 (91,23%) hộ", 687, "hộ", "exact"), ("91,23%", 91.23, "%", "exact")],
        "part-of-whole-with-its-share",
    ),
    ("Giải nhì thuộc ấp Trường An, giải 3 ấp Tổng Cui Nhỏ.", [], "prize-rank-is-no-count"),
    # Percentages.
    (
        "Số hộ nghèo chiếm tỷ lệ 50% tổng số hộ của khu phố.",
        [("50%", 50, "%", "exact")],
        "percent-ty-le",
    ),
    (
        "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 91,23%.",
        [("91,23%", 91.23, "%", "exact")],
        "percent-decimal",
    ),
    (
        "Đã có 100% hộ gia đình ký cam kết không vi phạm.",
        [("100%", 100, "%", "exact")],
        "percent-hundred",
    ),
    (
        "Thu ngân sách tăng 5,2% so với cùng kỳ.",
        [("5,2%", 5.2, "%", "exact")],
        "percent-tang",
    ),
    (
        "Tỷ lệ hộ gia đình văn hóa đạt xấp xỉ 40%.",
        [("xấp xỉ 40%", 40, "%", "about")],
        "percent-about",
    ),
    # Money is not a count.
    (
        "Mỗi hộ được hỗ trợ 50 triệu đồng để sửa chữa nhà ở.",
        [],
        "money-trieu",
    ),
    pytest.param(
        "Phường trao 20 suất học bổng, mỗi suất 1 triệu đồng.",
        [("20 suất học bổng", 20, "suất học bổng", "exact")],
        id="count-and-money",
    ),
    (
        "Hội trao 50 phần quà, mỗi phần trị giá 500.000 đồng.",
        [("50 phần quà", 50, "phần quà", "exact")],
        "count-and-grouped-money",
    ),
    # Dates and durations are not counts.
    (
        "Chiến dịch kéo dài 15 ngày trên địa bàn phường.",
        [],
        "duration-days",
    ),
    (
        "Kỷ niệm 76 năm Ngày Thương binh - Liệt sĩ.",
        [],
        "duration-years",
    ),
    (
        "Trong 06 tháng đầu năm 2022, phường giải quyết việc làm cho 215 lao động.",
        [("215 lao động", 215, "lao động", "exact")],
        "half-year-then-count",
    ),
    (
        "Năm 2023, phường có 1.245 hộ kinh doanh cá thể.",
        [("1.245 hộ kinh doanh cá thể", 1245, "hộ kinh doanh cá thể", "exact")],
        "year-then-count",
    ),
    (
        "Ngày 12/7/2023, Hội Chữ thập đỏ tiếp nhận 45 đơn vị máu.",
        [("45 đơn vị máu", 45, "đơn vị máu", "exact")],
        "date-then-count",
    ),
    (
        "Buổi lễ bắt đầu lúc 8 giờ sáng tại hội trường phường.",
        [],
        "clock-time",
    ),
    (
        "Hội nghị khai mạc lúc 08:35 Sáng cùng ngày, có 120 đại biểu dự.",
        [("120 đại biểu", 120, "đại biểu", "exact")],
        "clock-time-with-colon",
    ),
    (
        "Thứ hai, 18/11/2024 - 08:35\nSáng ngày 12/11, tại hội trường có 35 hộ dân.",
        [("35 hộ dân", 35, "hộ dân", "exact")],
        "dateline-time-then-next-line",
    ),
    # Ordinals.
    (
        "Đại hội Hội Cựu chiến binh phường lần thứ 4 thành công tốt đẹp.",
        [],
        "ordinal-lan-thu",
    ),
    (
        "Kỳ họp thứ 8 Hội đồng nhân dân phường đã thông qua các nghị quyết.",
        [],
        "ordinal-ky-hop-thu",
    ),
    (
        "Phường tổ chức tiêm vắc xin đợt 1 cho trẻ em.",
        [],
        "ordinal-dot",
    ),
    # Names and identifiers.
    (
        "UBND Phường 6 tổ chức hội nghị tổng kết.",
        [],
        "name-phuong",
    ),
    (
        "Ban điều hành Tổ dân phố 5 ra mắt mô hình mới.",
        [],
        "name-to-dan-pho",
    ),
    (
        "Chi bộ 4 tổ chức sinh hoạt chuyên đề.",
        [],
        "name-chi-bo",
    ),
    (
        "Khu phố 3 được công nhận khu phố văn hóa.",
        [],
        "name-khu-pho",
    ),
    (
        "Tổ 10 ra mắt mô hình camera an ninh.",
        [],
        "name-to",
    ),
    (
        "Phường tổ chức học tập Nghị quyết số 04-NQ/TW của Ban Chấp hành Trung ương.",
        [],
        "id-nghi-quyet",
    ),
    (
        "Thực hiện Kế hoạch số 09 của Ban Thường vụ Quận ủy.",
        [],
        "id-ke-hoach-so",
    ),
    (
        "Căn cứ Quyết định 217,218 của UBND quận, phường triển khai thực hiện.",
        [],
        "id-quyet-dinh-list",
    ),
    (
        "Phường xây dựng mô hình khu phố “4 AN” trên địa bàn.",
        [],
        "slogan-4-an",
    ),
    (
        "Phường phấn đấu xây dựng khu dân cư “5 không, 3 sạch”.",
        [],
        "slogan-5-khong-3-sach",
    ),
    (
        "Lực lượng xung kích thực hiện tốt phương châm “4 tại chỗ”.",
        [],
        "slogan-4-tai-cho",
    ),
    (
        "Đội tuyên truyền đến từng nhà dọc Quốc lộ 1A.",
        [],
        "id-quoc-lo",
    ),
    # Several counts in one sentence; a following number ends a unit.
    (
        "Kết quả, phường đã xây dựng 2 căn nhà đại đoàn kết, sửa chữa 4 căn và tặng 300 phần quà.",
        [
            ("2 căn nhà đại đoàn kết", 2, "căn nhà đại đoàn kết", "exact"),
            ("4 căn", 4, "căn", "exact"),
            ("300 phần quà", 300, "phần quà", "exact"),
        ],
        "three-counts",
    ),
    # "X/Y" before a noun of a whole is X of Y, not a date or an identifier; after a day word a date.
    (
        "Toàn thành phố hiện có 84/84 khu phố duy trì hoạt động.",
        [("84/84 khu phố", 84, "khu phố", "exact")],
        "part-of-whole-84-of-84",
    ),
    (
        "Ngày hội được tổ chức tại 9/9 khóm, thu hút hơn 2.000 lượt người.",
        [("9/9 khóm", 9, "khóm", "exact"), ("hơn 2.000 lượt người", 2000, "lượt người", "more_than")],
        "part-of-whole-9-of-9-is-no-date",
    ),
    ("Sáng 2/9 khóm 3 tổ chức lễ chào cờ năm 2024.", [], "day-word-makes-2-9-a-date"),
    (
        "Xã có 12/15 hộ đăng ký, 20/15 hộ là sai số.",
        [("12/15 hộ", 12, "hộ", "exact")],
        "numerator-above-denominator",
    ),
    # A number that names a unit counts nothing; after a tier ("cấp huyện") or before a classifier it counts.
    ("Ban điều hành Khu phố 5 và 7 đăng ký thực hiện mô hình.", [], "unit-numbers-are-no-counts"),
    (
        "Năm 2023 toàn huyện có mô hình, trong đó cấp huyện 41 mô hình.",
        [("41 mô hình", 41, "mô hình", "exact")],
        "tier-cap-huyen",
    ),
    (
        "UBND phường tặng khu dân cư 01 bộ loa kéo.",
        [("01 bộ loa kéo", 1, "bộ loa kéo", "exact")],
        "classifier-after-level-number",
    ),
    # A number inside a short quotation is part of a name.
    (
        "Mỗi ngôi nhà bảo đảm tiêu chí “3 cứng”, kinh phí 8 căn.",
        [("8 căn", 8, "căn", "exact")],
        "quoted-3-cung",
    ),
    (
        "Bà chia sẻ: “Năm nay nhờ được hỗ trợ mà nhà tôi đã nuôi thêm được 2 con bò sinh sản”.",
        [("2 con bò sinh sản", 2, "con bò sinh sản", "exact")],
        "long-quotation-is-speech",
    ),
    # Labour days count; a length of days does not.
    (
        "Hội viên đóng góp trên 4.500 ngày công, kéo dài 15 ngày.",
        [("trên 4.500 ngày công", 4500, "ngày công", "more_than")],
        "labour-days",
    ),
    ("Thu nhập đạt 50 triệu/hộ/năm.", [], "money-per-household-is-no-count"),
    # A bare year after a capitalised word is part of a name; a count over a thousand may lack its dot.
    ("Bà con đón Tết Nguyên đán Giáp Thìn 2024 vui tươi, an toàn.", [], "year-in-a-name"),
    ("Năm nay Hội có 1500 hội viên.", [("1500 hội viên", 1500, "hội viên", "exact")], "bare-thousands-count"),
    (
        "Có 18/18 ban công tác Mặt trận tổ chức ngày hội.",
        [("18/18 ban công tác", 18, "ban công tác", "exact")],
        "part-of-whole-ban",
    ),
    # A document's name identifies a number when capitalised; in lower case it is a verb.
    (
        "Ban Chỉ đạo đã hướng dẫn 26 chi bộ đăng ký.",
        [("26 chi bộ", 26, "chi bộ", "exact")],
        "huong-dan-as-a-verb",
    ),
    ("Thực hiện Quyết định 217,218 và Hướng dẫn 12 của Ban.", [], "capitalised-documents"),
    (
        "Sáng mùng 1 Tết Giáp Ngọ, ông trao 5 suất quà.",
        [("5 suất quà", 5, "suất quà", "exact")],
        "lunar-day-mung",
    ),
    # A camera's file name or a photo's label in a caption is no count; nor a grade ("nhà cấp 4").
    (
        "Phường Sông Hiến trao kinh phí hỗ trợ sửa chữa nhà đại đoàn kết cho 3 hộ nghèo, cận nghèo\n\n"
        "Thứ năm - 07/12/2023 18:53\nChiều 05/12/2023, Ủy ban MTTQ phường Sông Hiến trao kinh phí cho 3 hộ"
        " nghèo, cận nghèo. \nDSC 0628\nTrao kinh phí hỗ trợ cho hộ gia đình Bà Mông Thị Hòa, trú tại tổ 19",
        [("3 hộ nghèo", 3, "hộ nghèo", "exact"), ("3 hộ nghèo", 3, "hộ nghèo", "exact")],
        "camera-file-name-in-caption",
    ),
    (
        "Sau hơn 1 tháng khởi công, ngôi nhà hai gian cấp 4 khang trang và các công trình phụ khép kín đã hoàn"
        " thành.",
        [],
        "grade-of-a-house",
    ),
    (
        "Đoàn y bác sĩ đã khám và cấp 500 thẻ bảo hiểm y tế cho người dân.",
        [("500 thẻ bảo hiểm y tế", 500, "thẻ bảo hiểm y tế", "exact")],
        "cap-as-a-verb-counts",
    ),
    # A verb first makes the number no count: a name's number ("Vũng Thùng 2", fresh2 r145) or an
    # elided noun; the verbs that are nouns there still count ("3 tổ chức tôn giáo").
    (
        "Kết thúc hội thi, khu dân cư Nại Hưng 1 đạt giải Nhất toàn đoàn, Vũng Thùng 2 đạt giải Nhì và Nại Thịnh"
        " Đông 3 đạt giải Ba.",
        [],
        "verb-first-is-no-count",
    ),
    (
        "Cuộc thi nhận 30 bài dự thi, 2 đạt giải Nhì, 3 đạt giải Ba.",
        [("30 bài", 30, "bài", "exact")],
        "elided-noun-before-verb",
    ),
    (
        "Trên địa bàn xã có 3 tổ chức tôn giáo và 5 hoạt động tín ngưỡng.",
        [
            ("3 tổ chức tôn giáo", 3, "tổ chức tôn giáo", "exact"),
            ("5 hoạt động tín ngưỡng", 5, "hoạt động tín ngưỡng", "exact"),
        ],
        "verb-nouns-count",
    ),
    # "ở 6 khối": blocks of a ward counted (fresh2 r132), not a volume.
    (
        "“Tổ Tuần tra – Tự quản” của phường Thanh Hà, thành phố Hội An có 6 tổ ở 6 khối, mỗi tổ có ít nhất 12"
        " thành viên.",
        [
            ("6 tổ", 6, "tổ", "exact"),
            ("6 khối", 6, "khối", "exact"),
            ("ít nhất 12 thành viên", 12, "thành viên", "at_least"),
        ],
        "o-khoi-counts-blocks",
    ),
    # "khu phố Trưởng" is the head of a khu phố (a title): the number after it counts units.
    (
        "Đến dự buổi Tọa đàm có các đồng chí lãnh đạo Đảng ủy-HĐND-UBND Phường 8, các đ/c Bí thư kiêm khu\n"
        "phố Trưởng 05 khu dân cư cùng các đ/c thành viên Uỷ ban MTTQVN phường.",
        [("05 khu dân cư", 5, "khu dân cư", "exact")],
        "head-of-units-then-count",
    ),
]


@pytest.mark.parametrize(("text", "expected"), table_rows(CASES))
def test_count(text: str, expected: list) -> None:
    doc = build_document("t.txt", text)
    got = [
        (doc.text[m.start : m.end], m.fields["value"], m.fields["unit"], m.fields["qualifier"])
        for m in find_all(doc, ["count"])["count"]
    ]
    assert got == expected
