"""The money extractor: amounts of đồng with their qualifier and evidence span."""

from __future__ import annotations

import pytest

from bantin.extractors import find_all
from bantin.pipeline.text.document import build_document
from tests.tables import table_rows

# Each expected mention: (evidence text, amount in đồng, qualifier).
CASES: list = [
    # A money word before an amount makes it money without a currency word.
    (
        "Khu dân cư đã tặng 17 xuất quà trị giá 7.000.000 cho hộ có hoàn cảnh khó khăn.",
        [("7.000.000", 7_000_000, "exact")],
        "tri-gia-without-currency",
    ),
    ("Tổng kinh phí 1.200 triệu.", [("1.200 triệu", 1_200_000_000, "exact")], "kinh-phi-without-currency"),
    ("Công trình trị giá 3 căn nhà.", [], "tri-gia-before-a-count"),
    ("Nhà văn hóa trị giá 500 cho hộ.", [], "small-bare-amount-is-no-money"),
    # Ranges: one amount per bound; the first takes the last's scale words.
    (
        "Riêng học bổng khuyết tật, mỗi suất từ 1,5 - 4,8 triệu đồng/đợt.",
        [("1,5 - 4,8 triệu đồng", 1_500_000, "exact"), ("4,8 triệu đồng", 4_800_000, "exact")],
        "range-shares-the-scale",
    ),
    # Bounds written in different scales: each is read whole (fresh2 r141).
    (
        "Còn lại 580 phần quà sẽ tổ chức trao cho các hộ dân tại các ấp trong thời gian tới, mỗi phần trị giá"
        " từ 350.000 đến 1 triệu đồng.",
        [("350.000 đến 1 triệu đồng", 350_000, "exact"), ("1 triệu đồng", 1_000_000, "exact")],
        "range-bounds-in-different-scales",
    ),
    (
        "Mỗi suất học bổng từ 500 nghìn đến 1,5 triệu đồng.",
        [("500 nghìn đến 1,5 triệu đồng", 500_000, "exact"), ("1,5 triệu đồng", 1_500_000, "exact")],
        "range-both-scaled",
    ),
    (
        "Mỗi hộ góp từ 5 đến 3 triệu đồng.",
        [("3 triệu đồng", 3_000_000, "exact")],
        "no-range-across-six-orders",
    ),
    (
        "Mỗi hội viên đóng góp 50.000 - 100.000 đồng.",
        [("50.000 - 100.000 đồng", 50_000, "exact"), ("100.000 đồng", 100_000, "exact")],
        "range-of-numerals",
    ),
    (
        "Dự kiến hỗ trợ khoảng 300-400 triệu đồng.",
        [("khoảng 300-400 triệu đồng", 300_000_000, "about"), ("400 triệu đồng", 400_000_000, "about")],
        "range-unspaced-with-qualifier",
    ),
    # Numerals with scales.
    (
        "Tổng kinh phí thực hiện chương trình là 670 triệu đồng.",
        [("670 triệu đồng", 670_000_000, "exact")],
        "trieu",
    ),
    (
        "Mỗi hộ được hỗ trợ 11,7 triệu đồng để sửa chữa nhà ở.",
        [("11,7 triệu đồng", 11_700_000, "exact")],
        "decimal-comma-trieu",
    ),
    (
        "Công trình có tổng giá trị 2 tỷ 300 triệu đồng.",
        [("2 tỷ 300 triệu đồng", 2_300_000_000, "exact")],
        "compound-ty-trieu",
    ),
    (
        "Hội Chữ thập đỏ trao tặng 03 triệu đồng cho gia đình bà N.",
        [("03 triệu đồng", 3_000_000, "exact")],
        "leading-zero-trieu",
    ),
    (
        "Nguồn vốn ngân sách phường bố trí là 1,5 tỷ đồng.",
        [("1,5 tỷ đồng", 1_500_000_000, "exact")],
        "decimal-ty",
    ),
    (
        "Quỹ khuyến học nhận được 2 tỉ đồng từ các nhà hảo tâm.",
        [("2 tỉ đồng", 2_000_000_000, "exact")],
        "ti-spelling",
    ),
    (
        "Mỗi suất quà trị giá 500 nghìn đồng.",
        [("500 nghìn đồng", 500_000, "exact")],
        "nghin",
    ),
    (
        "Mỗi phần quà gồm nhu yếu phẩm trị giá 300 ngàn đồng.",
        [("300 ngàn đồng", 300_000, "exact")],
        "ngan",
    ),
    (
        "Mỗi phần quà gồm nhu yếu phẩm và 300 ngàn đồng tiền mặt.",
        [("300 ngàn đồng", 300_000, "exact")],
        "dong-tien-mat",
    ),
    (
        "Tổng số tiền hỗ trợ là 1 triệu 500 nghìn đồng.",
        [("1 triệu 500 nghìn đồng", 1_500_000, "exact")],
        "compound-trieu-nghin",
    ),
    # Grouped numerals.
    (
        "Mức hỗ trợ mai táng phí là 1.778.000 đồng.",
        [("1.778.000 đồng", 1_778_000, "exact")],
        "dot-grouped",
    ),
    (
        "Hỗ trợ xây dựng nhà tình nghĩa 50.000.000 đồng/căn.",
        [("50.000.000 đồng", 50_000_000, "exact")],
        "per-unit-slash",
    ),
    (
        "Dự toán được duyệt là 194,104,000 đồng.",
        [("194,104,000 đồng", 194_104_000, "exact")],
        "comma-grouped",
    ),
    (
        "Lệ phí cấp bản sao là 2.000 đồng/trang.",
        [("2.000 đồng", 2_000, "exact")],
        "small-amount-per-page",
    ),
    # Currency spellings.
    (
        "Giá trị hợp đồng là 75.000.000 VNĐ.",
        [("75.000.000 VNĐ", 75_000_000, "exact")],
        "vnd-accented",
    ),
    (
        "Quỹ vì người nghèo đã chi 120.000.000 VND cho các hộ khó khăn.",
        [("120.000.000 VND", 120_000_000, "exact")],
        "vnd-plain",
    ),
    (
        "Mỗi suất học bổng trị giá 2 triệu vnđ.",
        [("2 triệu vnđ", 2_000_000, "exact")],
        "vnd-lowercase",
    ),
    (
        "Mỗi em được tặng 500.000 đ và một bộ sách giáo khoa.",
        [("500.000 đ", 500_000, "exact")],
        "d-spaced",
    ),
    (
        "Mỗi em được tặng 500.000 đ tiền mặt.",
        [("500.000 đ", 500_000, "exact")],
        "d-tien-mat",
    ),
    (
        "Ủng hộ quỹ 50.000.000đồng để xây nhà đại đoàn kết.",
        [("50.000.000đồng", 50_000_000, "exact")],
        "glued-dong",
    ),
    (
        "Mỗi phần quà trị giá 200.000đ.",
        [("200.000đ", 200_000, "exact")],
        "glued-d",
    ),
    (
        "Mỗi hộ nhận 1.500.000VNĐ tiền hỗ trợ.",
        [("1.500.000VNĐ", 1_500_000, "exact")],
        "glued-vnd",
    ),
    # Number words.
    (
        "Mỗi cháu được nhận năm trăm nghìn đồng và một phần bánh kẹo.",
        [("năm trăm nghìn đồng", 500_000, "exact")],
        "words-nam-tram-nghin",
    ),
    (
        "Mỗi suất ăn có giá hai mươi lăm ngàn đồng.",
        [("hai mươi lăm ngàn đồng", 25_000, "exact")],
        "words-ngan",
    ),
    (
        "Quỹ được bổ sung hai tỷ đồng.",
        [("hai tỷ đồng", 2_000_000_000, "exact")],
        "words-ty",
    ),
    # Line break inside the amount.
    (
        "Ban vận động đã trao tặng 20 căn nhà với tổng trị giá 300\ntriệu đồng.",
        [("300\ntriệu đồng", 300_000_000, "exact")],
        "line-break-number-scale",
    ),
    (
        "Ban vận động đã trao tặng 20 căn nhà với tổng trị giá 300 triệu\nđồng.",
        [("300 triệu\nđồng", 300_000_000, "exact")],
        "line-break-before-dong",
    ),
    # Qualifiers.
    (
        "Đến nay đã vận động được hơn 575 triệu đồng.",
        [("hơn 575 triệu đồng", 575_000_000, "more_than")],
        "hon",
    ),
    (
        "Tổng kinh phí trên 1 tỷ đồng.",
        [("trên 1 tỷ đồng", 1_000_000_000, "more_than")],
        "tren",
    ),
    (
        "Hộ có thu nhập dưới 2 triệu đồng/người/tháng được xét hộ nghèo.",
        [("dưới 2 triệu đồng", 2_000_000, "less_than")],
        "duoi",
    ),
    (
        "Tổng giá trị quà tặng gần 80 triệu đồng.",
        [("gần 80 triệu đồng", 80_000_000, "less_than")],
        "gan",
    ),
    (
        "Kinh phí tổ chức khoảng 40 triệu đồng.",
        [("khoảng 40 triệu đồng", 40_000_000, "about")],
        "khoang",
    ),
    (
        "Giá trị thiệt hại ước 150 triệu đồng.",
        [("ước 150 triệu đồng", 150_000_000, "about")],
        "uoc",
    ),
    (
        "Thiệt hại do mưa bão ước tính 2,5 tỷ đồng.",
        [("ước tính 2,5 tỷ đồng", 2_500_000_000, "about")],
        "uoc-tinh",
    ),
    (
        "Số tiền tiết kiệm được gần như 10 triệu đồng mỗi tháng.",
        [("gần như 10 triệu đồng", 10_000_000, "about")],
        "gan-nhu",
    ),
    (
        "Các khoản đóng góp từ 500.000 đồng trở lên được ghi nhận vào sổ vàng.",
        [("từ 500.000 đồng", 500_000, "at_least")],
        "tu-tro-len",
    ),
    (
        "Mỗi hộ đóng góp từ 200 nghìn đồng đến 500 nghìn đồng.",
        [("200 nghìn đồng", 200_000, "exact"), ("500 nghìn đồng", 500_000, "exact")],
        "tu-den-is-exact",
    ),
    (
        "Mức phạt tối đa 5 triệu đồng.",
        [("tối đa 5 triệu đồng", 5_000_000, "at_most")],
        "toi-da",
    ),
    (
        "Hỗ trợ ít nhất 1 triệu đồng cho mỗi hộ.",
        [("ít nhất 1 triệu đồng", 1_000_000, "at_least")],
        "it-nhat",
    ),
    (
        "Đã giải ngân Hơn 3 tỷ đồng vốn vay ưu đãi.",
        [("Hơn 3 tỷ đồng", 3_000_000_000, "more_than")],
        "qualifier-capitalised",
    ),
    # Several amounts in one sentence.
    (
        "Phường trao 30 suất quà, mỗi suất 500.000 đồng, tổng trị giá 15 triệu đồng.",
        [("500.000 đồng", 500_000, "exact"), ("15 triệu đồng", 15_000_000, "exact")],
        "two-amounts-with-count",
    ),
    (
        "Ngân sách nhà nước 1 tỷ đồng, nhân dân đóng góp hơn 200 triệu đồng và xã hội hóa khoảng 50 triệu đồng.",
        [
            ("1 tỷ đồng", 1_000_000_000, "exact"),
            ("hơn 200 triệu đồng", 200_000_000, "more_than"),
            ("khoảng 50 triệu đồng", 50_000_000, "about"),
        ],
        "three-amounts-three-qualifiers",
    ),
    (
        "Tiền điện giảm từ 1,2 triệu đồng xuống còn 800.000 đồng mỗi tháng.",
        [("1,2 triệu đồng", 1_200_000, "exact"), ("800.000 đồng", 800_000, "exact")],
        "decrease-from-to",
    ),
    (
        "Năm 2023, phường thu ngân sách đạt 12 tỷ đồng, vượt 15% dự toán.",
        [("12 tỷ đồng", 12_000_000_000, "exact")],
        "year-and-percent-ignored",
    ),
    (
        "Có 30 đồng chí được tặng quà, mỗi phần trị giá 1 triệu đồng.",
        [("1 triệu đồng", 1_000_000, "exact")],
        "dong-chi-then-amount",
    ),
    (
        "Tổng mức đầu tư 45 tỷ đồng từ nguồn ngân sách thành phố.",
        [("45 tỷ đồng", 45_000_000_000, "exact")],
        "dau-tu-before-amount",
    ),
    # Negatives: "đồng" that is not a currency, and numbers with no currency.
    ("Hội nghị có 30 đồng chí tham dự.", [], "dong-chi"),
    ("Ba đồng chí được khen thưởng.", [], "words-dong-chi"),
    ("Phường đã vận động 120 đồng bào có hoàn cảnh khó khăn.", [], "dong-bao"),
    ("Tổ chức 5 đồng thời các điểm tiêm chủng.", [], "dong-thoi"),
    ("Huy động 200 đồng đội cũ về dự họp mặt.", [], "dong-doi"),
    ("Gia đình có 3 đồng ruộng bị ngập.", [], "dong-ruong"),
    ("Đồng thời, phường ra quân dọn vệ sinh môi trường.", [], "dong-thoi-sentence-start"),
    ("Chiến dịch kéo dài 15 ngày.", [], "days"),
    ("Toàn phường có 2.676 hộ gia đình.", [], "count-no-currency"),
    ("Đã có 1.500 người dân được tiêm vắc xin.", [], "people-no-currency"),
    ("Hội nghị diễn ra tại Phường 6, Quận 3.", [], "phuong-6"),
    ("Tỷ lệ hộ nghèo giảm còn 1,2%.", [], "percent"),
    ("Chiều dài tuyến đường là 1,5 km.", [], "distance"),
    ("Phường tổ chức gặp mặt đồng hương.", [], "dong-huong-no-number"),
    ("Nhiều người dân đồng tình ủng hộ.", [], "dong-tinh-no-number"),
    ("Có hơn 300 hội viên tham gia.", [], "qualified-count-no-currency"),
    # Millions per household or per year are money without "đồng"; a zero amount names a free market.
    (
        "Thu nhập bình quân đạt gần 50 triệu/hộ/năm.",
        [("gần 50 triệu", 50_000_000, "less_than")],
        "per-household",
    ),
    ("Hội tổ chức “Phiên chợ 0 đồng” tại khóm 2.", [], "zero-dong-is-a-name"),
    ("Dân số xã là 12 nghìn/km2.", [], "thousands-per-area-is-no-money"),
    ("Doanh nghiệp đóng góp hàng trăm triệu đồng và vài trăm nghìn đồng.", [], "vague-orders-of-magnitude"),
]


@pytest.mark.parametrize(("text", "expected"), table_rows(CASES))
def test_money(text: str, expected: list[tuple[str, int, str]]) -> None:
    doc = build_document("t.txt", text)
    mentions = find_all(doc, ["money"])["money"]
    got = [(doc.text[m.start : m.end], m.fields["amount"], m.fields["qualifier"]) for m in mentions]
    assert got == expected
    for m in mentions:
        assert m.kind == "money"
        assert isinstance(m.fields["amount"], int)
        assert m.fields["currency"] == "VND"
