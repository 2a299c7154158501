"""Near-duplicate grouping (pipeline/database/neardup.py): precision and recall on copies and non-copies.

Copies: each real bulletin of corpus/real/articles and corpus/*.txt as another site re-posts it,
in four ways seen on district and provincial pages: another heading and a signature, a
sentence added (the district's comment), light edits (the dateline reworded, a word or two
changed, a paragraph's case), and a paragraph dropped with another signature. Non-copies: the
bulletins themselves (many share a site's template and phrases), corpus/totals/ (one template,
different events and wards), and a report template filled for different wards and months.
"""

from __future__ import annotations

import itertools
import random

import pytest

from bantin.pipeline.database import neardup
from tests.conftest import CORPUS

ORIGINALS = sorted(
    p
    for p in [*(CORPUS / "real" / "articles").glob("*.txt"), *CORPUS.glob("*.txt")]
    if len(p.read_text(encoding="utf-8")) > 800  # a copy of a two-line notice is any two-line notice
)
TEMPLATE = """Phường {ward}: sơ kết công tác Mặt trận tháng {month}/{year}

Ngày {day}/{month}/{year}, Ban Thường trực Ủy ban MTTQ Việt Nam phường {ward} tổ chức hội nghị sơ kết \
công tác Mặt trận tháng {month}/{year}. Chủ trì hội nghị có ông {chair}, Chủ tịch Ủy ban MTTQ phường.

Trong tháng, Ban Thường trực đã phối hợp các đoàn thể {activity}. Ban vận động Quỹ Vì người nghèo \
phường vận động được {money} triệu đồng, trao {gifts} suất quà cho hộ {who}.

Phương hướng tháng tới, Mặt trận phường tiếp tục {plan}.

{author}
"""
SLOTS = {
    "ward": ["Tân Quy Đông", "Hiệp Ninh", "An Hòa", "Mỹ Phú", "Bình Thạnh", "Long Tâm"],
    "chair": ["Nguyễn Văn Hòa", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Thị Hồng", "Võ Văn Bé"],
    "activity": [
        "ra quân dọn vệ sinh môi trường tại các tuyến đường chính và khu dân cư",
        "tổ chức thăm hỏi gia đình chính sách nhân ngày Thương binh liệt sĩ",
        "vận động nhân dân hiến đất mở rộng hẻm và lắp đặt đèn chiếu sáng",
        "tuyên truyền phòng chống dịch sốt xuất huyết đến từng hộ gia đình",
        "tổ chức ngày hội đại đoàn kết toàn dân tộc tại các khóm",
    ],
    "who": ["nghèo", "cận nghèo", "có hoàn cảnh khó khăn", "người cao tuổi neo đơn"],
    "plan": [
        "thực hiện cuộc vận động xây dựng đô thị văn minh",
        "giám sát việc thực hiện chính sách an sinh xã hội",
        "chuẩn bị tổ chức đại hội đại biểu các khóm",
        "vận động Quỹ Vì người nghèo dịp cuối năm",
    ],
    "author": ["Tin: Ngọc Hân", "Hữu Nghĩa", "Văn phòng MTTQ phường", "Bảo Ngọc"],
}


def _reports(n: int) -> list[str]:
    rng = random.Random(16)
    texts = []
    for i in range(n):
        values = {k: rng.choice(v) for k, v in SLOTS.items()}
        values |= {"month": i % 12 + 1, "year": 2022 + i // 12, "day": rng.randint(1, 28)}
        values |= {"money": rng.randint(10, 90), "gifts": rng.randint(10, 200)}
        texts.append(TEMPLATE.format(**values))
    return texts


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _copies(text: str, rng: random.Random) -> list[str]:
    paras = _paragraphs(text)
    head, body = paras[0], paras[1:]
    rehead = [f"Thành phố: {head}", *body, "Tin: Trung tâm Văn hóa, Thể thao và Truyền thanh"]
    added = [*paras, "Thời gian qua, công tác này trên địa bàn luôn được cấp ủy, chính quyền quan tâm chỉ đạo."]
    edited_words = " ".join(paras[1:]).split(" ")
    for i in rng.sample(range(len(edited_words)), k=min(4, len(edited_words))):
        edited_words[i] = edited_words[i].upper() if i % 2 else edited_words[i] + ","
    edited = [head.lower(), " ".join(edited_words)]
    longest = max(range(1, len(paras)), key=lambda i: len(paras[i]), default=0)
    dropped = [p for i, p in enumerate(paras) if i != len(paras) - 1 or i == longest] + ["Ban Tuyên giáo"]
    return ["\n\n".join(v) for v in (rehead, added, edited, dropped)]


@pytest.fixture(scope="module")
def grouping() -> tuple[dict[str, str], dict[str, int]]:
    """The canonical article of each test article, and each article's true event."""
    rng = random.Random(7)
    texts: dict[str, str] = {}
    event: dict[str, int] = {}
    for n, path in enumerate(ORIGINALS):
        text = path.read_text(encoding="utf-8")
        for k, version in enumerate([text, *_copies(text, rng)]):
            texts[f"{path.stem}#{k}"] = version
            event[f"{path.stem}#{k}"] = n
    others = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "totals").glob("[acd]*.txt"))]
    for n, text in enumerate([*others, *_reports(36)], start=len(ORIGINALS)):
        texts[f"other{n}"] = text
        event[f"other{n}"] = n
    canonical = neardup.group(
        neardup.Candidate(aid, neardup.signature(text), False, None, len(text)) for aid, text in texts.items()
    )
    return canonical, event


def _precision_recall(canonical: dict[str, str], event: dict[str, int]) -> tuple[float, float]:
    predicted = {(a, b) for a, b in itertools.combinations(sorted(event), 2) if canonical[a] == canonical[b]}
    truth = {(a, b) for a, b in itertools.combinations(sorted(event), 2) if event[a] == event[b]}
    hits = len(predicted & truth)
    return hits / max(1, len(predicted)), hits / max(1, len(truth))


def test_grouping_precision_and_recall(grouping: tuple[dict[str, str], dict[str, int]]) -> None:
    canonical, event = grouping
    precision, recall = _precision_recall(canonical, event)
    print(f"near-duplicates: {len(event)} articles, precision {precision:.3f}, recall {recall:.3f}")
    assert len(ORIGINALS) >= 20
    assert precision >= 0.95
    assert recall >= 0.9


def test_one_template_different_events_do_not_group(grouping: tuple[dict[str, str], dict[str, int]]) -> None:
    canonical, _ = grouping
    others = [aid for aid in canonical if aid.startswith("other")]
    assert len({canonical[aid] for aid in others}) == len(others)


def test_the_canonical_article_is_the_linked_then_the_earliest() -> None:
    import datetime as dt

    text = (CORPUS / "totals" / "b4.txt").read_text(encoding="utf-8")
    sig = neardup.signature(text)
    groups = neardup.group(
        [
            neardup.Candidate("district", sig, False, dt.date(2024, 1, 20), len(text)),
            neardup.Candidate("ward-late", sig, True, dt.date(2024, 1, 26), len(text)),
            neardup.Candidate("ward", sig, True, dt.date(2024, 1, 25), len(text)),
        ]
    )
    assert set(groups.values()) == {"ward"}
