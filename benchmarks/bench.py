"""Speed and memory of `bantin extract`, measured in one run: prints figures, asserts nothing.

usage: python benchmarks/bench.py [MEGABYTES] [REPEATS]
       (defaults: 1, corpus/ repeated to about 1 MB; 2 repeats)

Prints end-to-end throughput with 1 and 2 workers, underthesea.word_tokenize alone and
underthesea.ner alone on the same sentences (ner on a sample: it runs at a few KB/s),
bantin's own segmenter alone (as run, and on a first pass with its cache emptied), the ratios against the
targets, and peak RSS per worker. The machine this runs on shares its CPUs, so every
figure is the best of REPEATS runs, the runs of each measure interleaved with the others.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bantin.pipeline.ingest.inputs import iter_inputs  # noqa: E402
from bantin.pipeline.run.batch import RunConfig, run_to_dir  # noqa: E402
from bantin.pipeline.text.document import build_document  # noqa: E402
from bantin.pipeline.text.wordseg import Segmenter, word_segmenter  # noqa: E402

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


def rate(chars: int, run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return chars / (time.perf_counter() - started)


def main(megabytes: float, repeats: int) -> None:
    import underthesea

    best: dict[str, float] = {}

    def keep(name: str, value: float) -> None:
        best[name] = max(best.get(name, 0.0), value)

    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "in"
        inbox.mkdir()
        chars, texts = build_corpus(inbox, megabytes)
        items = list(iter_inputs([inbox]))
        print(f"corpus           {len(items)} articles, {chars / 1e6:.2f} M characters, best of {repeats}")

        # The sentences the pipeline tokenises, for the baselines.
        sentences = []
        for text in texts[:5]:
            doc = build_document("s", text)
            sentences += [text[s.start : s.end] for s in doc.sentences]
        per_copy = sum(len(s) for s in sentences)
        copies = max(1, round(chars / max(1, sum(len(t) for t in texts[:5]))))
        sample, size = [], 0
        for sentence in sentences * 10:
            if size >= NER_SAMPLE_CHARS:
                break
            sample.append(sentence)
            size += len(sentence)
        segment = word_segmenter()
        assert isinstance(segment, Segmenter), "underthesea's model could not be read"
        run_to_dir(items[:10], Path(tmp) / "warm-up", RunConfig(), workers=1)

        every_copy = sentences * copies
        for _ in range(repeats):
            keep("wt", rate(copies * per_copy, lambda: [underthesea.word_tokenize(s) for s in every_copy]))
            keep("ner", rate(size, lambda: [underthesea.ner(s) for s in sample]))
            segment.clear_cache()
            keep("cold", rate(per_copy, lambda: [segment(s) for s in sentences]))
            keep("seg", rate(copies * per_copy, lambda: [segment(s) for s in every_copy]))
            keep("one", rate(chars, lambda: run_to_dir(items, Path(tmp) / "one", RunConfig(), workers=1)))
            keep("two", rate(chars, lambda: run_to_dir(items, Path(tmp) / "two", RunConfig(), workers=2)))
        rss_one = rss_mb(resource.RUSAGE_SELF)
        rss_worker = rss_mb(resource.RUSAGE_CHILDREN)

    wt, ner, one, two = best["wt"], best["ner"], best["one"], best["two"]
    print(f"word_tokenize    {wt / 1000:8.1f} K chars/s (alone, same sentences)")
    print(f"ner              {ner / 1000:8.1f} K chars/s (alone, {size / 1000:.0f} K chars sample)")
    print(
        f"bantin segmenter {best['seg'] / 1000:8.1f} K chars/s (alone, same sentences);"
        f" {best['cold'] / 1000:.1f} K chars/s on a first pass over corpus/ (window cache empty)"
    )
    print(
        f"end-to-end, 1 w  {one / 1000:8.1f} K chars/s  = {one / wt:5.0%} of word_tokenize"
        f" (target ≥ 50%), {one / ner:5.1f}× ner (target ≥ 10×)"
    )
    print(f"end-to-end, 2 w  {two / 1000:8.1f} K chars/s  = {two / one:5.2f}× one worker (target ≥ 1.7×)")
    print(
        f"peak RSS         {rss_one:8.0f} MB one worker in-process (ner baseline loaded too);"
        f" {rss_worker:.0f} MB largest of 2 workers"
        " (target ≤ 500 MB)"
    )


if __name__ == "__main__":
    main(
        float(sys.argv[1]) if len(sys.argv) > 1 else 1.0,
        int(sys.argv[2]) if len(sys.argv) > 2 else 2,
    )
