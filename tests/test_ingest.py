"""Ingest: accepted encodings, normalisation, and every bad input reported, never fatal."""

from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path

import pytest

from bantin.pipeline.ingest.inputs import (
    IngestError,
    InputItem,
    decode_with_encoding,
    read_item,
    walk_inputs,
)
from tests.conftest import CORPUS_FILES, extract


def decode(data: bytes, source: str) -> str:
    return decode_with_encoding(data, source)[0]


SAMPLE = "Ngày 31/3/2023, Đảng ủy Phường 6 tổ chức hội nghị với kinh phí 670 triệu đồng."


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # Python writes the BOM
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        unicodedata.normalize("NFD", SAMPLE).encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-le-bom", "utf16-be-bom", "nfd"],
)
def test_accepted_encodings_give_the_same_nfc_text(data: bytes) -> None:
    assert decode(data, "x.txt") == SAMPLE


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\n\r\nb", "a\n\nb"), ("a\nb", "a\nb")],
)
def test_newlines_are_normalised(raw: str, expected: str) -> None:
    assert decode(raw.encode("utf-8"), "x.txt") == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 10, "binary"),
        ("Phường Hiệp Ninh".encode("cp1258", errors="replace") + b"\xff\xfe\xfa", "not valid UTF-8"),
        (b"Ph\xc6\xb0\xe1\xbb", "truncated UTF-8"),
        (b"Gr\xfc\xdfe aus M\xfcnchen und viele W\xfcnsche", "not Vietnamese in Windows-1258, TCVN3 or VNI"),
    ],
    ids=["empty", "whitespace", "png", "control-bytes", "latin-bytes", "truncated-utf8", "german-latin1"],
)
def test_bad_inputs_raise_a_clear_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        decode(data, "bad.txt")
    assert reason in info.value.reason
    assert info.value.source == "bad.txt"


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_item(InputItem(str(tmp_path / "absent.txt")))


def test_folders_expand_recursively_to_input_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in [
        "a/1.txt",
        "a/b/2.txt",
        "a/b/page.html",
        "a/b/old.HTM",
        "a/pages.jsonl",
        "a/skip.pdf",
        "3.txt",
    ]:
        (tmp_path / name).write_text(SAMPLE, encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p, _ in walk_inputs([tmp_path, tmp_path / "3.txt"])]
    assert found == ["3.txt", "a/1.txt", "a/b/2.txt", "a/b/old.HTM", "a/b/page.html", "a/pages.jsonl"]


def test_one_bad_file_among_good_ones_loses_nothing(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    for path in CORPUS_FILES:
        (inbox / path.name).write_bytes(path.read_bytes())
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (inbox / "latin1.txt").write_bytes("Hội nghị ở phường".encode()[:-1] + b"\xe9\xe8")

    out = tmp_path / "out"
    batch = extract([inbox], out)

    assert batch.summary.inputs == len(CORPUS_FILES) + 3
    assert sorted(Path(a["source"]).name for a in batch.articles) == [p.name for p in CORPUS_FILES]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    by_file = {Path(e["source"]).name: e for e in errors}
    assert set(by_file) == {"empty.txt", "binary.txt", "latin1.txt"}
    assert all(e["stage"] == "ingest" and e["reason"] for e in errors)
    assert "empty" in by_file["empty.txt"]["reason"]
    assert "binary" in by_file["binary.txt"]["reason"]
    assert "UTF-8" in by_file["latin1.txt"]["reason"]


def test_identical_articles_become_one_listing_both_sources(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(CORPUS_FILES[2].read_bytes())
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF8 + CORPUS_FILES[2].read_bytes())
    batch = extract([tmp_path], tmp_path / "out")
    [article] = batch.articles
    assert [Path(s).name for s in article["sources"]] == ["a.txt", "b.txt"]
    assert Path(article["source"]).name == "a.txt"
    assert len({r["record_id"] for r in batch.records}) == len(batch.records)
    assert batch.errors == []
