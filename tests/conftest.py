"""Shared fixtures: the sample corpus, one real extraction of it per test session, and the databases
(DuckDB, and PostgreSQL in BANTIN_TEST_PG_URL) that loads are tested on."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bantin.pipeline.database.load import TABLE, Target, connect
from bantin.pipeline.outputs.writers import write_outputs
from bantin.pipeline.run.article import BatchResult, run_batch

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))  # the five samples; corpus/pages/ is the page-layout set


def pytest_configure(config: pytest.Config) -> None:
    """The register cache of this session in a folder of its own, never the user's cache folder
    (set before any test, so the workers and CLI subprocesses the tests start inherit it)."""
    cache = tempfile.mkdtemp(prefix="bantin-test-cache-")
    os.environ["BANTIN_CACHE_DIR"] = cache
    config.add_cleanup(lambda: shutil.rmtree(cache, ignore_errors=True))


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


PG_URL = os.environ.get("BANTIN_TEST_PG_URL")


def _drop_all(target: Target) -> None:
    with connect(target) as con:
        for table in [*TABLE.values(), "articles", "article_sources"]:
            con.execute(f"DROP TABLE IF EXISTS {table}" + (" CASCADE" if target.kind == "postgresql" else ""))
        con.commit()


@pytest.fixture(params=["duckdb", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Target]:
    if request.param == "duckdb":
        yield Target("duckdb", str(tmp_path / "test.duckdb"))
        return
    if not PG_URL:
        if os.environ.get("BANTIN_REQUIRE_PG") or os.environ.get("BANTIN_REQUIRE_BROWSER"):
            pytest.fail("BANTIN_TEST_PG_URL is not set: .ci/run starts a PostgreSQL cluster and sets it")
        pytest.skip("no PostgreSQL server (set BANTIN_TEST_PG_URL; .ci/run does)")
    pg = Target("postgresql", PG_URL)
    _drop_all(pg)
    yield pg
    _drop_all(pg)


def _query(target: Target, sql: str) -> list[tuple[Any, ...]]:
    with connect(target) as con:
        rows = con.execute(sql).fetchall()
        if target.kind == "postgresql":
            con.rollback()
        return [tuple(r) for r in rows]
