"""Amount roles (pipeline/records/roles.py): `per` and `role` of every money, count and measure figure.

Sentences written after real ward and commune bulletins and newspapers' local pages: per-item
prices ("mỗi phần 500.000 đồng", "1 triệu đồng/suất"), totals ("tổng cộng", "với tổng trị giá",
"Tổng kinh phí … là"), their parts ("gồm:", "trong đó", list lines, figures before "tổng cộng")
and figures that are none of these.
"""

from __future__ import annotations

import pytest

from bantin.extractors import registry
from bantin.pipeline.run.article import process_document
from bantin.pipeline.text.document import build_document

# (sentence, [(evidence, role, per), …] for its money, count and measure figures in order)
CASES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    (
        "Dịp này, phường trao 40 phần quà, mỗi phần 500.000 đồng, tổng cộng 20 triệu đồng.",
        [("40 phần quà", "single", None), ("500.000 đồng", "rate", "phần"), ("20 triệu đồng", "total", None)],
    ),
    (
        "Ban vận động trao 100 suất quà (1 triệu đồng/suất) cho hộ nghèo, hộ cận nghèo.",
        [("100 suất quà", "single", None), ("1 triệu đồng", "rate", "suất")],
    ),
    (
        "Hội Khuyến học tặng 50 suất học bổng trị giá 500.000 đồng mỗi suất cho học sinh vượt khó.",
        [("50 suất học bổng", "single", None), ("500.000 đồng", "rate", "suất")],
    ),
    (
        "Mỗi hộ được hỗ trợ 2 triệu đồng và 10 kg gạo.",
        [("2 triệu đồng", "rate", "hộ"), ("10 kg gạo", "rate", "hộ")],
    ),
    (
        "Tổng kinh phí thực hiện 300 triệu đồng, gồm: ngân sách 200 triệu đồng, xã hội hóa 100 triệu đồng.",
        [
            ("300 triệu đồng", "total", None),
            ("200 triệu đồng", "part", None),
            ("100 triệu đồng", "part", None),
        ],
    ),
    (
        "Hỗ trợ xây 3 căn nhà đại đoàn kết, mỗi căn 50 triệu đồng, với tổng số tiền 150 triệu đồng.",
        [
            ("3 căn nhà đại đoàn kết", "single", None),
            ("50 triệu đồng", "rate", "căn"),
            ("150 triệu đồng", "total", None),
        ],
    ),
    (
        "Nhân dịp Tết, phường trao 20 suất quà trị giá 300.000 đồng/suất.",
        [("20 suất quà", "single", None), ("300.000 đồng", "rate", "suất")],
    ),
    (
        "Hội đã trao 40 suất quà và 60 suất quà, tổng cộng 100 suất quà cho hộ khó khăn.",
        [("40 suất quà", "part", None), ("60 suất quà", "part", None), ("100 suất quà", "total", None)],
    ),
    (
        "Tổng kinh phí thực hiện là 500 triệu đồng, trong đó ngân sách nhà nước 300 triệu đồng.",
        [("500 triệu đồng", "total", None), ("300 triệu đồng", "part", None)],
    ),
    (
        "Thu nhập bình quân đầu người đạt 65 triệu đồng.",
        [("65 triệu đồng", "rate", "người")],
    ),
    (
        "Tổng Liên đoàn Lao động tỉnh tặng 50 triệu đồng cho quỹ.",
        [("50 triệu đồng", "single", None)],
    ),
    (
        "Xây dựng 2 căn nhà tình thương với diện tích 40 m2/căn.",
        [("2 căn nhà tình thương", "single", None), ("40 m2/căn", "rate", "căn")],
    ),
    (
        "Các xã, phường đồng loạt trao phần quà 100.000 đồng/người đến người dân trong ngày 31/8.",
        [("100.000 đồng", "rate", "người")],
    ),
    (
        "UBND phường chi quà Quốc khánh 100.000 đồng/người tại văn phòng các khu phố.",
        [("100.000 đồng", "rate", "người")],
    ),
    (
        "Có 145 cụ trên 90 tuổi được tặng quà với định mức 200.000 đồng/suất (gồm 100.000 đồng tiền quà và 100.000 đồng tiền mặt).",
        [
            ("145 cụ", "single", None),
            ("200.000 đồng", "rate", "suất"),
            ("100.000 đồng", "rate", "suất"),
            ("100.000 đồng", "rate", "suất"),
        ],
    ),
    (
        "Mỗi suất học bổng dành cho sinh viên học giỏi là 2 triệu đồng; học bổng cho học sinh khá 1,5 triệu đồng.",
        [("2 triệu đồng", "rate", "suất"), ("1,5 triệu đồng", "single", None)],
    ),
    (
        "Tổng kinh phí trao học bổng năm nay là gần 1,2 tỷ đồng.",
        [("gần 1,2 tỷ đồng", "total", None)],
    ),
    (
        "Mỗi suất học bổng khuyến học bậc THCS trị giá 1,2 triệu đồng/đợt; học bổng bảo trợ 5 triệu đồng/đợt.",
        [("1,2 triệu đồng", "rate", "đợt"), ("5 triệu đồng", "rate", "đợt")],
    ),
    (
        "Tổng trị giá các suất học bổng là 442 triệu đồng, do Công ty Xổ số kiến thiết tài trợ.",
        [("442 triệu đồng", "total", None)],
    ),
    (
        "Mỗi suất học bổng trị giá 4,5 triệu đồng, được trích từ nguồn quỹ khuyến học.",
        [("4,5 triệu đồng", "rate", "suất")],
    ),
    (
        "Tổng số tiền trao học bổng đợt này là 549 triệu đồng.",
        [("549 triệu đồng", "total", None)],
    ),
    (
        "Dịp này, Quỹ trao tặng 300 suất học bổng cho học sinh dân tộc thiểu số. Tổng trị giá 300 triệu đồng.",
        [("300 suất học bổng", "single", None), ("300 triệu đồng", "total", None)],
    ),
    (
        "Sau khi nhận phần quà của gia đình là 200.000 đồng, ông cho biết sẽ giữ lại làm kỷ niệm.",
        [("200.000 đồng", "single", None)],
    ),
    (
        "Trao 778 phần quà với tổng số tiền hơn 575 triệu đồng, hỗ trợ 06 suất học bổng cho học sinh nghèo, số tiền 03 triệu đồng.",
        [
            ("778 phần quà", "single", None),
            ("hơn 575 triệu đồng", "total", None),
            ("06 suất học bổng", "single", None),
            ("03 triệu đồng", "single", None),
        ],
    ),
    (
        "Phát 92 suất quà cây mùa xuân, với tổng số tiền hơn 21 triệu đồng; xây dựng 03 căn nhà tình thương, với tổng trị giá 320 triệu đồng.",
        [
            ("92 suất quà cây mùa", "single", None),
            ("hơn 21 triệu đồng", "total", None),
            ("03 căn nhà tình thương", "single", None),
            ("320 triệu đồng", "total", None),
        ],
    ),
    (
        "Tặng 50 suất quà tết cho các hộ nghèo; mỗi suất quà trị giá 500 nghìn đồng.",
        [("50 suất quà tết", "single", None), ("500 nghìn đồng", "rate", "suất quà")],
    ),
    (
        "Phường trao đến những hộ cận nghèo mỗi suất quà gồm 10 kg gạo, 1 thùng mì và 200.000 đồng tiền mặt.",
        [
            ("10 kg gạo", "rate", "suất quà"),
            ("1 thùng mì", "rate", "suất quà"),
            ("200.000 đồng", "rate", "suất quà"),
        ],
    ),
    (
        "Tổng kinh phí đợt trao quà lần này trên 36 triệu đồng do gia đình bà Nguyễn Thị Lệ Thu tài trợ.",
        [("trên 36 triệu đồng", "total", None)],
    ),
    (
        "Tổng số tiền sửa chữa 2 căn nhà này là 50 triệu đồng, do Ủy ban MTTQ phường vận động.",
        [("2 căn nhà", "single", None), ("50 triệu đồng", "total", None)],
    ),
    (
        "Kết quả vận động Quỹ như sau:\n- Ngân sách: 100 triệu đồng\n- Xã hội hóa: 50 triệu đồng\nTổng cộng: 150 triệu đồng.",
        [
            ("100 triệu đồng", "part", None),
            ("50 triệu đồng", "part", None),
            ("150 triệu đồng", "total", None),
        ],
    ),
    (
        "Tổng số tiền vận động được là 150 triệu đồng, cụ thể:\n- Doanh nghiệp: 100 triệu đồng;\n- Nhân dân: 50 triệu đồng.",
        [
            ("150 triệu đồng", "total", None),
            ("100 triệu đồng", "part", None),
            ("50 triệu đồng", "part", None),
        ],
    ),
    (
        "Năm 2023, phường vận động Quỹ Vì người nghèo được 120 triệu đồng.",
        [("120 triệu đồng", "single", None)],
    ),
    (
        "Hội Nông dân phường giải ngân 800 triệu đồng vốn vay cho 20 hộ, mỗi hộ 40 triệu đồng.",
        [("800 triệu đồng", "single", None), ("20 hộ", "single", None), ("40 triệu đồng", "rate", "hộ")],
    ),
    (
        "Hỗ trợ 2 triệu đồng cho mỗi hộ bị thiệt hại do mưa bão.",
        [("2 triệu đồng", "rate", "hộ")],
    ),
    (
        "Thu nhập bình quân đạt 55 triệu đồng/người/năm.",
        [("55 triệu đồng", "rate", "người")],
    ),
    (
        "Hộ nghèo được hỗ trợ gần 50 triệu/hộ/năm để phát triển sản xuất.",
        [("gần 50 triệu", "rate", "hộ")],
    ),
    (
        "Tổng số hộ nghèo của phường là 35 hộ, chiếm tỷ lệ 1,2%.",
        [("35 hộ", "total", None), ("1,2%", "single", None)],
    ),
    (
        "Toàn phường có 30 hộ nghèo trên tổng số 80 hộ nghèo của quận.",
        [("30 hộ nghèo", "part", None), ("80 hộ nghèo", "total", None)],
    ),
    (
        "Trong năm, Hội vận động hội viên đóng góp 15 triệu đồng và 500 kg gạo.",
        [("15 triệu đồng", "single", None), ("500 kg gạo", "single", None)],
    ),
    (
        "Trao 25 suất học bổng, mỗi suất 1 triệu đồng và 10 quyển tập.",
        [
            ("25 suất học bổng", "single", None),
            ("1 triệu đồng", "rate", "suất"),
            ("10 quyển tập", "rate", "suất"),
        ],
    ),
    (
        "Chương trình đã trao tặng 1.010 suất học bổng với tổng trị giá hơn 1 tỷ đồng.",
        [("1.010 suất học bổng", "single", None), ("hơn 1 tỷ đồng", "total", None)],
    ),
    (
        "Phường đã hỗ trợ 5 hộ sửa chữa nhà, mỗi hộ được hỗ trợ từ 10 đến 20 triệu đồng.",
        [
            ("5 hộ sửa chữa nhà", "single", None),
            ("10 đến 20 triệu đồng", "rate", "hộ"),
            ("20 triệu đồng", "rate", "hộ"),
        ],
    ),
    (
        "Tổng cộng, phường đã trao 500 suất quà với tổng trị giá 250 triệu đồng.",
        [("500 suất quà", "total", None), ("250 triệu đồng", "total", None)],
    ),
    (
        "Các doanh nghiệp tặng 200 triệu đồng; các cá nhân tặng 50 triệu đồng.",
        [("200 triệu đồng", "single", None), ("50 triệu đồng", "single", None)],
    ),
    (
        "Hội Chữ thập đỏ trao 30 suất quà, trị giá 500.000 đồng/suất, tổng trị giá 15 triệu đồng.",
        [("30 suất quà", "single", None), ("500.000 đồng", "rate", "suất"), ("15 triệu đồng", "total", None)],
    ),
    (
        "Quỹ đã xây dựng 5 căn nhà Đại đoàn kết với kinh phí 60 triệu đồng/căn.",
        [("5 căn nhà", "single", None), ("60 triệu đồng", "rate", "căn")],
    ),
    (
        "Tổng diện tích gieo trồng đạt 1.200 ha, trong đó lúa 800 ha, hoa màu 400 ha.",
        [("1.200 ha", "total", None), ("800 ha", "part", None), ("400 ha", "part", None)],
    ),
    (
        "Mỗi tháng, Hội tặng 100 suất cơm cho bệnh nhân nghèo.",
        [("100 suất cơm", "single", None)],
    ),
    (
        "Mỗi năm phường vận động trên 300 triệu đồng cho các hoạt động an sinh.",
        [("trên 300 triệu đồng", "rate", "năm")],
    ),
    (
        "Trao 10 suất quà cho hội viên khó khăn, mỗi suất gồm 300.000 đồng tiền mặt và 1 bao gạo.",
        [("10 suất quà", "single", None), ("300.000 đồng", "rate", "suất"), ("1 bao gạo", "rate", "suất")],
    ),
    (
        "Đoàn đã thăm và tặng 15 phần quà, trị giá 1 triệu đồng/phần.",
        [("15 phần quà", "single", None), ("1 triệu đồng", "rate", "phần")],
    ),
    (
        "Tổng giá trị các công trình, phần việc đạt 1,5 tỷ đồng, trong đó nhân dân đóng góp 900 triệu đồng, ngân sách 600 triệu đồng.",
        [("1,5 tỷ đồng", "total", None), ("900 triệu đồng", "part", None), ("600 triệu đồng", "part", None)],
    ),
    (
        "Phường huy động 120 ngày công lao động và 80 triệu đồng để làm đường giao thông.",
        [("120 ngày công lao động", "single", None), ("80 triệu đồng", "single", None)],
    ),
    (
        "Tổ chức 3 đợt hiến máu với 250 đơn vị máu.",
        [("3 đợt hiến máu", "single", None), ("250 đơn vị máu", "single", None)],
    ),
    (
        "Hỗ trợ 400.000 đồng/tháng cho 12 trẻ mồ côi.",
        [("400.000 đồng", "rate", "tháng"), ("12 trẻ mồ côi", "single", None)],
    ),
    (
        "Phường trao 30 suất quà trị giá 500.000 đồng cho hộ nghèo.",
        [("30 suất quà", "single", None), ("500.000 đồng", "single", None)],
    ),
    (
        "Trao tặng 4 chiếc xe lăn, trị giá 2 triệu đồng/chiếc.",
        [("4 chiếc xe lăn", "single", None), ("2 triệu đồng", "rate", "chiếc")],
    ),
    (
        "Hỗ trợ mỗi hộ nghèo 1 con bò giống trị giá 15 triệu đồng.",
        [("1 con bò giống", "rate", "hộ nghèo"), ("15 triệu đồng", "rate", "hộ nghèo")],
    ),
    (
        "Đã giải ngân cho 12 hộ vay với tổng số vốn 600 triệu đồng.",
        [("12 hộ", "single", None), ("600 triệu đồng", "total", None)],
    ),
    (
        "Phường trao 2 suất học bổng 5 triệu đồng và 3 suất học bổng 2 triệu đồng, tổng cộng 16 triệu đồng.",
        [
            ("2 suất học bổng", "single", None),
            ("5 triệu đồng", "part", None),
            ("3 suất học bổng", "single", None),
            ("2 triệu đồng", "part", None),
            ("16 triệu đồng", "total", None),
        ],
    ),
    (
        "Tổng: 45 triệu đồng.",
        [("45 triệu đồng", "total", None)],
    ),
    (
        "Các chi hội đóng góp 3 triệu đồng; cộng 3 triệu đồng của Ban Thường vụ.",
        [("3 triệu đồng", "single", None), ("3 triệu đồng", "single", None)],
    ),
    (
        "Qua 5 năm, phường đã xóa 25 căn nhà tạm, với tổng kinh phí 1,25 tỷ đồng, bình quân 50 triệu đồng/căn.",
        [
            ("25 căn nhà tạm", "single", None),
            ("1,25 tỷ đồng", "total", None),
            ("50 triệu đồng", "rate", "căn"),
        ],
    ),
    (
        "Hội đã vận động 200 kg gạo, mỗi hộ nhận 10 kg.",
        [("200 kg gạo", "single", None), ("10 kg", "rate", "hộ")],
    ),
]


