"""Batch runs at scale: worker processes, streaming outputs, and runs that resume after a crash.

Each input's result is appended, in input order, to a journal
(`OUT/.bantin/journal.jsonl`, one line per input, flushed as it is written) and
nothing else is held in memory. When every input is done the outputs are built
from the journal, streaming, and renamed into place: identical articles become
one that lists every source, and each output file appears whole or not at all.

`--resume` keeps the journal of an earlier run into the same OUT (a torn last
line from a killed run is dropped) and skips the articles it already holds, by
`article_id`; so a run killed at any moment and resumed ends with complete
outputs and no duplicate records. Workers are processes, forked after the models
are loaded where the platform allows it and spawned (each loading them once)
elsewhere; results come back in input order, so the same input gives
byte-identical outputs whatever the number of workers.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors import Extractor, registry
from gazetteer.sites import Sites
from pipeline.ingest import DEFAULT_MAX_BYTES, InputItem
from pipeline.records import KINDS
from pipeline.run import ArticleResult, process_item
from pipeline.writers import OutputWriter

JOURNAL_DIR = ".bantin"
JOURNAL = "journal.jsonl"


@dataclass(frozen=True)
class RunConfig:
    hints: dict[str, str] = field(default_factory=dict)
    sites: Sites | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    skip_ids: frozenset[str] = frozenset()


@dataclass
class RunSummary:
    inputs: int = 0
    done: int = 0
    skipped: int = 0  # already in the journal (--resume)
    articles: int = 0
    duplicates: int = 0
    replaced: int = 0  # articles whose source was read again with a new text (--resume)
    records: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})
    errors: int = 0
    seconds: float = 0.0


_WORKER: dict[str, Any] = {}


def _init_worker(config: RunConfig) -> None:
    """Load the models once per worker: the registry, the register, and underthesea (by a warm-up)."""
    from pipeline.document import build_document

    _WORKER["config"] = config
    _WORKER["extractors"] = registry()
    build_document("warm-up", "Phường 6 tổ chức hội nghị ngày 12/7/2023 với 120 đại biểu.")


def _process(item: InputItem) -> tuple[ArticleResult, str]:
    """One item's outcome and its journal line, serialised here so the main process only writes it."""
    config: RunConfig = _WORKER["config"]
    extractors: dict[str, Extractor] = _WORKER["extractors"]
    result = process_item(item, extractors, config.hints, config.max_bytes, config.skip_ids, config.sites)
    line = {
        "input": item.label,
        "article": result.article,
        "records": result.records,
        "errors": result.errors,
    }
    # The main process needs only the outcome and where the article came from (to merge the
    # sources of identical articles): the article and its records travel inside the line.
    origin = {k: result.article[k] for k in ("article_id", "source", "sources") if k in result.article}
    outcome = ArticleResult(origin, [], result.errors, result.skipped)
    return outcome, json.dumps(line, ensure_ascii=False) + "\n"


def _set_config(config: RunConfig) -> None:
    _WORKER["config"] = config


