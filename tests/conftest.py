"""Shared fixtures: the sample corpus and one real extraction of it per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run import BatchResult, run_batch
from pipeline.writers import write_outputs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))  # the five samples; corpus/pages/ is the page-layout set


@pytest.fixture(scope="session")
def corpus_batch() -> BatchResult:
    """The pipeline run once over the sample bulletins of corpus/."""
    return run_batch(CORPUS_FILES)


@pytest.fixture(scope="session")
def corpus_out(corpus_batch: BatchResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder written from the corpus run."""
    out = tmp_path_factory.mktemp("corpus_out")
    write_outputs(out, corpus_batch.articles, corpus_batch.records, corpus_batch.errors)
    return out