@pytest.fixture(scope="module")
def extractors() -> dict:
    return registry()


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_roles(sentence: str, expected: list[tuple[str, str, str | None]], extractors: dict) -> None:
    result = process_document(build_document("case.txt", "Tin phường\n\n" + sentence), extractors)
    got = [
        (r["text"], r["role"], r["per"]) for r in result.records if r["kind"] in ("money", "count", "measure")
    ]
    assert got == expected


def test_enough_cases() -> None:
    assert len(CASES) >= 60


def test_the_audit_reads_the_same_roles_from_stored_records(extractors: dict) -> None:
    """Outputs carry each record's sentence, possibly cut to 200 characters around its evidence ("…"): located in
    the text, it gives the roles extraction gave."""
    from bantin.pipeline.records.roles import assign_roles

    text = "Tin phường\n\n" + "\n\n".join(c[0] for c in CASES)
    result = process_document(build_document("all.txt", text), extractors)
    figures = [r for r in result.records if r["kind"] in ("money", "count", "measure")]
    stored = []
    for r in figures:
        sentence = r["sentence"]
        at = sentence.find(r["text"])
        cut = sentence[max(0, at - 200) : at + len(r["text"]) + 200]
        stored.append({**r, "sentence": ("…" if at > 200 else "") + cut, "per": None, "role": "single"})
    assign_roles(text, stored)
    assert [(r["per"], r["role"]) for r in stored] == [(r["per"], r["role"]) for r in figures]
