"""Speed and memory of `bantin extract`: prints figures, asserts nothing.

usage: python tests/benchmark.py [COPIES]   (default 40 copies of corpus/, each made unique)
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from pipeline.run import run_batch
from pipeline.writers import write_outputs

ROOT = Path(__file__).resolve().parent.parent


def main(copies: int) -> None:
    sources = sorted((ROOT / "corpus").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "in"
        inbox.mkdir()
        size = 0
        for i in range(copies):
            for src in sources:
                text = src.read_text(encoding="utf-8") + f"\n(bản sao {i})\n"
                (inbox / f"{i:04d}_{src.name}").write_text(text, encoding="utf-8")
                size += len(text.encode("utf-8"))
        warm = time.perf_counter()
        run_batch([sources[0]])
        warm = time.perf_counter() - warm
        started = time.perf_counter()
        batch = run_batch([inbox])
        elapsed = time.perf_counter() - started
        write_started = time.perf_counter()
        write_outputs(Path(tmp) / "out", batch.articles, batch.records, batch.errors)
        written = time.perf_counter() - write_started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles         {len(batch.articles)}")
    print(f"input            {size / 1024:.0f} KiB")
    print(f"records          {len(batch.records)}  errors {len(batch.errors)}")
    print(f"first article    {warm:.2f} s (model loading included)")
    print(
        f"extract          {elapsed:.2f} s  = {len(batch.articles) / elapsed:.1f} articles/s, "
        f"{size / 1024 / elapsed:.0f} KiB/s"
    )
    print(f"write outputs    {written:.2f} s")
    print(f"peak RSS         {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
