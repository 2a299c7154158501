"""spaCy used for real: the Doc's tokens are the Document's words, records as `doc.spans["bantin"]`,
the registered component and tokenizer, `bantin show` and the audit's links to its pages."""

from __future__ import annotations

import html as html_lib
import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from bantin.pipeline.check.audit import load_outputs, run_audit
from bantin.pipeline.check.audit_report import write_audit
from bantin.pipeline.cli import app
from bantin.pipeline.run.spacy_component import _BLOCK_TOKENS, _blocks, render_show
from bantin.pipeline.text.document import build_document
from bantin.pipeline.text.nlp import SPANS_KEY, attach_records

runner = CliRunner()
TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "bantin.Tokenizer.v1"}}}

# Text → its words, as bantin's segmenter gives them (multi-syllable words are one token).
WORDS = [
    (
        "Học sinh trường THCS Phường 6 được tặng 120 suất quà.",
        ["Học sinh", "trường", "THCS", "Phường", "6", "được", "tặng", "120", "suất", "quà", "."],
    ),
    (
        "Đảng ủy xã Tân Phong tổ chức hội nghị ngày 12/7/2023.",
        ["Đảng", "ủy", "xã", "Tân Phong", "tổ chức", "hội nghị", "ngày", "12/7/2023", "."],
    ),
    (
        "Tổng kinh phí 1.500.000.000 đồng, đạt 105%.",
        ["Tổng", "kinh phí", "1.500.000.000", "đồng", ",", "đạt", "105", "%", "."],
    ),
    # Text between sentences (a table's rule) is split as a sentence the segmenter cannot read.
    (
        "Tin phường\n|\nĐoàn viên thanh niên ra quân.",
        ["Tin", "phường", "|", "Đoàn viên", "thanh niên", "ra quân", "."],
    ),
    # Runs of whitespace are tokens of their own, never words.
    ("Phường  6\n\n\ntrao   quà .", ["Phường", "6", "trao", "quà", "."]),
]


@pytest.mark.parametrize(("text", "words"), WORDS)
def test_the_docs_tokens_are_the_documents_words(text: str, words: list[str]) -> None:
    document = build_document("t.txt", text)
    assert document.doc.text == text
    assert [t.text for t in document.doc if not t.is_space] == words
    starts, ends = document.words
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == words
    assert document.word_ends == dict(zip(starts, ends, strict=True))


ARTICLE = (
    "Phường 6 tổ chức hội nghị ngày 12/7/2023 với 120 đại biểu.\n\n"
    "Hội Phụ nữ phường trao 2 tấn gạo và 15.000.000 đồng cho hộ nghèo."
)


def test_a_blank_vietnamese_pipeline_with_the_component_gives_records_as_spans() -> None:
    nlp = spacy.blank("vi", config=TOKENIZER)
    nlp.add_pipe("bantin")
    doc = nlp(ARTICLE)
    assert doc.text == ARTICLE
    assert [t.text for t in doc if not t.is_space] == [
        t.text for t in build_document("t.txt", ARTICLE).doc if not t.is_space
    ]
    found = {(s.label_, s.text) for s in doc.spans[SPANS_KEY]}
    assert {
        ("unit", "Phường 6"),
        ("date", "12/7/2023"),
        ("count", "120 đại biểu"),
        ("measure", "2 tấn gạo"),
        ("money", "15.000.000 đồng"),
    } <= found
    for span in doc.spans[SPANS_KEY]:
        record = span._.record
        assert record["kind"] == span.label_
        assert ARTICLE[record["start"] : record["end"]] == record["text"]
        assert span.start_char <= record["start"] and record["end"] <= span.end_char
    money = next(s._.record for s in doc.spans[SPANS_KEY] if s.label_ == "money")
    assert money["amount"] == 15_000_000
    assert doc.user_data["bantin.article"]["article_id"] == money["article_id"]


def test_the_component_replaces_spacys_own_syllable_split() -> None:
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    assert "đại biểu" not in [t.text for t in nlp.make_doc(ARTICLE)]
    nlp.add_pipe("bantin")
    doc = nlp(ARTICLE)
    assert "đại biểu" in [t.text for t in doc]
    assert {s.label_ for s in doc.spans[SPANS_KEY]} >= {"unit", "date", "count", "measure", "money"}


