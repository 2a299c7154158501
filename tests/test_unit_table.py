"""Units linked to the register, table-driven: evidence span, level, name and register code.

Ethnic-minority names hold an apostrophe ("Đưng K’Nớ", "Đắk R’Lấp", "Cư M’gar"), typed straight or curly,
that the register writes or leaves out ("Đưng KNớ"): the name goes on past it and links all the same.
"""

from __future__ import annotations

import pytest

from bantin.extractors import find_all
from bantin.pipeline.text.document import build_document
from tests.tables import table_rows

# Each expected mention: (evidence text, level, name, register code or None).
CASES: list = [
    (
        "Ngày 31/12, Công an huyện Lạc Dương phối hợp cùng Đảng ủy, UBND xã Đưng K’Nớ tổ chức ra mắt mô hình.",
        [("huyện Lạc Dương", "huyện", "Lạc Dương", "675"), ("xã Đưng K’Nớ", "xã", "Đưng K’Nớ", "24850")],
        "curly-apostrophe-register-writes-none",
    ),
    (
        "Ngày 17/5/2024, Ủy ban nhân dân huyện Đắk R'Lấp tổ chức Lễ công bố xã Nhân Cơ đạt chuẩn nông thôn mới.",
        [("huyện Đắk R'Lấp", "huyện", "Đắk R'Lấp", "666"), ("xã Nhân Cơ", "xã", "Nhân Cơ", "24751")],
        "straight-apostrophe",
    ),
    (
        "Sáng ngày 19/1, Huyện ủy, UBND huyện Đắk R’lấp cùng các đơn vị tài trợ đã tổ chức mổ heo.",
        [("huyện Đắk R’lấp", "huyện", "Đắk R’lấp", "666")],
        "lower-case-after-apostrophe",
    ),
    (
        "Đồng bào Ê đê đặt cho buôn căn cứ cách mạng Ea M’droh, xã Ea M’droh, huyện Cư M’Gar là buôn Cháy.",
        [
            ("xã Ea M’droh", "xã", "Ea M’droh", "24283"),
            ("huyện Cư M’Gar", "huyện", "Cư M’Gar", "648"),
            ("buôn Cháy", "buôn", "Cháy", None),
        ],
        "commune-and-district",
    ),
    (
        "Quận Thuần Mẫn (nay là huyện Ea H’leo) và thị xã Hậu Bổn.",
        [
            ("Quận Thuần Mẫn", "quận", "Thuần Mẫn", None),
            ("huyện Ea H’leo", "huyện", "Ea H’leo", "645"),
            ("thị xã Hậu Bổn", "thị xã", "Hậu Bổn", None),
        ],
        "district-in-parentheses",
    ),
    # A district named bare, with no level word.
    (
        "Thông qua việc phát động các mô hình, Cư M’gar đã tiết kiệm nhiều tỉ đồng.",
        [("Cư M’gar", "huyện", "Cư M’gar", "648")],
        "bare-district",
    ),
    # After a title, a full personal name of which the register knows only the first word ("xã Phan") is
    # the title's holder when the article names its xã elsewhere; a commune named after a person, known
    # whole, stays a unit.
    (
        "Ngày 26/1, Thường trực Đảng ủy xã Long Điền tổ chức trao quà. Phó Bí thư Thường trực Đảng ủy xã Phan "
        "Thành Lý đến dự.",
        [("xã Long Điền", "xã", "Long Điền", "31981")],
        "title-holder-not-a-commune",
    ),
    (
        "Ngày 01/12/2023, Tại trường Trung học cơ sở Đào Hữu Cảnh, Ủy ban nhân dân xã Đào Hữu Cảnh tổ chức Mít Tinh.",
        [("xã Đào Hữu Cảnh", "xã", "Đào Hữu Cảnh", "30493")],
        "commune-named-after-a-person",
    ),
    (
        "Chủ tịch UBND phường Hạ Đình Thái Minh Tuấn khẳng định đã không nhận được bất kỳ văn bản nào của quận.",
        [("phường Hạ Đình", "phường", "Hạ Đình", "00373")],
        "title-commune-then-holder-by-middle-name",
    ),
]


@pytest.mark.parametrize(("text", "expected"), table_rows(CASES))
def test_unit(text: str, expected: list) -> None:
    doc = build_document("t.txt", text)
    got = [
        (doc.text[m.start : m.end], m.fields["level"], m.fields["name"], m.fields.get("code"))
        for m in find_all(doc, ["unit"])["unit"]
    ]
    assert got == expected
