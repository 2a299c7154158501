"""The spaCy Doc must reproduce the article text exactly, whatever its whitespace and symbols."""

from __future__ import annotations

from pathlib import Path

import pytest

from bantin.pipeline.text.document import build_document
from bantin.pipeline.text.nlp import AlignmentError, align_words
from bantin.pipeline.text.segment import is_hard_wrapped
from tests.conftest import CORPUS_FILES

HOSTILE = [
    "Phường  6   tổ chức\t\thội nghị.",
    "Tham dự có lãnh đạo Đảng ủy, UBND, Ủy ban\nMTTQ Việt Nam, các đoàn thể phường…",
    "Biện\nVăn Long, Phó trưởng Công an quận;",
    "Chúc mừng 🎉🎉 năm mới 2023 👍",
    "phong trào thi đua “” Dân vận khéo” và \"Dân vận khéo\" và «Dân vận» và 'x'",
    "   dẫn đầu bằng khoảng trắng và kết thúc bằng xuống dòng\n\n\n",
    "Uỷ ban nhân dân phường Hoà Bình – Thuỷ lợi",
    "\n",
    "a\r b",
    "Số tiền:\u00a0575\u00a0triệu đồng\u2009(ước tính)",
    "Dòng 1\n\n\n\nDòng 2\n \n\t\nDòng 3",
    "x" * 300 + " " + "y" * 300,
]


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_doc_text_round_trips(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = build_document(str(path), text)
    assert document.doc.text == text
    for token in document.doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_round_trip(text: str) -> None:
    document = build_document("hostile.txt", text)
    assert document.doc.text == text
    for sent in document.doc.sents:
        assert text[sent.start_char : sent.end_char] == sent.text


def test_multi_syllable_words_are_single_tokens() -> None:
    text = "Đồng chí Nguyễn Thị Tuyết Mai tham dự hội nghị tại Việt Nam."
    words = [t.text for t in build_document("t.txt", text).doc if not t.is_space]
    assert "Việt Nam" in words
    assert "hội nghị" in words


def test_alignment_survives_tone_placement_rewrite() -> None:
    # underthesea rewrites "Hoà" as "Hòa"; the span must still cover the article's own letters.
    text = "phường Hoà Bình"
    spans = align_words(text, 0, len(text), ["phường", "Hòa Bình"])
    assert [text[s.start : s.end] for s in spans] == ["phường", "Hoà Bình"]


def test_alignment_rejects_words_that_are_not_in_the_text() -> None:
    with pytest.raises(AlignmentError):
        align_words("phường Hiệp Ninh", 0, 16, ["phường", "Tân Quy"])


def test_sentences_follow_hard_wrapped_lines() -> None:
    text = (CORPUS_FILES[0]).read_text(encoding="utf-8")
    document = build_document("000.txt", text)
    first = document.sentences.spans[0]
    assert text[first.start : first.end] == (
        "Ngày 31/3/2023, Đảng ủy Phường 6 tổ chức\nphát động phong trào thi đua “Dân vận khéo”."
    )


WRAPPED_LONG_LINES = (
    "Thành phố Bà Rịa: Công tác dân vận 9 tháng năm 2024 đạt nhiều kết quả nổi bật\n\n"
    "Ngày 04/10, Ban Dân vận Thành ủy Bà Rịa sơ kết công tác dân vận 9 tháng năm 2024, triển khai\n"
    "nhiệm vụ quý IV. Dự có đồng chí Nguyễn Thị Thu Hằng, Phó Bí thư Thường trực Thành ủy, Chủ\n"
    "tịch HĐND thành phố. Thành ủy biểu dương các mô hình của khu phố 3, phường\n"
    "Long Hương và của Đoàn Thanh niên phường Kim Dinh với nhiều cách làm hay, sáng tạo\n"
    "trong vận động nhân dân. Bí thư Đảng ủy xã Hòa Long chia sẻ cách vận động 46 hộ dân ở ấp\n"
    "Bắc bàn giao mặt bằng sớm 15 ngày.\n"
)
PARAGRAPH_LINES = (
    "Tiêu đề bài viết về công tác dân vận\n\n"
    "Đoạn thứ nhất nói về hội nghị sơ kết công tác dân vận của phường trong sáu tháng đầu năm nay.\n\n"
    "Đoạn thứ hai nói về các mô hình hay được biểu dương và nhân rộng trong toàn phường năm nay\n\n"
    "Đoạn thứ ba nói về phương hướng, nhiệm vụ trọng tâm của sáu tháng cuối năm 2024 của phường.\n\n"
    "Đoạn thứ tư nói về các đơn vị và cá nhân được khen thưởng tại hội nghị sơ kết lần này.\n\n"
    "Đoạn thứ năm kết thúc bài viết với lời cảm ơn các đại biểu đã về dự hội nghị sơ kết.\n"
)


@pytest.mark.parametrize(
    ("text", "wrapped"),
    [(WRAPPED_LONG_LINES, True), (PARAGRAPH_LINES, False)],
    ids=["lines-over-90-chars-going-on-in-lower-case", "one-paragraph-per-line"],
)
def test_layout_is_judged_by_lines_that_break_mid_sentence(text: str, wrapped: bool) -> None:
    assert is_hard_wrapped(text) is wrapped


def test_a_unit_whose_name_wraps_to_the_next_line_is_one_unit() -> None:
    from bantin.extractors import find_all

    document = build_document("wrapped.txt", WRAPPED_LONG_LINES)
    found = {WRAPPED_LONG_LINES[m.start : m.end] for m in find_all(document, ["unit"])["unit"]}
    assert {"phường\nLong Hương", "ấp\nBắc", "phường Kim Dinh", "xã Hòa Long"} <= found


WRAPPED_WITH_DATELINE = (
    "Xã Phước Vĩnh An sơ kết công tác dân vận 6 tháng đầu năm 2024\n"
    "Thứ năm - 18/07/2024 15:30 241 0\n"
    "Chiều ngày 17/7, Đảng ủy xã Phước Vĩnh An tổ chức hội nghị sơ kết công tác dân\n"
    "vận 6 tháng đầu năm 2024. Dự hội nghị có ông Huỳnh Văn Lộc, Phó Trưởng Ban\n"
    "Dân vận Huyện ủy Củ Chi, TP Hồ\nChí Minh; đoàn viên các ấp tham gia đông đủ.\n"
    "• Khen thưởng và ra mắt mô hình\n"
    "Tại hội nghị, Ủy ban MTTQ xã trao Giấy khen cho 12 hộ gia đình tiêu biểu trong\n"
    "phong trào thi đua của xã năm 2024 và ra mắt các mô hình mới của xã.\n"
)


def test_a_dateline_and_a_heading_stand_apart_from_a_wrapped_body() -> None:
    document = build_document("wrapped.txt", WRAPPED_WITH_DATELINE)
    sentences = [WRAPPED_WITH_DATELINE[s.start : s.end] for s in document.content_sentences()]
    assert sentences[0] == "Xã Phước Vĩnh An sơ kết công tác dân vận 6 tháng đầu năm 2024"
    assert sentences[1].startswith("Chiều ngày 17/7, Đảng ủy xã Phước Vĩnh An")
    assert "• Khen thưởng và ra mắt mô hình" in sentences
    assert any(s.startswith("Tại hội nghị, Ủy ban MTTQ xã") for s in sentences)


def test_an_abbreviated_unit_whose_name_wraps_is_one_unit() -> None:
    from bantin.extractors import find_all

    document = build_document("wrapped.txt", WRAPPED_WITH_DATELINE)
    units = find_all(document, ["unit"])["unit"]
    found = {(WRAPPED_WITH_DATELINE[m.start : m.end], m.fields["name"]) for m in units}
    assert ("TP Hồ\nChí Minh", "Hồ Chí Minh") in found
