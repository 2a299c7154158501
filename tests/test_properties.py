"""Property-based: the whole per-article extraction on random text and on mangled bulletins.

It must never raise (no extractor failure reported either), and every record it
produces must carry valid evidence: `text[start:end] == record.text`.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bantin.extractors import registry
from bantin.pipeline.ingest.inputs import normalise
from bantin.pipeline.run.article import process_document
from bantin.pipeline.text.document import build_document
from tests.conftest import CORPUS_FILES

CORPUS_TEXTS = [p.read_text(encoding="utf-8") for p in CORPUS_FILES]
EXTRACTORS = registry()
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

# Vietnamese letters, digits, the punctuation and quotes of bulletins, whitespace.
ALPHABET = st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
    + list("0123456789.,;:!?()-–/%“”\"'«» \n\t…")
)


def _check(text: str) -> None:
    text = normalise(text)
    document = build_document("prop.txt", text)
    result = process_document(document, EXTRACTORS)
    assert [e for e in result.errors if e["stage"] == "extract"] == []
    for record in result.records:
        assert 0 <= record["start"] < record["end"] <= len(text)
        assert text[record["start"] : record["end"]] == record["text"]


@SETTINGS
@given(st.text(ALPHABET, max_size=600))
def test_random_vietnamese_text(text: str) -> None:
    _check(text)


@SETTINGS
@given(st.text(max_size=300))
def test_random_unicode_text(text: str) -> None:
    _check(text)


@st.composite
def mangled_bulletins(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(CORPUS_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        n = len(text)
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 400)))
        operation = draw(st.sampled_from(["cut", "duplicate", "newlines", "quotes", "truncate"]))
        if operation == "cut":
            text = text[:a] + text[b:]
        elif operation == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        elif operation == "newlines":
            text = text[:a] + "\n" * draw(st.integers(1, 3)) + text[a:]
        elif operation == "quotes":
            text = text[:a] + text[a:b].replace("“", '"').replace("”", "“") + text[b:]
        else:
            text = text[:b]
    return text


@SETTINGS
@given(mangled_bulletins())
def test_mangled_bulletins(text: str) -> None:
    _check(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "“", "”“", "0", "năm", "Phường", "1/1", "%", "đồng"])
def test_tiny_inputs(text: str) -> None:
    _check(text)
