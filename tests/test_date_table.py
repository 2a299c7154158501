"""The date extractor, table-driven: evidence span, ISO bounds, granularity and year inference."""

from __future__ import annotations

import pytest

from bantin.extractors import find_all
from bantin.pipeline.text.document import build_document
from tests.tables import table_rows


def _article(title: str, dateline: str, body: str) -> str:
    """A short article: a title line, a dateline giving the publication date, then the body."""
    return f"{title}\n{dateline}\n{body}"


# The dateline of most articles below, and the record it makes itself.
DL_2023 = "Thứ tư - 12/07/2023 11:46"
PUB_2023 = ("12/07/2023", "2023-07-12", "2023-07-12", "day", False)
DL_2024 = "Thứ hai - 21/10/2024 08:15"
PUB_2024 = ("21/10/2024", "2024-10-21", "2024-10-21", "day", False)

# Each expected record: (evidence, date_from ISO, date_to ISO, granularity, year_inferred).
CASES: list = [
    # Full days.
    (
        "Ngày 31/3/2023, UBND phường tổ chức hội nghị sơ kết công tác quý I.",
        [
            ("31/3/2023", "2023-03-31", "2023-03-31", "day", False),
            ("quý I", "2023-01-01", "2023-03-31", "quarter", True),
        ],
        "day-slash",
    ),
    (
        "Ngày 07/7/2022, Đảng ủy phường tổ chức Hội nghị học tập, quán triệt Nghị quyết.",
        [("07/7/2022", "2022-07-07", "2022-07-07", "day", False)],
        "day-leading-zero",
    ),
    (
        "Sáng ngày 05/09/2023, Trường Tiểu học Lê Văn Tám long trọng tổ chức lễ khai giảng.",
        [("05/09/2023", "2023-09-05", "2023-09-05", "day", False)],
        "day-two-digit-month",
    ),
    (
        "Ngày 31-3-2023, Hội Cựu chiến binh phường tổ chức Đại hội điểm.",
        [("31-3-2023", "2023-03-31", "2023-03-31", "day", False)],
        "day-dashes",
    ),
    (
        "Hội Nông dân Việt Nam được thành lập ngày 14.10.1930.",
        [("14.10.1930", "1930-10-14", "1930-10-14", "day", False)],
        "day-dots-historic",
    ),
    (
        "Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn độc lập ngày 2/9/1945 tại Quảng trường Ba Đình.",
        [("2/9/1945", "1945-09-02", "1945-09-02", "day", False)],
        "day-single-digits",
    ),
    (
        "Vào lúc 14 giờ 30 phút ngày 5/9/2023, tại hội trường khu phố 3 đã diễn ra buổi họp dân.",
        [("5/9/2023", "2023-09-05", "2023-09-05", "day", False)],
        "day-after-clock-time",
    ),
    (
        "Ngày 12 tháng 7 năm 2023, Ban Thường trực Ủy ban MTTQ phường ban hành kế hoạch.",
        [("Ngày 12 tháng 7 năm 2023", "2023-07-12", "2023-07-12", "day", False)],
        "day-spelled",
    ),
    (
        "Căn cứ Kế hoạch ban hành ngày 03 tháng 02 năm 2024 của Ban Chỉ đạo phường.",
        [("ngày 03 tháng 02 năm 2024", "2024-02-03", "2024-02-03", "day", False)],
        "day-spelled-leading-zeros",
    ),
    (
        "Ngày hội được tổ chức vào Chủ Nhật, 17 tháng 11, 2013 tại khu dân cư số 3.",
        [("17 tháng 11, 2013", "2013-11-17", "2013-11-17", "day", False)],
        "day-spelled-comma-year",
    ),
    (
        "Công trình hoàn thành sau 17 tháng thi công, đưa vào sử dụng năm 2013.",
        [("năm 2013", "2013-01-01", "2013-12-31", "year", False)],
        "months-length-no-date",
    ),
    (
        "Ngày 12/7 năm 2023, Công an phường ra mắt mô hình “Camera an ninh”.",
        [("12/7 năm 2023", "2023-07-12", "2023-07-12", "day", False)],
        "day-month-then-nam-year",
    ),
    (
        "Căn cứ Quyết định số 217/QĐ-UBND ngày 10/5/2023 của UBND quận về việc kiện toàn Ban Chỉ đạo.",
        [("10/5/2023", "2023-05-10", "2023-05-10", "day", False)],
        "day-after-decision-number",
    ),
    (
        "Năm 2024 là năm nhuận, ngày 29/2/2024 phường tổ chức ra quân làm sạch môi trường.",
        [
            ("Năm 2024", "2024-01-01", "2024-12-31", "year", False),
            ("29/2/2024", "2024-02-29", "2024-02-29", "day", False),
        ],
        "day-leap-day",
    ),
    # Datelines: the clock is not part of the evidence.
    (
        _article("Phường 6 ra mắt mô hình mới", DL_2023, "UBND phường tổ chức hội nghị triển khai nhiệm vụ."),
        [PUB_2023],
        "dateline-with-clock",
    ),
    (
        _article(
            "Phường 6 ra mắt mô hình mới",
            DL_2023,
            "Sáng ngày 12/7, UBND phường tổ chức hội nghị ra mắt mô hình “Tuyến hẻm văn minh”.",
        ),
        [PUB_2023, ("12/7", "2023-07-12", "2023-07-12", "day", True)],
        "brief-example-sang-ngay",
    ),
    # Day-month with a dash or dot needs a cue word; the year comes from the dateline.
    (
        _article(
            "Hội Phụ nữ phường hưởng ứng Ngày Phụ nữ Việt Nam",
            DL_2024,
            "Sáng 18-10, Hội LHPN phường tổ chức hội thi “Phụ nữ duyên dáng”.",
        ),
        [PUB_2024, ("18-10", "2024-10-18", "2024-10-18", "day", True)],
        "cue-sang-dash",
    ),
    (
        _article(
            "Ra quân tổng vệ sinh môi trường",
            DL_2024,
            "Ngày 8-10, Đoàn Thanh niên phường ra quân dọn dẹp vệ sinh các tuyến hẻm.",
        ),
        [PUB_2024, ("8-10", "2024-10-08", "2024-10-08", "day", True)],
        "cue-ngay-dash",
    ),
    (
        _article(
            "Họp mặt kỷ niệm Ngày Phụ nữ Việt Nam",
            DL_2024,
            "Chiều 20.10, Hội Phụ nữ phường tổ chức họp mặt kỷ niệm 94 năm Ngày thành lập Hội.",
        ),
        [PUB_2024, ("20.10", "2024-10-20", "2024-10-20", "day", True)],
        "cue-chieu-dot",
    ),
    (
        _article(
            "Tuyên truyền phòng chống cháy nổ",
            DL_2024,
            "Tối 15-10, Công an phường phối hợp khu phố 2 tổ chức tuyên truyền phòng cháy chữa cháy.",
        ),
        [PUB_2024, ("15-10", "2024-10-15", "2024-10-15", "day", True)],
        "cue-toi-dash",
    ),
    (
        _article(
            "Hội nghị đối thoại với Nhân dân",
            DL_2024,
            "Tại buổi đối thoại, có 8-10 ý kiến của cử tri được Chủ tịch UBND phường trả lời trực tiếp.",
        ),
        [PUB_2024],
        "dash-without-cue-not-date",
    ),
    pytest.param(
        _article(
            "Thành lập tổ tự quản",
            DL_2024,
            "Mỗi tổ tự quản có từ 8-10 thành viên là hội viên Hội Cựu chiến binh và đoàn viên thanh niên.",
        ),
        [PUB_2024],
        id="tu-number-range-not-date",
    ),
    (
        _article(
            "Trao quà cho hộ nghèo",
            DL_2024,
            "Ngày 3 tháng 10, Ủy ban MTTQ phường trao 50 phần quà cho hộ nghèo, hộ cận nghèo.",
        ),
        [PUB_2024, ("Ngày 3 tháng 10", "2024-10-03", "2024-10-03", "day", True)],
        "spelled-without-year",
    ),
    # Months.
    (
        "Trong tháng 7/2023, phường đã cấp 125 thẻ bảo hiểm y tế cho người cao tuổi.",
        [("tháng 7/2023", "2023-07-01", "2023-07-31", "month", False)],
        "month-slash",
    ),
    (
        "Kế hoạch được triển khai từ tháng 7 năm 2023 trên địa bàn toàn phường.",
        [("tháng 7 năm 2023", "2023-07-01", "2023-07-31", "month", False)],
        "month-nam",
    ),
    (
        "Trong tháng 2/2024, Hội Chữ thập đỏ phường tiếp nhận 30 đơn vị máu.",
        [("tháng 2/2024", "2024-02-01", "2024-02-29", "month", False)],
        "month-february-leap",
    ),
    (
        _article(
            "Công an phường tăng cường tuần tra",
            DL_2024,
            "Trong tháng 9, lực lượng Công an phường đã tuần tra 62 lượt.",
        ),
        [PUB_2024, ("tháng 9", "2024-09-01", "2024-09-30", "month", True)],
        "month-year-from-dateline",
    ),
    (
        "Từ tháng 5 đến tháng 8/2023, Đoàn phường tổ chức chiến dịch Thanh niên tình nguyện hè.",
        [("Từ tháng 5 đến tháng 8/2023", "2023-05-01", "2023-08-31", "range", False)],
        "month-range",
    ),
    # Quarters.
    (
        "Kết quả thực hiện nhiệm vụ quý II/2023 được báo cáo tại hội nghị.",
        [("quý II/2023", "2023-04-01", "2023-06-30", "quarter", False)],
        "quarter-roman",
    ),
    (
        "Phường phấn đấu hoàn thành chỉ tiêu trong quý IV năm 2023.",
        [("quý IV năm 2023", "2023-10-01", "2023-12-31", "quarter", False)],
        "quarter-roman-nam",
    ),
    (
        "Hội nghị sơ kết quý I/2024 diễn ra tại hội trường UBND phường.",
        [("quý I/2024", "2024-01-01", "2024-03-31", "quarter", False)],
        "quarter-one",
    ),
    (
        _article(
            "Cải cách hành chính đạt kết quả tích cực",
            DL_2024,
            "Trong quý III, phường đã giải quyết 1.245 hồ sơ hành chính đúng hạn.",
        ),
        [PUB_2024, ("quý III", "2024-07-01", "2024-09-30", "quarter", True)],
        "quarter-year-from-dateline",
    ),
    # The first / last N months of a year.
    (
        "Trong 06 tháng đầu năm 2022, phường đã giải quyết việc làm cho 215 lao động.",
        [("06 tháng đầu năm 2022", "2022-01-01", "2022-06-30", "half", False)],
        "first-six-months",
    ),
    (
        "Sơ kết 9 tháng đầu năm 2023, phường đạt và vượt 12/15 chỉ tiêu.",
        [("9 tháng đầu năm 2023", "2023-01-01", "2023-09-30", "range", False)],
        "first-nine-months",
    ),
    (
        "Phương hướng nhiệm vụ 6 tháng cuối năm 2022 được thông qua tại hội nghị.",
        [("6 tháng cuối năm 2022", "2022-07-01", "2022-12-31", "half", False)],
        "last-six-months",
    ),
    (
        "Trong 3 tháng đầu năm 2024, phường tiếp nhận 420 hồ sơ đăng ký khai sinh.",
        [("3 tháng đầu năm 2024", "2024-01-01", "2024-03-31", "range", False)],
        "first-three-months",
    ),
    # A report period named without "đầu": only 6 or 9 months, only with its year.
    (
        "Ban Dân vận sơ kết công tác dân vận 9 tháng năm 2024, triển khai nhiệm vụ quý IV.",
        [
            ("9 tháng năm 2024", "2024-01-01", "2024-09-30", "range", False),
            ("quý IV", "2024-10-01", "2024-12-31", "quarter", True),
        ],
        "report-nine-months",
    ),
    (
        "Kết quả 6 tháng năm 2023 được đánh giá cao.",
        [("6 tháng năm 2023", "2023-01-01", "2023-06-30", "half", False)],
        "report-six-months",
    ),
    (
        "Công trình thi công trong 3 tháng năm 2023 thì hoàn thành.",
        [("năm 2023", "2023-01-01", "2023-12-31", "year", False)],
        "three-months-is-a-length",
    ),
    (
        _article(
            "Hội nghị sơ kết công tác Mặt trận",
            DL_2023,
            "Hội nghị đánh giá kết quả 6 tháng đầu năm và triển khai nhiệm vụ thời gian tới.",
        ),
        [PUB_2023, ("6 tháng đầu năm", "2023-01-01", "2023-06-30", "half", True)],
        "first-six-months-year-from-dateline",
    ),
    # Whole years.
    (
        "Năm 2023, phường có 12 khu phố được công nhận đạt chuẩn văn hóa.",
        [("Năm 2023", "2023-01-01", "2023-12-31", "year", False)],
        "year-nam",
    ),
    (
        "Chỉ tiêu giao trong năm 2024 là giảm 30 hộ nghèo.",
        [("năm 2024", "2024-01-01", "2024-12-31", "year", False)],
        "year-trong-nam",
    ),
    # Ranges of years.
    (
        "Đại hội đánh giá kết quả thực hiện Nghị quyết giai đoạn 2021 – 2023.",
        [("giai đoạn 2021 – 2023", "2021-01-01", "2023-12-31", "range", False)],
        "years-giai-doan",
    ),
    (
        "Phường triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững 2021-2025.",
        [("2021-2025", "2021-01-01", "2025-12-31", "range", False)],
        "years-bare-dash",
    ),
    (
        "Đại hội Đảng bộ phường nhiệm kỳ 2020 - 2025 đã bầu 15 đồng chí vào Ban Chấp hành.",
        [("nhiệm kỳ 2020 - 2025", "2020-01-01", "2025-12-31", "range", False)],
        "years-nhiem-ky",
    ),
    (
        "Lễ tổng kết năm học 2023 - 2024 được tổ chức tại Trường Tiểu học Kim Đồng.",
        [("năm học 2023 - 2024", "2023-01-01", "2024-12-31", "range", False)],
        "years-nam-hoc",
    ),
    (
        "Từ năm 2020 đến năm 2023, phường đã xây dựng 15 căn nhà tình thương.",
        [("Từ năm 2020 đến năm 2023", "2020-01-01", "2023-12-31", "range", False)],
        "years-tu-den",
    ),
    # Ranges of days.
    (
        "Từ ngày 17/7 đến ngày 31/7/2023, phường tổ chức tiêm vắc xin cho trẻ em.",
        [("Từ ngày 17/7 đến ngày 31/7/2023", "2023-07-17", "2023-07-31", "range", False)],
        "days-tu-ngay-den-ngay",
    ),
    (
        "Chiến dịch diễn ra từ ngày 01/6 đến ngày 30/6/2023 trên địa bàn 7 khu phố.",
        [("từ ngày 01/6 đến ngày 30/6/2023", "2023-06-01", "2023-06-30", "range", False)],
        "days-tu-ngay-leading-zeros",
    ),
    (
        "Kỷ niệm 95 năm Ngày thành lập Hội Nông dân Việt Nam (15.10.1930 – 15.10.2025).",
        [("15.10.1930 – 15.10.2025", "1930-10-15", "2025-10-15", "range", False)],
        "days-anniversary-parentheses",
    ),
    (
        "Đợt cao điểm ra quân diễn ra từ 17/12 đến 5/1/2024 trên toàn phường.",
        [("từ 17/12 đến 5/1/2024", "2023-12-17", "2024-01-05", "range", False)],
        "days-across-new-year",
    ),
    (
        "Thời gian đăng ký từ 17/7 - 31/7/2023 tại bộ phận một cửa UBND phường.",
        [("từ 17/7 - 31/7/2023", "2023-07-17", "2023-07-31", "range", False)],
        "days-dash-range",
    ),
    (
        "Hội thao diễn ra từ ngày 17 đến ngày 21/7/2023 tại sân vận động phường.",
        [("từ ngày 17 đến ngày 21/7/2023", "2023-07-17", "2023-07-21", "range", False)],
        "days-bare-first-day",
    ),
    (
        "Từ ngày 10/3/2023 đến nay, phường đã tiếp nhận 320 hồ sơ trực tuyến.",
        [("10/3/2023", "2023-03-10", "2023-03-10", "day", False)],
        "day-den-nay-not-range",
    ),
    # Year inference.
    (
        "Ngày 20/8, Ban Chỉ đạo phường triển khai kế hoạch thực hiện năm 2024.",
        [
            ("20/8", "2024-08-20", "2024-08-20", "day", True),
            ("năm 2024", "2024-01-01", "2024-12-31", "year", False),
        ],
        "infer-year-same-sentence",
    ),
    (
        "Ngày 10/3, phường tổng kết việc thực hiện Nghị quyết giai đoạn 2019 – 2023.",
        [("giai đoạn 2019 – 2023", "2019-01-01", "2023-12-31", "range", False)],
        "a-period-gives-no-year",
    ),
    # A dateline's day written with spaces only is the published date and a date record.
    (
        "Đoàn phường Ngọc Sơn ra quân\n\n10 07 2024\n\nSáng 9/7, Đoàn phường tổ chức ra quân.",
        [("10 07 2024", "2024-07-10", "2024-07-10", "day", False), ("9/7", "2024-07-09", "2024-07-09", "day", True)],
        "spaced-dateline-day",
    ),
    ("Có 10 07 2024 người tham gia.", [], "spaced-numbers-in-the-body-are-no-date"),
    # Two days of one month are one range.
    (
        "Trong 2 ngày (20 và 21/10/2021), đoàn đã đến thăm các hộ.",
        [("20 và 21/10/2021", "2021-10-20", "2021-10-21", "range", False)],
        "two-days-joined-by-va",
    ),
    (
        "Trong hai ngày 16 - 17/8/2025, Đoàn phường tổ chức hội trại.",
        [("16 - 17/8/2025", "2025-08-16", "2025-08-17", "range", False)],
        "day-range-with-a-dash",
    ),
    ("Diễn ra từ 9-12/10/2021 tại xã.", [("9-12/10/2021", "2021-10-09", "2021-10-12", "range", False)], "day-range-unspaced"),
    (
        "Ngày 20 và 21 tháng 5 năm 2015, phường tổ chức hội thi.",
        [("Ngày 20 và 21 tháng 5 năm 2015", "2015-05-20", "2015-05-21", "range", False)],
        "spelled-day-pair",
    ),
    ("Có khoảng 1 - 2/3 số hộ tham gia.", [], "a-fraction-is-no-day-range"),
    (
        "Chiều 27-1, Ủy ban MTTQ phường tổ chức chương trình Xuân yêu thương 2026, trao quà.",
        [("27-1", "2026-01-27", "2026-01-27", "day", True), ("2026", "2026-01-01", "2026-12-31", "year", False)],
        "the-year-after-a-named-event-is-a-date",
    ),
    ("Phường có 2024 hộ dân.", [], "a-number-after-a-sentence-first-word-is-no-year"),
    ("Gọi Tổng đài 1900 1234 để được hỗ trợ.", [], "a-phone-number-is-no-year"),
    (
        "Sáng 30-8, phường trao học bổng năm học 2025 - 2026 cho học sinh.",
        [("năm học 2025 - 2026", "2025-01-01", "2026-12-31", "range", False)],
        "a-school-year-gives-no-year",
    ),
    (
        "Kỷ niệm 81 năm ngày thành lập Mặt trận (18/11/1930-18/11/2011).",
        [("18/11/1930-18/11/2011", "1930-11-18", "2011-11-18", "range", False)],
        "full-dates-joined-by-a-dash-without-spaces",
    ),
    (
        "Phấn đấu hoàn thành trong tháng 11-2021.",
        [("tháng 11-2021", "2021-11-01", "2021-11-30", "month", False)],
        "month-dash-year",
    ),
    (
        "Triển khai nhiệm vụ năm 2021.Về dự có đồng chí Bí thư.",
        [("năm 2021", "2021-01-01", "2021-12-31", "year", False)],
        "year-before-a-full-stop-without-space",
    ),
    (
        "Năm 2022, phường hoàn thành 14/14 chỉ tiêu. Ngày 5/12, phường tổ chức hội nghị tổng kết.",
        [
            ("Năm 2022", "2022-01-01", "2022-12-31", "year", False),
            ("5/12", "2022-12-05", "2022-12-05", "day", True),
        ],
        "infer-year-same-paragraph",
    ),
    (
        "Ngày 2/9/2023, phường tổ chức lễ chào cờ. Chiều 5-9, các trường học khai giảng năm học mới.",
        [
            ("2/9/2023", "2023-09-02", "2023-09-02", "day", False),
            ("5-9", "2023-09-05", "2023-09-05", "day", True),
        ],
        "infer-year-from-full-date-in-paragraph",
    ),
    (
        "Ngày 3/2/2021, Đảng bộ phường tổ chức lễ kỷ niệm.\n\nSáng 5-2, Đoàn phường ra quân.",
        [
            ("3/2/2021", "2021-02-03", "2021-02-03", "day", False),
            ("5-2", "2021-02-05", "2021-02-05", "day", True),
        ],
        "infer-year-from-last-full-date",
    ),
    (
        "Sáng 18-10, Hội Phụ nữ phường tổ chức hội thi cắm hoa nghệ thuật.",
        [],
        "no-year-anywhere-no-record",
    ),
    (
        "Ngày 12/7, UBND phường tổ chức hội nghị triển khai nhiệm vụ.",
        [],
        "slash-no-year-anywhere-no-record",
    ),
    # Not dates.
    (
        "Chiến dịch ra quân kéo dài 15 ngày với sự tham gia của đoàn viên thanh niên.",
        [],
        "duration-days",
    ),
    (
        "Kỷ niệm 76 năm Ngày Thương binh - Liệt sĩ, phường thăm hỏi các gia đình chính sách.",
        [],
        "duration-years",
    ),
    (
        "Sau 3 tháng triển khai, mô hình đã thu hút đông đảo người dân tham gia.",
        [],
        "duration-months",
    ),
    (
        "Trường mầm non 20/10 tổ chức lễ khai giảng cho các cháu.",
        [],
        "name-truong-mam-non",
    ),
    (
        _article(
            "Khai giảng năm học mới",
            DL_2023,
            "Trường THCS 2/9 đón 650 học sinh khối 6 nhập học.",
        ),
        [PUB_2023],
        "name-truong-thcs-with-year-context",
    ),
    pytest.param(
        "Năm 2023, có 1/3 số hộ trong khu phố tham gia mô hình phân loại rác tại nguồn.",
        [("Năm 2023", "2023-01-01", "2023-12-31", "year", False)],
        id="fraction-so-ho",
    ),
    pytest.param(
        "Năm 2023, gần 2/3 diện tích đất nông nghiệp đã chuyển sang trồng rau sạch.",
        [("Năm 2023", "2023-01-01", "2023-12-31", "year", False)],
        id="fraction-dien-tich",
    ),
    (
        "Theo thông báo, hội nghị được tổ chức ngày 29/2/2023 tại hội trường phường.",
        [],
        "invalid-day-feb-29",
    ),
    (
        "Ngày 31/4/2023, Ban Chỉ huy Quân sự phường tổ chức giao quân.",
        [],
        "invalid-day-april-31",
    ),
    (
        "Phường tổ chức học tập Nghị quyết số 04-NQ/TW của Ban Chấp hành Trung ương.",
        [],
        "resolution-number",
    ),
    (
        "Thực hiện Kế hoạch số 09/KH-UBND, phường tổ chức tổng vệ sinh môi trường.",
        [],
        "plan-number",
    ),
    (
        "Căn cứ Quyết định 217,218/QĐ-UBND, phường thành lập các tổ công tác.",
        [],
        "decision-numbers",
    ),
    # A lunar date names no day of the calendar the records are in.
    (
        "Lễ Sene Đolta diễn ra từ ngày 02/10/2024 (tức từ 29/8 đến 01/9 âm lịch) tại các chùa.",
        [("02/10/2024", "2024-10-02", "2024-10-02", "day", False)],
        "lunar-range-in-parentheses",
    ),
    (
        "Ngày 15/8 (ÂL) hằng năm, xã tổ chức Tết Trung thu cho thiếu nhi.",
        [],
        "lunar-day-marked-AL",
    ),
    # "X/Y" before a noun of a whole is a fraction; after a day word it stays a date.
    (
        "Năm 2024, ngày hội diễn ra tại 9/9 khóm.",
        [("Năm 2024", "2024-01-01", "2024-12-31", "year", False)],
        "fraction-9-of-9-khom",
    ),
    (
        "Sáng 2/9 khóm 3 tổ chức lễ chào cờ năm 2024.",
        [
            ("2/9", "2024-09-02", "2024-09-02", "day", True),
            ("năm 2024", "2024-01-01", "2024-12-31", "year", False),
        ],
        "day-word-before-2-9-khom",
    ),
    # "đến nay" closes a range on the publication date; "đầu năm" without a year is the publication year,
    # not the nearest year of the sentence.
    (
        _article(
            "Tiêu đề", DL_2023, "Thực hiện Nghị quyết nhiệm kỳ 2020 – 2025, từ đầu năm đến nay, xã đã làm."
        ),
        [
            PUB_2023,
            ("nhiệm kỳ 2020 – 2025", "2020-01-01", "2025-12-31", "range", False),
            ("từ đầu năm đến nay", "2023-01-01", "2023-07-12", "range", True),
        ],
        "since-start-of-year-until-now",
    ),
    (
        _article("Tiêu đề", DL_2023, "Từ năm 2021 đến nay, xã đã vận động. Từ tháng 3 đến nay có 5 hộ."),
        [
            PUB_2023,
            ("Từ năm 2021 đến nay", "2021-01-01", "2023-07-12", "range", False),
            ("Từ tháng 3 đến nay", "2023-03-01", "2023-07-12", "range", True),
        ],
        "since-year-and-month-until-now",
    ),
    ("Từ đầu năm đến nay, xã có 5 hộ thoát nghèo.", [], "until-now-without-publication-date"),
    # A day cue before a parenthesised day-month: "Sáng hôm qua (5-3)".
    (
        _article("Tiêu đề", DL_2023, "Sáng hôm qua (11-7), Đảng ủy xã tổ chức hội nghị."),
        [PUB_2023, ("11-7", "2023-07-11", "2023-07-11", "day", True)],
        "cue-then-parenthesised-day",
    ),
    (_article("Tiêu đề", DL_2023, "Đội bóng thắng với tỷ số (5-3)."), [PUB_2023], "score-is-no-date"),
    # A lunar year's name with its year is that year.
    (
        "Vui Xuân Ất Tỵ 2025, bà con đón Tết Nguyên đán Giáp Thìn 2024.",
        [
            ("Xuân Ất Tỵ 2025", "2025-01-01", "2025-12-31", "year", False),
            ("Giáp Thìn 2024", "2024-01-01", "2024-12-31", "year", False),
        ],
        "lunar-year-names",
    ),
    (
        "Kết quả cao hơn các năm 2022, 2023.",
        [
            ("năm 2022", "2022-01-01", "2022-12-31", "year", False),
            ("2023", "2023-01-01", "2023-12-31", "year", False),
        ],
        "list-of-years-after-nam",
    ),
    (
        _article("Tiêu đề", DL_2023, "Sáng ngày 08/6,Đoàn phường ra quân."),
        [PUB_2023, ("08/6", "2023-06-08", "2023-06-08", "day", True)],
        "no-space-after-comma",
    ),
    (
        "Từ năm 1996 đến nay, ông đã hiến đất. Từ đầu năm đến nay có 5 hộ.",
        [("năm 1996", "1996-01-01", "1996-12-31", "year", False)],
        "until-now-without-publication-keeps-the-year",
    ),
]


@pytest.mark.parametrize(("text", "expected"), table_rows(CASES))
def test_date(text: str, expected: list) -> None:
    doc = build_document("t.txt", text)
    got = [
        (
            doc.text[m.start : m.end],
            m.fields["date_from"].isoformat(),
            m.fields["date_to"].isoformat(),
            m.fields["granularity"],
            m.fields["year_inferred"],
        )
        for m in find_all(doc, ["date"])["date"]
    ]
    assert got == expected
