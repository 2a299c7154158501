"""Outputs: every record's evidence holds, Parquet columns are typed, writes are atomic."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from bantin.pipeline.outputs.writers import atomic_path, write_jsonl
from bantin.pipeline.records.schema import KINDS
from tests.conftest import Extraction, read_jsonl

EXPECTED_FILES = ["articles.jsonl", "records.jsonl", "errors.jsonl", "articles.parquet"] + [
    f"{kind}.parquet" for kind in KINDS
]


def test_all_files_are_written(corpus_out: Path) -> None:
    for name in EXPECTED_FILES:
        assert (corpus_out / name).is_file(), name
    assert not list(corpus_out.glob(".*.tmp"))


def test_every_record_carries_exact_evidence(corpus_out: Path) -> None:
    articles = {a["article_id"]: a for a in read_jsonl(corpus_out / "articles.jsonl")}
    records = read_jsonl(corpus_out / "records.jsonl")
    assert records
    for record in records:
        text = articles[record["article_id"]]["text"]
        assert text[record["start"] : record["end"]] == record["text"], record
        assert record["text"] in record["sentence"]


def test_corpus_has_no_errors_and_all_articles(corpus_run: Extraction) -> None:
    assert corpus_run.errors == []
    assert len(corpus_run.articles) == 5


def test_articles_text_is_the_normalised_source(corpus_out: Path) -> None:
    for article in read_jsonl(corpus_out / "articles.jsonl"):
        assert Path(article["source"]).read_text(encoding="utf-8") == article["text"]


@pytest.mark.parametrize(
    ("name", "column", "arrow_type"),
    [
        ("money.parquet", "amount", pa.int64()),
        ("money.parquet", "start", pa.int64()),
        ("money.parquet", "qualifier", pa.string()),
        ("date.parquet", "date_from", pa.date32()),
        ("date.parquet", "date_to", pa.date32()),
        ("date.parquet", "year_inferred", pa.bool_()),
        ("count.parquet", "value", pa.float64()),
        ("official.parquet", "titles", pa.list_(pa.string())),
        ("unit.parquet", "code_2025", pa.list_(pa.string())),
        ("unit.parquet", "candidates", pa.int64()),
        ("articles.parquet", "published", pa.date32()),
        ("articles.parquet", "authors", pa.list_(pa.string())),
    ],
)
def test_parquet_columns_are_typed(corpus_out: Path, name: str, column: str, arrow_type: pa.DataType) -> None:
    assert pq.read_schema(corpus_out / name).field(column).type == arrow_type


def test_parquet_reads_back_with_pandas(corpus_out: Path) -> None:
    money = pd.read_parquet(corpus_out / "money.parquet")
    records = [r for r in read_jsonl(corpus_out / "records.jsonl") if r["kind"] == "money"]
    assert len(money) == len(records)
    assert str(money["amount"].dtype) == "int64"
    assert sorted(money["amount"].tolist()) == sorted(r["amount"] for r in records)
    articles = pd.read_parquet(corpus_out / "articles.parquet")
    published = {Path(s).name: p for s, p in zip(articles["source"], articles["published"], strict=True)}
    assert str(published["002_84d2a3dbb6a45ac7.txt"]) == "2023-07-12"
    assert pd.isna(published["000_581ac50e226256f5.txt"])
    authors = dict(zip(articles["source"].map(lambda s: Path(s).name), articles["authors"], strict=True))
    assert list(authors["000_581ac50e226256f5.txt"]) == ["THANH BÌNH", "NGUYỄN HIỆP", "T. Bình", "N. Hiệp"]


def test_interrupted_write_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    write_jsonl(target, [{"a": 1}])

    def rows():
        yield {"a": 2}
        raise RuntimeError("killed mid-write")

    with pytest.raises(RuntimeError):
        write_jsonl(target, rows())
    assert read_jsonl(target) == [{"a": 1}]
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]


def test_atomic_path_only_publishes_on_success(tmp_path: Path) -> None:
    target = tmp_path / "x.parquet"
    with pytest.raises(ValueError), atomic_path(target) as tmp:
        tmp.write_text("partial")
        raise ValueError("boom")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