def test_spacy_finds_the_component_and_tokenizer_by_their_entry_points() -> None:
    """A fresh process that never imports bantin: spaCy loads both names from the package's metadata."""
    script = (
        "import spacy, sys\n"
        "assert not any(m.startswith('bantin') for m in sys.modules)\n"
        f"nlp = spacy.blank('vi', config={TOKENIZER!r})\n"
        "nlp.add_pipe('bantin')\n"
        "doc = nlp('Phường 6 trao 2 tấn gạo.')\n"
        "print(sorted(s.label_ for s in doc.spans['bantin']))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['measure', 'unit']"


def test_two_records_over_the_same_words_keep_their_own_record() -> None:
    document = build_document("t.txt", "Trao 2 tấn gạo.")
    records = [
        {"kind": "count", "start": 5, "end": 14, "text": "2 tấn gạo", "value": 2},
        {"kind": "measure", "start": 5, "end": 14, "text": "2 tấn gạo", "value": 2, "unit": "tấn"},
        {"kind": "measure", "start": 6, "end": 6, "text": "", "value": 0},  # touches no word: no span
    ]
    group = attach_records(document.doc, records)
    assert [(s.label_, s.text, s._.record) for s in group] == [
        ("count", "2 tấn gạo", records[0]),
        ("measure", "2 tấn gạo", records[1]),
    ]
    # A span that is not one of bantin's has no record.
    assert document.doc[0:1]._.record is None


def test_show_writes_a_page_with_the_kinds_and_the_evidence(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["show", str(article), "--out", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html and "http" not in html.replace("http-equiv", "")
    for kind, evidence in (("unit", "Phường 6"), ("money", "15.000.000 đồng"), ("measure", "2 tấn gạo")):
        assert f"\n        {kind}\n" in html  # displaCy's label of a span
        assert f"<td>{kind}</td><td>{evidence}</td>" in html
    printed = runner.invoke(app, ["show", str(article)])
    assert printed.exit_code == 0 and printed.stdout == html


def test_show_of_a_missing_file_fails(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(tmp_path / "none.txt")])
    assert result.exit_code == 2


def test_a_long_paragraph_is_drawn_in_blocks_never_inside_a_span() -> None:
    text = "Tin phường\n\n" + "Hội trao 2 tấn gạo, " * 200
    nlp = spacy.blank("vi", config=TOKENIZER)
    nlp.add_pipe("bantin")
    doc = nlp(text)
    blocks = _blocks(doc)
    assert len(blocks) > 2
    assert "".join(b["text"] for b in blocks).strip() == text.strip()
    assert all(len(b["tokens"]) <= _BLOCK_TOKENS + 1 for b in blocks)
    drawn = [" ".join(b["tokens"][m["start_token"] : m["end_token"]]) for b in blocks for m in b["spans"]]
    assert drawn == [" ".join(t.text for t in s) for s in sorted(doc.spans[SPANS_KEY], key=lambda s: s.start)]
    assert render_show([doc]).count("2 tấn gạo") >= 200


def test_the_audit_page_links_each_article_to_its_show_page(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(inbox), "--out", str(out), "-q"]).exit_code == 0
    result = runner.invoke(app, ["audit", str(out)])
    assert result.exit_code == 0, result.output
    article_id = json.loads((out / "articles.jsonl").read_text(encoding="utf-8"))["article_id"]
    audit = (out / "audit.html").read_text(encoding="utf-8")
    assert f'<a href="show/{article_id}.html">' in audit
    show = (out / "show" / f"{article_id}.html").read_text(encoding="utf-8")
    assert "<td>money</td><td>15.000.000 đồng</td>" in show
    # Without the outputs (or with --no-show) there is no page to link.
    report = tmp_path / "report"
    write_audit(run_audit(out), report)
    assert "show/" not in (report / "audit.html").read_text(encoding="utf-8")
    write_audit(run_audit(out), report, load_outputs(out))
    assert (report / "show" / f"{article_id}.html").exists()


def test_show_links_units_with_the_region_and_sites_as_extract_does(tmp_path: Path) -> None:
    """`show` took no --region/--sites: "Phường 6" (hundreds in the register) stayed unlinked."""
    source = tmp_path / "corpus" / "phuong6.txt"
    source.parent.mkdir()
    source.write_text("Ngày 31/3/2023, Đảng ủy Phường 6 tổ chức hội nghị.\n", encoding="utf-8")

    def unit_code(*options: str) -> str | None:
        result = runner.invoke(app, ["show", str(source), *options])
        assert result.exit_code == 0, result.output
        [row] = [row for row in result.stdout.split("<tr>") if row.startswith("<td>unit</td>")]
        return json.loads(html_lib.unescape(row.split("<code>")[1].split("</code>")[0])).get("code")

    assert unit_code() is None
    assert unit_code("--region", "Tân An, Long An") == "27700"
    sites = tmp_path / "sites.yaml"
    sites.write_text("sites:\n  - match: corpus\n    region: Sa Đéc, Đồng Tháp\n", encoding="utf-8")
    assert unit_code("--sites", str(sites)) == "29878"
