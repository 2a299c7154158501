"""The batch: many inputs into one output folder, the only driver there is (`bantin extract`, the
tests and the benchmarks all run `run_to_dir`); each input goes through `run.article.process_item`.
Supervised worker processes, streaming outputs, and runs that resume after a crash.

Each input's result is appended to a journal (`OUT/.bantin/journal.jsonl`, one
line per input, flushed as it is written) and nothing else is held in memory.
When every input is done the outputs are built from the journal, streaming, in
input order, and renamed into place: identical articles become one that lists
every source (the pipeline's one dedupe, `build_outputs`), and each output file
appears whole or not at all. A run that processes no article leaves the earlier outputs of OUT as they were.

One run at a time writes into an OUT: a run holds a lock on `OUT/.bantin/lock`
(released by the system when the run ends, even by SIGKILL, so a stale lock is
simply taken over) and a second run refuses to start.

`--resume` keeps the journal of an earlier run into the same OUT (a torn last
line from a killed run is dropped) and reconciles it with the inputs given now,
by input: an input whose text is unchanged is skipped, an edited one is
processed again and its new text replaces the old, and inputs no longer given
are dropped. So a run killed at any moment and resumed ends with complete
outputs and no duplicate or stale records.

Workers are processes the main process supervises: each gets one input at a
time, and one that dies (killed by the system when out of memory) or exceeds
the per-input time limit is reported in errors.jsonl for that input and
replaced, and the batch goes on. They are forked after the models are loaded
where the platform allows it and spawned (each loading them once) elsewhere;
results are taken in input order, so the same input gives byte-identical
outputs whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import gc
import json
import multiprocessing
import os
import re
import signal
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from bantin.extractors import Extractor, registry
from bantin.gazetteer.sites import Sites
from bantin.pipeline.ingest.inputs import DEFAULT_MAX_BYTES, InputItem
from bantin.pipeline.outputs.writers import OutputWriter
from bantin.pipeline.records.schema import KINDS, ErrorEntry
from bantin.pipeline.run.article import ArticleResult, process_item, warm_up

try:
    import fcntl
except ImportError:  # not POSIX: runs into the same OUT are not kept apart
    fcntl = None  # type: ignore[assignment]

JOURNAL_DIR = ".bantin"
JOURNAL = "journal.jsonl"
PREVIOUS = "journal.previous.jsonl"  # the last run's journal, kept until this run has replaced its outputs
LOCK = "lock"
DEFAULT_TIMEOUT = 60.0  # seconds per input; a bulletin takes well under one
# Temporary output files (`writers.OutputWriter`) left by a run killed while it built the outputs.
STALE_TEMP = re.compile(r"\.(?:[a-z_]+\.parquet|(?:articles|records|errors)\.jsonl)\.[a-z0-9_]+\.tmp")


@dataclass(frozen=True)
class RunConfig:
    hints: dict[str, str] = field(default_factory=dict)
    sites: Sites | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    done: Mapping[str, str] = field(default_factory=dict)  # input label → article_id already journaled
    timeout: float | None = DEFAULT_TIMEOUT


@dataclass
class RunSummary:
    inputs: int = 0
    done: int = 0
    skipped: int = 0  # already in the journal, unchanged (--resume)
    replaced: int = 0  # in the journal with another text: the new one replaces it (--resume)
    dropped: int = 0  # in the journal but no longer given (--resume)
    articles: int = 0
    duplicates: int = 0
    records: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})
    errors: int = 0
    seconds: float = 0.0
    kept_earlier: bool = False  # no article processed: the earlier outputs were left in place
    first_errors: list[str] = field(default_factory=list)


class OutputLocked(RuntimeError):
    """Another run is writing into the same output folder."""


_WORKER: dict[str, Any] = {}
_LOCK_FDS: list[int] = []  # held by this process; a forked worker closes its copies
_PARENT_ENDS: list[Connection] = []  # the main process's ends of the worker pipes, ditto


def _init_worker(config: RunConfig) -> None:
    """Load the models once: the registry, the register, underthesea and every extractor's data, by a
    warm-up article (forked workers inherit them all, so none spends its first input's time on them)."""
    _WORKER["config"] = config
    _WORKER["extractors"] = registry()
    warm_up(_WORKER["extractors"])


def _journal_line(label: str, result: ArticleResult) -> bytes:
    line = {"input": label, "article": result.article, "records": result.records, "errors": result.errors}
    return (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")


def _process(item: InputItem) -> tuple[ArticleResult, bytes]:
    """One item's outcome and its journal line, serialised here so the main process only writes it."""
    config: RunConfig = _WORKER["config"]
    extractors: dict[str, Extractor] = _WORKER["extractors"]
    done = config.done.get(item.label)
    skip = frozenset([done] if done else [])
    # The sites file's hints come from the input's path, or the page's own URL (process_item).
    result = process_item(item, extractors, config.hints, config.max_bytes, skip, config.sites)
    line = _journal_line(item.label, result)
    # The main process needs only the outcome and where the article came from (to merge the
    # sources of identical articles): the article and its records travel inside the line.
    origin: dict[str, Any] = {
        k: result.article[k] for k in ("article_id", "source", "sources") if k in result.article
    }
    return ArticleResult(origin, [], result.errors, result.skipped), line


def _failure(item: InputItem, reason: str) -> tuple[ArticleResult, bytes]:
    """The outcome of an input whose processing failed as a whole: one error, no article."""
    error = ErrorEntry(source=item.label, stage="extract", reason=reason).model_dump(mode="json")
    result = ArticleResult({}, [], [error])
    return result, _journal_line(item.label, result)


def _process_safely(item: InputItem) -> tuple[ArticleResult, bytes]:
    try:
        return _process(item)
    except Exception as exc:  # a bug on one input must not lose the others
        return _failure(item, f"processing failed: {type(exc).__name__}: {exc}")


# --- supervised workers --------------------------------------------------------------------------

_READY = "ready"


def _worker_main(conn: Connection, config: RunConfig, load_models: bool) -> None:
    """A worker: one item at a time from `conn`, its outcome sent back, until None or the pipe closes."""
    # A forked worker holds copies of the main process's lock and pipe ends: closed, so that the
    # lock and the other workers' pipes end with the main process.
    for fd in _LOCK_FDS:
        with contextlib.suppress(OSError):
            os.close(fd)
    for end in _PARENT_ENDS:
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    if load_models:
        _init_worker(config)
    else:
        _WORKER["config"] = config
    conn.send(_READY)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        index, item = job
        outcome = _process_safely(item)
        try:
            conn.send((index, outcome))
        except OSError:
            return


class _Worker:
    def __init__(self, ctx: Any, config: RunConfig, fork: bool) -> None:
        self.conn, child = ctx.Pipe()
        _PARENT_ENDS.append(self.conn)
        self.process = ctx.Process(target=_worker_main, args=(child, config, not fork), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.job: tuple[int, InputItem] | None = None
        self.started = 0.0

    def send(self, index: int, item: InputItem) -> None:
        self.job = (index, item)
        self.started = time.monotonic()
        self.conn.send((index, item))

    def stop(self, kill: bool = False) -> int | None:
        """End the process (killed at once, or asked to finish); its exit code."""
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.process.join(timeout=None if kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
        if self.conn in _PARENT_ENDS:
            _PARENT_ENDS.remove(self.conn)
        return self.process.exitcode


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        why = "; out of memory?" if -exitcode == signal.SIGKILL else ""
        return f"killed by {name}{why}"
    return f"exit code {exitcode}"


def _supervised(
    items: Sequence[InputItem], config: RunConfig, workers: int
) -> Iterator[tuple[ArticleResult, bytes]]:
    """(outcome, journal line) of each item in input order, from supervised worker processes."""
    fork = "fork" in multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:
        _init_worker(config)  # frozen there: the workers do not copy the models' pages by sweeping them
    pool = [_Worker(ctx, config, fork) for _ in range(max(1, min(workers, len(items))))]
    window = max(16, 8 * len(pool))  # results held while an earlier item is still running
    results: dict[int, tuple[ArticleResult, bytes]] = {}
    next_out = next_in = 0
    failed_starts = 0
    try:
        while next_out < len(items):
            for w in pool:
                if w.ready and w.job is None and next_in < min(len(items), next_out + window):
                    w.send(next_in, items[next_in])
                    next_in += 1
            wait_for = None
            if config.timeout is not None:
                deadlines = [w.started + config.timeout for w in pool if w.job is not None]
                wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = wait([w.conn for w in pool] + [w.process.sentinel for w in pool], timeout=wait_for)
            for i, w in enumerate(pool):
                problem = None
                if w.conn in ready:
                    try:
                        message = w.conn.recv()
                    except (EOFError, OSError):
                        problem = f"the worker process died while processing this input ({_death(w.stop())})"
                    else:
                        if message == _READY:
                            w.ready, failed_starts = True, 0
                        else:
                            index, outcome = message
                            results[index] = outcome
                            w.job = None
                        continue
                elif w.process.sentinel in ready:
                    problem = f"the worker process died while processing this input ({_death(w.stop())})"
                elif (
                    w.job is not None
                    and config.timeout is not None
                    and time.monotonic() - w.started > config.timeout
                ):
                    w.stop(kill=True)
                    problem = f"not processed: it took longer than {config.timeout:g} s (see --timeout)"
                if problem is None:
                    continue
                if w.job is not None:
                    index, item = w.job
                    results[index] = _failure(item, problem)
                elif not w.ready:
                    failed_starts += 1
                    if failed_starts > 3:
                        raise RuntimeError(f"worker processes cannot start ({problem})")
                pool[i] = _Worker(ctx, config, fork)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
    finally:
        for w in pool:
            w.stop(kill=w.job is not None)
        if fork:
            gc.unfreeze()


def iter_results(
    items: Sequence[InputItem], config: RunConfig, workers: int
) -> Iterator[tuple[ArticleResult, bytes]]:
    """(outcome, journal line) in input order, from worker processes (one at least: a worker that
    dies or overruns the time limit costs its input only)."""
    if not items:
        return iter(())
    return _supervised(items, config, workers)


# --- the journal ---------------------------------------------------------------------------------


@dataclass
class _Entry:
    """Where an input's latest journal line is, and the article it gave (if any)."""

    offset: int
    article_id: str | None
    sources: list[str]


class Journal:
    """The append-only record of runs into OUT: one JSON line per input; an input's latest line counts."""

    def __init__(self, out_dir: Path, resume: bool) -> None:
        self.dir = out_dir / JOURNAL_DIR
        self.path = self.dir / JOURNAL
        self.previous = self.dir / PREVIOUS
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.previous.exists():  # left by a run killed before it replaced the outputs
            self.previous.unlink()
        if not resume and self.path.exists():
            os.replace(self.path, self.previous)
        self._drop_torn_tail()
        self.latest: dict[str, _Entry] = {}
        self._fh = self.path.open("ab")
        self._offset = self._scan()

    def _drop_torn_tail(self) -> None:
        """A run killed mid-write leaves a last line without its newline: cut it off."""
        if not self.path.exists():
            return
        with self.path.open("rb+") as fh:
            size = end = fh.seek(0, os.SEEK_END)
            keep = 0
            while end > 0:  # backwards, a block at a time: the journal may be large
                start = max(0, end - (1 << 16))
                fh.seek(start)
                at = fh.read(end - start).rfind(b"\n")
                if at >= 0:
                    keep = start + at + 1
                    break
                end = start
            if keep != size:
                fh.truncate(keep)

    def _scan(self) -> int:
        offset = 0
        if self.path.exists():
            with self.path.open("rb") as fh:
                for line in fh:
                    try:
                        entry = json.loads(line)
                        self._note(entry["input"], offset, entry.get("article"))
                    except (json.JSONDecodeError, KeyError, TypeError):
                        pass
                    offset += len(line)
        return offset

    def _note(self, label: str, offset: int, article: dict[str, Any] | None) -> _Entry | None:
        """Record `label`'s latest line; the entry it replaces, if any."""
        before = self.latest.get(label)
        if article:
            sources = list(article.get("sources") or [article["source"]])
            self.latest[label] = _Entry(offset, article["article_id"], sources)
        else:
            self.latest[label] = _Entry(offset, None, [])
        return before

    def done(self) -> dict[str, str]:
        """Each input with the article it gave: skipped by --resume when its text is unchanged."""
        return {label: e.article_id for label, e in self.latest.items() if e.article_id}

    def append(self, label: str, line: bytes, article: dict[str, Any]) -> bool:
        """One input's line, already serialised (by the worker); `article` holds its id and sources.

        True when it replaces an article the journal held for this input (the input was edited).
        """
        self._fh.write(line)
        self._fh.flush()
        before = self._note(label, self._offset, article)
        self._offset += len(line)
        return before is not None and before.article_id is not None

    def close(self) -> None:
        self._fh.close()

    def kept(self, labels: Sequence[str]) -> list[tuple[str, _Entry]]:
        """The latest entry of each input given, in input order."""
        return [(label, self.latest[label]) for label in labels if label in self.latest]

    def restore_previous(self) -> None:
        """This run replaced nothing: the earlier run's journal stays the one that matches OUT."""
        if self.previous.exists():
            os.replace(self.previous, self.path)

    def forget_previous(self) -> None:
        if self.previous.exists():
            self.previous.unlink()


def build_outputs(
    journal: Journal, out_dir: Path, summary: RunSummary, labels: Sequence[str] | None = None
) -> None:
    """Every output file from the latest journal line of each input given (all when `labels` is
    None), streaming, in input order; identical articles merged."""
    kept = journal.kept(list(journal.latest) if labels is None else labels)
    sources: dict[str, list[str]] = {}
    for _, entry in kept:
        if entry.article_id:
            listed = sources.setdefault(entry.article_id, [])
            listed.extend(s for s in entry.sources if s not in listed)
    written: set[str] = set()
    summary.articles = summary.duplicates = summary.errors = 0
    summary.records = {k: 0 for k in KINDS}
    with OutputWriter(out_dir) as writer, journal.path.open("rb") as fh:
        for _, entry in kept:
            fh.seek(entry.offset)
            line = json.loads(fh.readline())
            for error in line.get("errors") or []:
                writer.add_error(error)
                summary.errors += 1
            article = line.get("article")
            if not article:
                continue
            if article["article_id"] in written:
                summary.duplicates += 1
                continue
            written.add(article["article_id"])
            writer.add_article({**article, "sources": sources[article["article_id"]]})
            summary.articles += 1
            for record in line.get("records") or []:
                writer.add_record(record)
                summary.records[record["kind"]] = summary.records.get(record["kind"], 0) + 1


# --- the lock and the run ------------------------------------------------------------------------


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold OUT for this run; OutputLocked when another live run holds it."""
    path = out_dir / JOURNAL_DIR / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.read(fd, 64).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise OutputLocked(
                f"{out_dir} is in use by another `bantin extract` run (process {holder}); "
                "wait for it to end, or choose another --out"
            ) from exc
    # The lock file says who holds it; a killed holder's lock was released by the system.
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    _LOCK_FDS.append(fd)
    try:
        yield
    finally:
        _LOCK_FDS.remove(fd)
        os.close(fd)


def remove_stale_temps(out_dir: Path) -> None:
    """Temporary output files left by a run killed while it built its outputs."""
    for path in out_dir.iterdir():
        if STALE_TEMP.fullmatch(path.name):
            with contextlib.suppress(OSError):
                path.unlink()


def run_to_dir(
    items: Sequence[InputItem],
    out_dir: Path,
    config: RunConfig,
    workers: int = 1,
    resume: bool = False,
    on_result: Callable[[InputItem, ArticleResult], None] | None = None,
) -> RunSummary:
    """Process `items` into OUT_DIR: journal as they come, outputs built at the end.

    OutputLocked when another run is writing into OUT_DIR.
    """
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    with output_lock(out_dir):
        remove_stale_temps(out_dir)
        journal = Journal(out_dir, resume)
        labels = [item.label for item in items]
        given = set(labels)
        summary = RunSummary(inputs=len(items))
        summary.dropped = sum(1 for label, e in journal.latest.items() if e.article_id and label not in given)
        config = replace(config, done=journal.done())
        try:
            for item, (result, line) in zip(items, iter_results(items, config, workers), strict=True):
                if result.skipped:
                    summary.skipped += 1
                else:
                    summary.replaced += journal.append(item.label, line, result.article)
                    summary.done += 1
                    if not result.article and len(summary.first_errors) < 5:
                        summary.first_errors += [f"{e['source']}: {e['reason']}" for e in result.errors[:1]]
                if on_result is not None:
                    on_result(item, result)
        finally:
            journal.close()
        if (
            not any(entry.article_id for _, entry in journal.kept(labels))
            and (out_dir / "articles.jsonl").exists()
        ):
            summary.kept_earlier = True
            journal.restore_previous()
        else:
            build_outputs(journal, out_dir, summary, labels)
            journal.forget_previous()
    summary.seconds = time.perf_counter() - started
    return summary


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
