"""Speed and memory of `bantin extract`, measured in one run: prints figures, asserts nothing.

usage: python benchmarks/bench.py [MEGABYTES]   (default 1: corpus/ repeated to about 1 MB)

Prints end-to-end throughput with 1 and 2 workers, underthesea.word_tokenize alone and
underthesea.ner alone on the same sentences (ner on a sample: it runs at a few KB/s),
the ratios against the targets, and peak RSS per worker.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import RunConfig, run_to_dir  # noqa: E402
from pipeline.document import build_document  # noqa: E402
from pipeline.ingest import iter_inputs  # noqa: E402

NER_SAMPLE_CHARS = 40_000


def build_corpus(folder: Path, megabytes: float) -> tuple[int, list[str]]:
    """corpus/ repeated to the size asked, each copy made unique (else copies merge as duplicates)."""
    sources = sorted((ROOT / "corpus").glob("*.txt"))
    texts: list[str] = []
    chars = 0
    i = 0
    while chars < megabytes * 1_000_000:
        for src in sources:
            text = src.read_text(encoding="utf-8") + f"\n(bản sao {i})\n"
            (folder / f"{i:04d}_{src.name}").write_text(text, encoding="utf-8")
            texts.append(text)
            chars += len(text)
        i += 1
    return chars, texts


def rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main(megabytes: float) -> None:
    import underthesea

    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "in"
        inbox.mkdir()
        chars, texts = build_corpus(inbox, megabytes)
        items = list(iter_inputs([inbox]))
        print(f"corpus           {len(items)} articles, {chars / 1e6:.2f} M characters")

        # The sentences the pipeline tokenises, for the baselines.
        sentences = []
        for text in texts[:5]:
            doc = build_document("s", text)
            sentences += [text[s.start : s.end] for s in doc.sentences]
        per_copy = sum(len(s) for s in sentences)
        copies = max(1, round(chars / max(1, sum(len(t) for t in texts[:5]))))

        t = time.perf_counter()
        for _ in range(copies):
            for sentence in sentences:
                underthesea.word_tokenize(sentence)
        wt_rate = copies * per_copy / (time.perf_counter() - t)

        sample, size = [], 0
        for sentence in sentences * 10:
            if size >= NER_SAMPLE_CHARS:
                break
            sample.append(sentence)
            size += len(sentence)
        t = time.perf_counter()
        for sentence in sample:
            underthesea.ner(sentence)
        ner_rate = size / (time.perf_counter() - t)

        t = time.perf_counter()
        run_to_dir(items, Path(tmp) / "one", RunConfig(), workers=1)
        one = chars / (time.perf_counter() - t)
        rss_one = rss_mb(resource.RUSAGE_SELF)

        t = time.perf_counter()
        run_to_dir(items, Path(tmp) / "two", RunConfig(), workers=2)
        two = chars / (time.perf_counter() - t)
        rss_worker = rss_mb(resource.RUSAGE_CHILDREN)

    print(f"word_tokenize    {wt_rate / 1000:8.1f} K chars/s (alone, same sentences)")
    print(f"ner              {ner_rate / 1000:8.1f} K chars/s (alone, {size / 1000:.0f} K chars sample)")
    print(
        f"end-to-end, 1 w  {one / 1000:8.1f} K chars/s  = {one / wt_rate:5.0%} of word_tokenize"
        f" (target ≥ 50%), {one / ner_rate:5.1f}× ner (target ≥ 10×)"
    )
    print(f"end-to-end, 2 w  {two / 1000:8.1f} K chars/s  = {two / one:5.2f}× one worker (target ≥ 1.7×)")
    print(
        f"peak RSS         {rss_one:8.0f} MB one worker in-process; {rss_worker:.0f} MB largest of 2 workers"
        " (target ≤ 500 MB)"
    )


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
