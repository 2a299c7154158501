"""Signature lines ending an article, table-driven: who the article's authors are.

Each case is the tail of a real bulletin (the lines after its body), or a line of the same shape that
must sign for no one. The body before it is a few plain sentences.
"""

from __future__ import annotations

import pytest

from bantin.pipeline.text.metadata import extract_metadata
from tests.tables import table_rows

BODY = "Tiêu đề\nNội dung một của bài viết.\nNội dung hai của bài viết.\n"

# (tail, authors)
CASES: list = [
    # A name, a slash, the outlet the writer works for: the name alone is the author.
    ("Thương Huyền/ baoquangbinh.vn", ["Thương Huyền"], "name-slash-newspaper-site"),
    (
        " " * 54 + "Thu Trang/ Đài TT-TH huyện Ngọc Hồi",
        ["Thu Trang"],
        "right-aligned-name-slash-district-station",
    ),
    ("Thu Hòa/VOV4", ["Thu Hòa"], "name-slash-outlet-no-space"),
    ("THU HÀ/VOV", ["THU HÀ"], "capitals-name-slash-outlet"),
    ("BTV Lê Hà/ VTV", ["Lê Hà"], "role-name-slash-outlet"),
    # The outlet in parentheses after a name in capitals.
    ("T. NGUYỆT (ĐTT)", ["T. NGUYỆT"], "capitals-initial-name-outlet-in-parentheses"),
    # A role before the name, a full stop after it; a right-aligned line.
    (" " * 124 + "CTV Phương Thảo.", ["Phương Thảo"], "right-aligned-role-name-full-stop"),
    ("PV Minh Anh - Thu Hà", ["Minh Anh", "Thu Hà"], "role-before-two-names"),
    ("Phóng viên Nguyễn Văn Bình", ["Nguyễn Văn Bình"], "role-in-words-before-name"),
    ("CTV PHƯƠNG THẢO", ["PHƯƠNG THẢO"], "role-before-capitals-name"),
    # An organisation as the only credit line signs as written, its "&" and dashes kept.
    ("Trung tâm VHTT&TT Yen Thành", ["Trung tâm VHTT&TT Yen Thành"], "centre-abbreviation-place"),
    (
        "Trung tâm Văn hóa - Thể thao và Truyền thanh huyện Tân Biên",
        ["Trung tâm Văn hóa - Thể thao và Truyền thanh huyện Tân Biên"],
        "centre-full-name-with-dash-and-district",
    ),
    ("Đài TT-TH A Lưới", ["Đài TT-TH A Lưới"], "station-abbreviation-place"),
    ("Đài Truyền thanh xã Hòa An", ["Đài Truyền thanh xã Hòa An"], "station-commune"),
    (
        "Phòng Văn hóa và Thông tin huyện Yên Thành",
        ["Phòng Văn hóa và Thông tin huyện Yên Thành"],
        "office-district",
    ),
    ("Hội LHPN Tân Phong", ["Hội LHPN Tân Phong"], "association-abbreviation-place"),
    ("Tác giả: Trung tâm VHTT&TT Yên Thành", ["Trung tâm VHTT&TT Yên Thành"], "labelled-centre"),
    # Under a name line the organisation is the writer's unit: the name signs.
    ("Thu Trang\nĐài TT-TH huyện Ngọc Hồi", ["Thu Trang"], "name-then-station-line"),
    ("CTV Phương Thảo\nTrung tâm VHTT huyện Yên Thành", ["Phương Thảo"], "role-name-then-centre-line"),
    # Lines of the same shapes that sign for no one.
    ("TTXVN/VOV", [], "two-outlets-no-writer"),
    ("Tổng kinh phí 21 triệu đồng/ suất.", [], "sentence-with-a-slash"),
    ("Ngày 20/11/2023", [], "a-date"),
    ("Phòng chống tác hại của thuốc lá tại xã Tân Phong", [], "kind-word-as-a-verb"),
    ("Trung tâm hành chính xã Tân Phong", [], "centre-of-a-commune-is-a-place"),
    ("Trung tâm y tế huyện Yên Thành", [], "centre-with-no-capitalised-name"),
    ("Nhà văn hóa thôn Đông", [], "a-building"),
    ("Hội Nông dân thành phố", [], "body-without-its-place-name"),
    # A photo credit: the role before the name is no part of it.
    ("Lãnh đạo xã trao quà cho hội viên. Ảnh: CTV Ngọc Ánh", ["Ngọc Ánh"], "caption-credit-with-role"),
    ("Nội dung ba (Ảnh: PV Minh Tấn) của bài.", ["Minh Tấn"], "photo-credit-with-role"),
]


@pytest.mark.parametrize(("tail", "authors"), table_rows(CASES))
def test_signature(tail: str, authors: list[str]) -> None:
    text = BODY + tail
    meta = extract_metadata(text)
    assert meta.authors == authors
    for span, name in zip(meta.author_spans, authors, strict=False):
        assert text[span.start : span.end] == name
