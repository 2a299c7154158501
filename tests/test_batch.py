"""Batch at scale: legacy encodings, HTML and JSONL inputs, merged duplicates, workers, resume, bad inputs."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bantin.pipeline.ingest.encodings import (
    decode_bytes,
    tcvn3_to_unicode,
    unicode_to_cp1258,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)
from bantin.pipeline.ingest.inputs import iter_inputs
from bantin.pipeline.run.batch import JOURNAL, JOURNAL_DIR, RunConfig, run_to_dir
from tests.conftest import CORPUS_FILES, ROOT, extract

SENTENCES = [
    "Sáng ngày 12/7, Đảng ủy phường Tân Quy Đông tổ chức hội nghị sơ kết công tác dân vận.",
    "Hội Liên hiệp Phụ nữ phường trao 100 suất quà cho hộ nghèo, khó khăn, neo đơn.",
    "Phong trào thi đua “Dân vận khéo” được triển khai sâu rộng trong các tầng lớp nhân dân.",
    "Ủy ban Mặt trận Tổ quốc Việt Nam phường vận động được hơn 575 triệu đồng.",
    "Chương trình “Buổi sáng nghĩa tình” tặng 150 suất điểm tâm sáng miễn phí.",
    "Đoàn thanh niên ra mắt mô hình “Đồng phục chắp cánh ước mơ” cho học sinh nghèo.",
    "Khu phố 3 xây dựng tuyến đường sáng, xanh, sạch, đẹp với tổng kinh phí 320 triệu đồng.",
    "Cựu chiến binh giúp nhau giảm nghèo, làm kinh tế giỏi, nuôi dạy con cháu thành người có ích.",
    "Trong 6 tháng đầu năm 2023, toàn phường có 2.676 lượt người tham dự các buổi tuyên truyền.",
    "Ông Lê Hoàng Linh, Phó Bí thư Thường trực Đảng ủy, phát biểu chỉ đạo hội nghị.",
]
# TCVN3 has no precomposed upper-case letters with tones (they came from separate fonts).
TCVN3_SENTENCES = [s.replace("Ủy", "ủy").replace("Ông", "ông").replace("Đảng", "đảng") for s in SENTENCES]
# Font-encoded files came from Windows: curly quotes are cp1252 bytes.
CP1252_QUOTES = {"“": b"\x93", "”": b"\x94"}


def _latin1(text: str) -> bytes:
    return b"".join(CP1252_QUOTES.get(ch) or ch.encode("latin-1") for ch in text)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_windows_1258_bytes(sentence: str) -> None:
    assert decode_bytes(unicode_to_cp1258(sentence) * 3) == (sentence * 3, "windows-1258")


@pytest.mark.parametrize("sentence", TCVN3_SENTENCES)
def test_tcvn3_bytes_and_tcvn3_text_saved_as_utf8(sentence: str) -> None:
    font_text = unicode_to_tcvn3(sentence)
    assert decode_bytes(_latin1(font_text)) == (sentence, "tcvn3")
    assert decode_bytes(font_text.encode("utf-8")) == (sentence, "tcvn3 (in utf-8)")


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vni_bytes_and_vni_text_saved_as_utf8(sentence: str) -> None:
    font_text = unicode_to_vni(sentence)
    assert decode_bytes(_latin1(font_text)) == (sentence, "vni")
    assert decode_bytes(font_text.encode("utf-8")) == (sentence, "vni (in utf-8)")


@pytest.mark.parametrize(
    ("convert", "written", "expected"),
    [
        (vni_to_unicode, "Xin chaøo caùc baïn", "Xin chào các bạn"),
        (vni_to_unicode, "Tieáng Vieät raát hay", "Tiếng Việt rất hay"),
        (tcvn3_to_unicode, "TiÕng ViÖt rÊt hay", "Tiếng Việt rất hay"),
        (tcvn3_to_unicode, "B¶o Th¾ng", "Bảo Thắng"),
        (tcvn3_to_unicode, "M\xadêng Kh\xad¬ng", "Mường Khương"),
    ],
)
def test_tables_on_text_written_by_other_tools(convert, written: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert convert(written) == expected


@pytest.mark.parametrize("sentence", SENTENCES[:3])
def test_unicode_text_is_left_alone(sentence: str) -> None:
    assert decode_bytes(sentence.encode("utf-8")) == (sentence, "utf-8")


def test_article_says_which_encoding_was_found(tmp_path: Path) -> None:
    text = "\n".join(TCVN3_SENTENCES)
    (tmp_path / "old.txt").write_bytes(_latin1(unicode_to_tcvn3(text)))
    (tmp_path / "win.txt").write_bytes(unicode_to_cp1258(text.upper()))
    batch = extract([tmp_path], tmp_path / "out")
    found = {Path(a["source"]).name: (a["encoding"], a["text"]) for a in batch.articles}
    assert found["old.txt"] == ("tcvn3", text)
    assert found["win.txt"] == ("windows-1258", text.upper())
    assert any(r["kind"] == "money" and r["amount"] == 575_000_000 for r in batch.records)


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Phường 6 ra mắt mô hình | Cổng thông tin điện tử</title>
<link rel="canonical" href="https://phuong6.example.gov.vn/tin-tuc/ra-mat-mo-hinh-123.html">
<meta name="author" content="Minh Chiến">
<meta property="article:published_time" content="2023-07-12T08:00:00+07:00"></head>
<body><nav><a href="/">Trang chủ</a> | <a href="/gt">Giới thiệu</a> | <a href="/lh">Liên hệ</a></nav>
<article><h1>Phường 6 ra mắt mô hình “Đồng phục chắp cánh ước mơ”</h1>
<p>Sáng ngày 12/7, Đảng ủy Phường 6 tổ chức ra mắt mô hình “Đồng phục chắp cánh ước mơ” với tổng kinh
phí 50 triệu đồng, trao 120 bộ đồng phục cho học sinh thuộc hộ nghèo, cận nghèo trên địa bàn.</p>
<p>Tham dự có đồng chí Nguyễn Văn An, Bí thư Đảng ủy phường, cùng đại diện các ban ngành, đoàn thể.</p>
</article><footer>Bản quyền © 2023 UBND Phường 6. Lượt truy cập: 12345</footer></body></html>"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection or name lookup fails, in this process and the workers it forks (whose pipes are
    socket pairs: sockets are made, never connected)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)


def test_html_page_offline(tmp_path: Path, no_network: None) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    batch = extract([tmp_path], tmp_path / "out")
    [article] = batch.articles
    assert article["source"] == "https://phuong6.example.gov.vn/tin-tuc/ra-mat-mo-hinh-123.html"
    assert article["title"] == "Phường 6 ra mắt mô hình “Đồng phục chắp cánh ước mơ”"
    assert article["published"] == "2023-07-12"
    assert article["authors"] == ["Minh Chiến"]
    assert "Trang chủ" not in article["text"] and "Lượt truy cập" not in article["text"]
    kinds = {(r["kind"], r["text"]) for r in batch.records}
    assert ("money", "50 triệu đồng") in kinds
    assert {r["title"] for r in batch.records if r["kind"] == "model"} == {"Đồng phục chắp cánh ước mơ"}
    for r in batch.records:
        assert article["text"][r["start"] : r["end"]] == r["text"]


def test_jsonl_pages(tmp_path: Path, no_network: None) -> None:
    lines = [
        {"url": "https://a.example.vn/1", "html": PAGE},
        {
            "url": "https://a.example.vn/2",
            "text": SENTENCES[3],
            "title": "Vận động quỹ",
            "published": "2023-05-02",
        },
        {"url": "https://b.example.vn/copy-of-2", "text": SENTENCES[3], "title": "Vận động quỹ"},
        {"url": "https://a.example.vn/3"},
    ]
    raw = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n{not json\n"
    (tmp_path / "pages.jsonl").write_text(raw, encoding="utf-8")
    batch = extract([tmp_path], tmp_path / "out")
    assert [a["source"] for a in batch.articles] == ["https://a.example.vn/1", "https://a.example.vn/2"]
    second = batch.articles[1]
    assert second["published"] == "2023-05-02" and second["title"] == "Vận động quỹ"
    assert second["sources"] == ["https://a.example.vn/2", "https://b.example.vn/copy-of-2"]
    reasons = {e["source"]: e["reason"] for e in batch.errors}
    assert "neither 'html' nor 'text'" in reasons[f"{tmp_path / 'pages.jsonl'}:4"]
    assert "not a JSON object" in reasons[f"{tmp_path / 'pages.jsonl'}:5"]


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_workers_give_byte_identical_outputs(tmp_path: Path) -> None:
    items = list(iter_inputs(CORPUS_FILES))
    one = run_to_dir(items, tmp_path / "one", RunConfig(), workers=1)
    two = run_to_dir(items, tmp_path / "two", RunConfig(), workers=2)
    assert one.articles == two.articles == 5
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")


def _make_inbox(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        body = SENTENCES[i % len(SENTENCES)]
        text = f"Bản tin số {i} của phường\n\n{body} Có {i + 3} hộ được hỗ trợ {i + 1} triệu đồng.\n"
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")


def _extract(inbox: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bantin.pipeline.cli", "extract", str(inbox), "--out", str(out), "-q", *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_killed_run_resumes_to_complete_outputs(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    _make_inbox(inbox, 60)
    clean = _extract(inbox, tmp_path / "clean", "--workers", "1")
    assert clean.wait(timeout=300) == 0, clean.stderr.read() if clean.stderr else ""

    out = tmp_path / "killed"
    run = _extract(inbox, out, "--workers", "1")
    journal = out / JOURNAL_DIR / JOURNAL
    deadline = time.time() + 120
    while time.time() < deadline:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 10:
            break
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL
    assert not (out / "records.jsonl").exists()  # nothing half-written looks complete
    with journal.open("ab") as fh:  # as if the kill had cut a line in half
        fh.write(b'{"input": "torn')

    resumed = _extract(inbox, out, "--workers", "2", "--resume")
    assert resumed.wait(timeout=300) == 0, resumed.stderr.read() if resumed.stderr else ""
    for name in ("articles.jsonl", "records.jsonl", "errors.jsonl"):
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes(), name
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len({r["record_id"] for r in records}) == len(records)


def test_resume_skips_done_articles(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    _make_inbox(inbox, 8)
    items = list(iter_inputs([inbox]))
    first = run_to_dir(items[:5], tmp_path / "out", RunConfig(), workers=1)
    again = run_to_dir(items, tmp_path / "out", RunConfig(), workers=1, resume=True)
    assert (first.done, again.skipped, again.done, again.articles) == (5, 5, 3, 8)


def test_thousand_files_with_ten_bad_ones(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    _make_inbox(inbox, 990)
    bad = {
        "bad-binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "bad-nul.txt": "Phường 6\x00\x00 tổ chức".encode(),
        "bad-empty.txt": b"",
        "bad-blank.txt": b" \n\t \n",
        "bad-truncated.txt": "Phường Hiệp Ninh tổ chức hội nghị".encode()[:-1],
        "bad-controls.txt": bytes(range(1, 9)) * 50,
        "bad-latin1.txt": b"Gr\xfc\xdfe aus M\xfcnchen und viele W\xfcnsche an alle",
        "bad-huge.txt": b"a" * 50_000_000,
        "bad-page.html": b"<html><body><script>var x = 1;</script></body></html>",
        "bad-lines.jsonl": b'{"url": "https://x.example.vn/1"}\n',
    }
    for name, data in bad.items():
        (inbox / name).write_bytes(data)
    items = list(iter_inputs([inbox]))
    assert len(items) == 1000
    summary = run_to_dir(items, tmp_path / "out", RunConfig(), workers=2)
    assert (summary.articles, summary.errors) == (990, 10)
    errors = [
        json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text("utf-8").splitlines()
    ]
    assert {Path(e["source"].split(":")[0]).name for e in errors} == set(bad)
    reasons = {Path(e["source"].split(":")[0]).name: e["reason"] for e in errors}
    assert "too large" in reasons["bad-huge.txt"]
    assert "truncated UTF-8" in reasons["bad-truncated.txt"]
    assert "no article text" in reasons["bad-page.html"]
    articles = (tmp_path / "out" / "articles.jsonl").read_text("utf-8").splitlines()
    assert len(articles) == 990
