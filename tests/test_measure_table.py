"""Measures: a quantity in a unit of measure, its unit as written, and its plain (SI) value."""

from __future__ import annotations

import pytest

from bantin.extractors import find_all
from bantin.pipeline.text.document import build_document

# (sentence, [(evidence, value, unit, qualifier, si_value, si_unit)], id)
CASES = [
    (
        "Hội trao 1.000kg gạo cho hộ nghèo.",
        [("1.000kg gạo", 1000, "kg gạo", "exact", 1000, "kg")],
        "glued-kg",
    ),
    (
        "Tặng 2 tấn gạo và 10 kg gạo mỗi suất.",
        [("2 tấn gạo", 2, "tấn gạo", "exact", 2000, "kg"), ("10 kg gạo", 10, "kg gạo", "exact", 10, "kg")],
        "tan-to-kg",
    ),
    ("Trao gần 800kg gạo.", [("gần 800kg gạo", 800, "kg gạo", "less_than", 800, "kg")], "qualifier"),
    (
        "Làm mới 600 mét đường bê tông.",
        [("600 mét đường bê tông", 600, "mét đường bê tông", "exact", 600, "m")],
        "met-with-what-it-measures",
    ),
    (
        "Kéo 2 km đường điện năng lượng mặt trời.",
        [("2 km đường điện năng lượng mặt trời", 2, "km đường điện năng lượng mặt trời", "exact", 2000, "m")],
        "km-to-m",
    ),
    ("Diện tích 5.274 ha.", [("5.274 ha", 5274, "ha", "exact", 52740000, "m2")], "ha-to-m2"),
    (
        "Căn nhà rộng hơn 50 mét vuông.",
        [("hơn 50 mét vuông", 50, "mét vuông", "more_than", 50, "m2")],
        "met-vuong",
    ),
    ("Nhà có diện tích 80 m2.", [("80 m2", 80, "m2", "exact", 80, "m2")], "m2"),
    (
        "Mỗi căn 60-70m2/căn.",
        [("60-70m2/căn", 60, "m2/căn", "exact", None, None), ("70m2/căn", 70, "m2/căn", "exact", None, None)],
        "rate-range-keeps-per-and-has-no-plain-unit",
    ),
    ("Hiến 5 công đất làm đường.", [("5 công đất", 5, "công đất", "exact", None, None)], "regional-cong"),
    ("Làm khoảng 2.000 m.", [("khoảng 2.000 m", 2000, "m", "about", 2000, "m")], "bare-m"),
    ("Cấp 12 m3 nước sạch.", [("12 m3 nước sạch", 12, "m3 nước sạch", "exact", 12, "m3")], "m3"),
    # Not measures.
    ("Nhà văn hóa cách trung tâm xã 2 km.", [], "distance-between-places"),
    ("Đoàn vượt hơn 50 km đường rừng.", [], "distance-travelled"),
    ("Phường có 3 khối phố.", [], "khoi-pho-is-a-unit"),
    # After a word of place "khối" is a block of the ward (fresh2 r132).
    (
        "“Tổ Tuần tra – Tự quản” của phường Thanh Hà, thành phố Hội An có 6 tổ ở 6 khối, mỗi tổ có ít nhất 12"
        " thành viên.",
        [],
        "o-khoi-is-a-block",
    ),
    (
        "Nhân dân đóng góp 6 khối đá, 30 khối cát để làm đường.",
        [("6 khối đá", 6, "khối đá", "exact", 6, "m3"), ("30 khối cát", 30, "khối cát", "exact", 30, "m3")],
        "khoi-of-stone-is-volume",
    ),
    ("Đội hình 3 tấn công liên tục.", [], "tan-cong-is-no-weight"),
    ("Xây 2 mô hình mới.", [], "m-of-mo-hinh"),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_measure(sentence: str, expected: list[tuple[object, ...]]) -> None:
    doc = build_document("t.txt", sentence)
    got = [
        (
            doc.text[m.start : m.end],
            m.fields["value"],
            m.fields["unit"],
            m.fields["qualifier"],
            m.fields["si_value"],
            m.fields["si_unit"],
        )
        for m in find_all(doc, ["measure"])["measure"]
    ]
    assert got == expected