def iter_results(
    items: Sequence[InputItem], config: RunConfig, workers: int
) -> Iterator[tuple[ArticleResult, str]]:
    """(outcome, journal line) in input order, from this process (workers ≤ 1) or worker processes.

    Where the platform forks, the models are loaded once here and the workers inherit them
    (copy-on-write); elsewhere each spawned worker loads them in its initializer.
    """
    if workers <= 1 or len(items) <= 1:
        _init_worker(config)
        for item in items:
            yield _process(item)
        return
    chunksize = max(1, min(4, len(items) // (workers * 8)))  # small: no worker idles at the end
    if "fork" in multiprocessing.get_all_start_methods():
        _init_worker(config)
        # Objects made so far (the models) stay out of the collector's sweeps, so the workers
        # do not copy their pages by touching them (the fork advice of the gc module).
        gc.freeze()
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_set_config, initargs=(config,))
    else:
        pool = multiprocessing.get_context("spawn").Pool(
            workers, initializer=_init_worker, initargs=(config,)
        )
    try:
        with pool:
            yield from pool.imap(_process, items, chunksize=chunksize)
    finally:
        gc.unfreeze()


class Journal:
    """The append-only record of a run: one JSON line per input, in input order."""

    def __init__(self, out_dir: Path, resume: bool) -> None:
        self.dir = out_dir / JOURNAL_DIR
        self.path = self.dir / JOURNAL
        if not resume and self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self._drop_torn_tail()
        # article_id → every source it was read from, in journal order (identical articles merge)
        self.sources: dict[str, list[str]] = {}
        # source → the article it gave last: a source read again with new text (an edited page,
        # re-scraped into a resumed run) has that text only, and its older article is dropped.
        self.current: dict[str, str] = {}
        for entry in self.entries():
            if entry.get("article"):
                self._add_sources(entry["article"])
        self.done_ids: set[str] = set(self.sources)
        self._fh = self.path.open("a", encoding="utf-8")

    def _add_sources(self, article: dict[str, Any]) -> None:
        listed = self.sources.setdefault(article["article_id"], [])
        for source in article.get("sources") or [article["source"]]:
            self.current[source] = article["article_id"]
            if source not in listed:
                listed.append(source)

    def _drop_torn_tail(self) -> None:
        """A run killed mid-write leaves a last line without its newline: cut it off."""
        if not self.path.exists():
            return
        with self.path.open("rb+") as fh:
            data = fh.read()
            keep = data.rfind(b"\n") + 1
            if keep != len(data):
                fh.truncate(keep)

    def entries(self) -> Iterator[dict[str, Any]]:
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.endswith("\n"):
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError:
                        continue

    def append(self, line: str, article: dict[str, Any]) -> None:
        """One input's line, already serialised (by the worker); `article` holds its id and sources."""
        self._fh.write(line)
        self._fh.flush()
        if article:
            self._add_sources(article)

    def close(self) -> None:
        self._fh.close()


def build_outputs(journal: Journal, out_dir: Path, summary: RunSummary) -> None:
    """Every output file from the journal, streaming, in journal order; identical articles merged."""
    sources = journal.sources
    written: set[str] = set()
    seen_errors: set[str] = set()
    summary.articles = summary.duplicates = summary.errors = summary.replaced = 0
    summary.records = {k: 0 for k in KINDS}
    with OutputWriter(out_dir) as writer:
        for entry in journal.entries():
            for error in entry.get("errors") or []:
                key = json.dumps(error, sort_keys=True, ensure_ascii=False)
                if key not in seen_errors:  # a bad input retried by --resume is reported once
                    seen_errors.add(key)
                    writer.add_error(error)
                    summary.errors += 1
            article = entry.get("article")
            if not article:
                continue
            if article["article_id"] in written:
                summary.duplicates += 1
                continue
            aid = article["article_id"]
            current = [s for s in sources[aid] if journal.current.get(s) == aid]
            if not current:
                summary.replaced += 1  # every source of it was read again with another text
                continue
            written.add(article["article_id"])
            writer.add_article({**article, "source": current[0], "sources": current})
            summary.articles += 1
            for record in entry.get("records") or []:
                writer.add_record(record)
                summary.records[record["kind"]] = summary.records.get(record["kind"], 0) + 1


def run_to_dir(
    items: Sequence[InputItem],
    out_dir: Path,
    config: RunConfig,
    workers: int = 1,
    resume: bool = False,
    on_result: Callable[[InputItem, ArticleResult], None] | None = None,
) -> RunSummary:
    """Process `items` into OUT_DIR: journal as they come, outputs built at the end."""
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    journal = Journal(out_dir, resume)
    summary = RunSummary(inputs=len(items))
    config = RunConfig(config.hints, config.sites, config.max_bytes, frozenset(journal.done_ids))
    try:
        for item, (result, line) in zip(items, iter_results(items, config, workers), strict=True):
            if result.skipped:
                summary.skipped += 1
            else:
                journal.append(line, result.article)
                summary.done += 1
            if on_result is not None:
                on_result(item, result)
    finally:
        journal.close()
    build_outputs(journal, out_dir, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
