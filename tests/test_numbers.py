"""Vietnamese numbers (extractors/numbers.py): numerals, number words, scales, qualifiers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bantin.extractors.numbers import find_quantities, parse_number, parse_numeral
from tests.tables import table_rows

D = Decimal



# ---------------------------------------------------------------------------
# parse_numeral: "." groups thousands, "," is the decimal mark.
# ---------------------------------------------------------------------------

NUMERALS = [
    ("2.676", D(2676), "dot-groups-thousands"),
    ("1.778.000", D(1778000), "two-dot-groups"),
    ("50.000.000", D(50000000), "fifty-million"),
    ("1.000", D(1000), "one-thousand-dot"),
    ("11,7", D("11.7"), "comma-decimal"),
    ("0,5", D("0.5"), "comma-decimal-below-one"),
    ("06", D(6), "leading-zero"),
    ("03", D(3), "leading-zero-three"),
    ("2023", D(2023), "plain-year"),
    ("575", D(575), "plain-integer"),
    ("0", D(0), "zero"),
    ("4.7", D("4.7"), "dot-one-digit-is-decimal"),
    ("12.55", D("12.55"), "dot-two-digits-is-decimal"),
    ("194,104,000", D(194104000), "several-comma-groups"),
    ("1,250,000", D(1250000), "comma-groups-million"),
    ("1.234,5", D("1234.5"), "dot-groups-and-comma-decimal"),
    ("12.345.678,25", D("12345678.25"), "long-groups-and-decimal"),
    ("abc", None, "letters"),
    ("", None, "empty"),
    ("1.23.4", None, "bad-dot-groups"),
    ("1,23,456", None, "bad-comma-groups"),
    ("1,234.5", None, "english-mixed-comma-first"),
    ("1.23,5", None, "dot-group-not-three-digits"),
    ("1 000", None, "space-inside"),
    ("-5", None, "minus-sign"),
    ("5.", None, "trailing-dot"),
    (",5", None, "leading-comma"),
    ("12a", None, "glued-letter"),
]


@pytest.mark.parametrize(("token", "expected"), table_rows(NUMERALS))
def test_parse_numeral(token: str, expected: Decimal | None) -> None:
    assert parse_numeral(token) == expected


# ---------------------------------------------------------------------------
# parse_number: whole phrases, numerals, number words and scales.
# ---------------------------------------------------------------------------

PHRASES = [
    ("năm trăm nghìn", D(500000), "words-five-hundred-thousand"),
    ("hai mươi lăm", D(25), "words-25-lam"),
    ("hai mươi nhăm", D(25), "words-25-nham"),
    ("hai mươi mốt", D(21), "words-21-mot"),
    ("ba mươi tư", D(34), "words-34-tu"),
    ("một trăm linh năm", D(105), "words-105-linh"),
    ("một trăm lẻ tám", D(108), "words-108-le"),
    ("mười", D(10), "words-ten"),
    ("mười lăm", D(15), "words-fifteen"),
    ("mười một", D(11), "words-eleven"),
    ("chín mươi chín", D(99), "words-99"),
    ("hai trăm", D(200), "words-200"),
    ("ba trăm năm mươi", D(350), "words-350"),
    ("bảy trăm hai mươi", D(720), "words-720"),
    ("Hai Mươi Lăm", D(25), "words-capitalised"),
    ("một nghìn không trăm năm mươi", D(1050), "words-1050"),
    ("hai mươi lăm nghìn", D(25000), "words-25-thousand"),
    ("một tỷ hai trăm triệu", D(1200000000), "words-compound-billion"),
    ("năm", D(5), "lone-word-parses"),
    ("2 tỷ 300 triệu", D(2300000000), "compound-ty-trieu"),
    ("1 triệu 500 nghìn", D(1500000), "compound-trieu-nghin"),
    ("3 tỷ 250 triệu 500 nghìn", D(3250500000), "compound-three-scales"),
    ("670 triệu", D(670000000), "numeral-trieu"),
    ("11,7 triệu", D(11700000), "decimal-trieu"),
    ("1,5 tỷ", D(1500000000), "decimal-ty"),
    ("2 tỉ", D(2000000000), "ti-spelling"),
    ("3 nghìn", D(3000), "nghin"),
    ("5 ngàn", D(5000), "ngan"),
    ("03 triệu", D(3000000), "leading-zero-trieu"),
    ("1.778.000", D(1778000), "plain-grouped-numeral"),
    (
        "5 nghìn tỷ",
        D(5000000000000),
        "stacked-nghin-ty",
    ),
    ("abc", None, "not-a-number"),
    ("", None, "empty"),
    ("triệu", None, "scale-alone"),
    ("1.23.4 triệu", None, "bad-numeral-with-scale"),
    ("hai 300", None, "word-then-numeral"),
    ("mươi", None, "tens-alone"),
]


@pytest.mark.parametrize(("phrase", "expected"), table_rows(PHRASES))
def test_parse_number(phrase: str, expected: Decimal | None) -> None:
    assert parse_number(phrase) == expected


# ---------------------------------------------------------------------------
# find_quantities: every number phrase in a sentence, with its qualifier.
# Each expected quantity: (number text, value, qualifier, qualifier text).
# The qualifier text is text[qualifier_start:end]; for "exact" it is the number itself.
# ---------------------------------------------------------------------------

Q = tuple[str, Decimal, str, str]

SENTENCES: list = [
    (
        "Phường đã vận động được 670 triệu đồng.",
        [("670 triệu", D(670000000), "exact", "670 triệu")],
        "exact-trieu",
    ),
    (
        "Toàn phường có 2.676 hộ gia đình.",
        [("2.676", D(2676), "exact", "2.676")],
        "exact-grouped-numeral",
    ),
    (
        "Tổng thu ngân sách đạt 11,7 tỷ đồng.",
        [("11,7 tỷ", D(11700000000), "exact", "11,7 tỷ")],
        "exact-decimal-ty",
    ),
    (
        "Tỷ lệ hộ nghèo giảm còn 4.7%.",
        [("4.7", D("4.7"), "exact", "4.7")],
        "dot-decimal-percent",
    ),
    (
        "Dự án có tổng vốn 194,104,000 đồng.",
        [("194,104,000", D(194104000), "exact", "194,104,000")],
        "comma-groups",
    ),
    (
        "Khu phố 06 tổ chức ra quân dọn vệ sinh.",
        [("06", D(6), "exact", "06")],
        "leading-zero",
    ),
    (
        "Hỗ trợ mỗi hộ năm trăm nghìn đồng.",
        [("năm trăm nghìn", D(500000), "exact", "năm trăm nghìn")],
        "words-with-scale",
    ),
    (
        "Có hai mươi lăm hộ được nhận quà.",
        [("hai mươi lăm", D(25), "exact", "hai mươi lăm")],
        "words-25",
    ),
    (
        "Đã trao hai mươi mốt suất học bổng.",
        [("hai mươi mốt", D(21), "exact", "hai mươi mốt")],
        "words-21",
    ),
    (
        "Ba mươi tư thanh niên lên đường nhập ngũ.",
        [("Ba mươi tư", D(34), "exact", "Ba mươi tư")],
        "words-34-capitalised",
    ),
    (
        "Tổ dân phố có một trăm linh năm hộ.",
        [("một trăm linh năm", D(105), "exact", "một trăm linh năm")],
        "words-105",
    ),
    (
        "Công trình có tổng kinh phí 2 tỷ 300 triệu đồng.",
        [("2 tỷ 300 triệu", D(2300000000), "exact", "2 tỷ 300 triệu")],
        "compound",
    ),
    (
        "Hỗ trợ 5 ngàn cây giống cho nông dân.",
        [("5 ngàn", D(5000), "exact", "5 ngàn")],
        "ngan-scale",
    ),
    (
        "Công trình có giá trị 2 tỉ đồng.",
        [("2 tỉ", D(2000000000), "exact", "2 tỉ")],
        "ti-scale",
    ),
    (
        "Dự án đầu tư 2 tỷ đồng.",
        [("2 tỷ", D(2000000000), "exact", "2 tỷ")],
        "dau-tu-hides-number",
    ),
    (
        "Đã quyên góp được hơn 575 triệu đồng.",
        [("575 triệu", D(575000000), "more_than", "hơn 575 triệu")],
        "hon-more-than",
    ),
    (
        "Trên 300 hội viên tham gia hội thao.",
        [("300", D(300), "more_than", "Trên 300")],
        "tren-more-than-capitalised",
    ),
    (
        "Số hộ nghèo còn dưới 20 hộ.",
        [("20", D(20), "less_than", "dưới 20")],
        "duoi-less-than",
    ),
    (
        "Đã tiêm vắc xin cho gần 1.500 người dân.",
        [("1.500", D(1500), "less_than", "gần 1.500")],
        "gan-less-than",
    ),
    (
        "Có khoảng 200 người tham dự buổi lễ.",
        [("200", D(200), "about", "khoảng 200")],
        "khoang-about",
    ),
    (
        "Giá trị sản xuất ước 45 tỷ đồng.",
        [("45 tỷ", D(45000000000), "about", "ước 45 tỷ")],
        "uoc-about",
    ),
    (
        "Tỷ lệ bao phủ bảo hiểm y tế đạt gần như 100%.",
        [("100", D(100), "about", "gần như 100")],
        "gan-nhu-about",
    ),
    (
        "Người từ 18 tuổi trở lên được tiêm mũi nhắc lại.",
        [("18", D(18), "at_least", "từ 18")],
        "tu-tro-len-at-least",
    ),
    (
        "Hộ có từ 3 con trở lên được hỗ trợ thêm.",
        [("3", D(3), "at_least", "từ 3")],
        "tu-tro-len-short",
    ),
    (
        "Hội nghị tổ chức từ 8 giờ đến 11 giờ.",
        [("8", D(8), "exact", "8"), ("11", D(11), "exact", "11")],
        "tu-without-tro-len-is-exact",
    ),
    (
        "Có 150 hộ vay vốn với tổng số tiền 3 tỷ đồng.",
        [("150", D(150), "exact", "150"), ("3 tỷ", D(3000000000), "exact", "3 tỷ")],
        "two-quantities",
    ),
    (
        "Trao 30 suất quà, mỗi suất trị giá hơn 1 triệu đồng.",
        [("30", D(30), "exact", "30"), ("1 triệu", D(1000000), "more_than", "hơn 1 triệu")],
        "exact-then-qualified",
    ),
    (
        "Năm 2023, phường có 12 tổ dân phố.",
        [("2023", D(2023), "exact", "2023"), ("12", D(12), "exact", "12")],
        "year-word-nam-not-a-number",
    ),
    # Negative cases: nothing, or only what is really a number.
    ("Năm nay phường tổ chức đại hội.", [], "lone-word-nam"),
    ("Ba đơn vị được khen thưởng.", [("Ba", D(3), "exact", "Ba")], "lone-word-ba-is-a-number"),
    ("Chỉ còn một hộ chưa đóng góp.", [("một", D(1), "exact", "một")], "lone-word-mot-is-a-number"),
    ("Phường không có ca mắc mới.", [], "khong-alone"),
    ("Tuyến đường dài 5km được nâng cấp.", [("5", D(5), "exact", "5")], "glued-unit-km-is-a-measure"),
    ("Khu vực A1 và B2 được phong tỏa.", [], "glued-letter-before"),
    ("Bệnh nhân F0 được theo dõi tại nhà.", [], "glued-F0"),
    ("Phòng chống dịch COVID-19 hiệu quả.", [], "hyphen-glued"),
    ("Đây là phong trào thi đua của phường.", [], "no-number"),
    (
        "Mỗi hộ nhận 50.000.000đồng hỗ trợ.",
        [("50.000.000", D(50000000), "exact", "50.000.000")],
        "numeral-glued-to-currency",
    ),
    ("Mã hồ sơ A12B34 đã nộp.", [], "numeral-glued-to-letters"),
    (
        "Sau ba năm triển khai, mô hình đạt hiệu quả.",
        [("ba", D(3), "exact", "ba")],
        "ba-nam-is-three-not-eight",
    ),
]


@pytest.mark.parametrize(("text", "expected"), table_rows(SENTENCES))
def test_find_quantities(text: str, expected: list[Q]) -> None:
    found = find_quantities(text)
    got = [(text[q.start : q.end], q.value, q.qualifier, text[q.qualifier_start : q.end]) for q in found]
    assert got == expected
    for q in found:
        if q.qualifier == "exact":
            assert q.qualifier_start == q.start
        else:
            assert q.qualifier_start < q.start


HAS_SCALE = [
    ("Có 670 triệu đồng.", True, "trieu"),
    ("Có 2.676 hộ.", False, "numeral"),
    ("Có năm trăm nghìn đồng.", True, "words-nghin"),
    ("Có hai mươi lăm hộ.", False, "words-no-scale"),
]


@pytest.mark.parametrize(("text", "expected"), table_rows(HAS_SCALE))
def test_find_quantities_has_scale(text: str, expected: bool) -> None:
    (q,) = find_quantities(text)
    assert q.has_scale is expected


def test_find_quantities_window() -> None:
    text = "Có 12 hộ nghèo và 30 hộ cận nghèo."
    start = text.index("và")
    assert [q.value for q in find_quantities(text, start)] == [D(30)]
    assert [q.value for q in find_quantities(text, 0, start)] == [D(12)]
