"""Shared fixtures: the sample corpus, one real extraction of it per test session, and the databases
(DuckDB, and PostgreSQL in BANTIN_TEST_PG_URL) that loads are tested on; `extract`, which runs the
CLI's batch driver (`run_to_dir`) in this process and reads its outputs back."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bantin.gazetteer.sites import Sites
from bantin.pipeline.database.load import TABLE, Target, connect
from bantin.pipeline.ingest.inputs import iter_inputs
from bantin.pipeline.run.batch import RunConfig, RunSummary, run_to_dir

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))  # the five samples; corpus/pages/ is the page-layout set


def pytest_configure(config: pytest.Config) -> None:
    """The register cache of this session in a folder of its own, never the user's cache folder
    (set before any test, so the workers and CLI subprocesses the tests start inherit it)."""
    cache = tempfile.mkdtemp(prefix="bantin-test-cache-")
    os.environ["BANTIN_CACHE_DIR"] = cache
    config.add_cleanup(lambda: shutil.rmtree(cache, ignore_errors=True))


Row = dict[str, Any]


def read_jsonl(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Extraction:
    """What one run wrote into `out`, read back."""

    out: Path
    summary: RunSummary
    articles: list[Row]
    records: list[Row]
    errors: list[Row]


def extract(
    inputs: Iterable[str | Path],
    out: Path,
    hints: dict[str, str] | None = None,
    sites: Sites | None = None,
    workers: int = 1,
) -> Extraction:
    """`bantin extract INPUTS --out OUT` in this process: the CLI's driver, one worker by default."""
    items = list(iter_inputs(inputs))  # listed before OUT exists: an OUT inside an input folder is no input
    summary = run_to_dir(items, out, RunConfig(hints=hints or {}, sites=sites), workers=workers)
    return Extraction(
        out,
        summary,
        read_jsonl(out / "articles.jsonl"),
        read_jsonl(out / "records.jsonl"),
        read_jsonl(out / "errors.jsonl"),
    )


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    """The pipeline run once over the sample bulletins of corpus/, as `bantin extract` runs it."""
    return extract(CORPUS_FILES, tmp_path_factory.mktemp("corpus_out"))


@pytest.fixture(scope="session")
def corpus_out(corpus_run: Extraction) -> Path:
    """The output folder of the corpus run."""
    return corpus_run.out


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
