"""Pathological inputs: seconds to extract one long one-paragraph article of a repeated pattern.

usage: python benchmarks/pathological.py [KILOBYTES ...] [--stages] [--timeout SECONDS] [--only TEXT]
       (default sizes: 20 and 200; every figure is the whole pipeline on one document:
       read from a file, analysed, every extractor, validated records)

Real pages hold 200 KB paragraphs, lists without an end and quotes never closed; every
extractor must be linear (or n log n) in the sentence length. Target: each pattern at 200 KB
in at most 2 s. Figures are CPU seconds of this process (`time.process_time`): the machine's
cores are shared, and wall time there varies by 2× with the load. `--stages` adds the seconds
of each stage (analysis, each extractor with its records); `--timeout` stops one measurement that
runs longer (reported as "> N s"). Prints figures,
asserts nothing (tests/test_pathological.py holds the 20 KB bound).
"""

from __future__ import annotations

import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bantin.extractors import Extractor, find_all, registry  # noqa: E402
from bantin.extractors.base import Findings, Mention  # noqa: E402
from bantin.pipeline.ingest.inputs import InputItem, read_item  # noqa: E402
from bantin.pipeline.run.article import fewer_collections, mentions_to_records, warm_up  # noqa: E402
from bantin.pipeline.text.document import Document, build_document  # noqa: E402

# The inputs of issue 15, then the neighbours suspected of the same faults.
ISSUE_PATTERNS: tuple[str, ...] = (
    "1-",
    "1.",
    "Nguyễn Văn Thành Phố Hồ Chí Minh ",
    "mô hình “",
    "“",
    "1 ",
    "phong trào “Toàn dân đoàn kết ",
    "phường 1, ",
    "12/7/2023 ",
    "1.000.000.000 đồng, ",
)
PATTERNS: tuple[str, ...] = (
    *ISSUE_PATTERNS,
    "đồng chí Nguyễn Văn An, ",
    "Nguyễn Văn An ",
    "ngày 1/1, ",
    "thôn A, thôn B, ",
    "1.2.3.4.5.6.7.8.9.",
    '"',
    "‘",
    "«",
    'mô hình "',
    "cuộc vận động «",
    "phong trào ‘Xanh ",
    "phong trào Xanh ",
    "mô hình Xanh ",
    "a\n",
    "xã Tân Hòa, huyện Tân Phú, tỉnh Đồng Nai ",
    "Chủ tịch UBND xã ",
    "12 hộ, ",
    "ngày 12 tháng 7 năm 2023 ",
    "1,5 tỷ đồng ",
    "(",
    "Ảnh: CTV ",
    "mô hình “Dân vận khéo” “",
    "mô hình “Dân vận khéo” với tên gọi “",
    "các mô hình: hưởng ứng phong trào “A”, ",
    "từ 1,5 - 4,8 triệu đồng, ",
)


def pattern_text(pattern: str, kilobytes: float) -> str:
    """The pattern repeated to `kilobytes` of UTF-8, one paragraph, no end."""
    unit = len(pattern.encode("utf-8"))
    return pattern * max(1, int(kilobytes * 1000 / unit))


class Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Timeout


def _timed(extractors: dict[str, Extractor], seconds: dict[str, float]) -> dict[str, Extractor]:
    """The extractors, each putting the seconds it ran in `seconds` under its kind."""

    def timing(kind: str, find: Callable[[Document, Findings], list[Mention]]) -> Extractor:
        def timed(document: Document, found: Findings) -> list[Mention]:
            started = time.process_time()
            try:
                return find(document, found)
            finally:
                seconds[kind] = time.process_time() - started

        return replace(extractors[kind], find=timed)

    return {kind: timing(kind, e.find) for kind, e in extractors.items()}


@fewer_collections()
def run_stages(path: Path) -> dict[str, float]:
    """Seconds of each stage of one article through the pipeline (as `process_item`)."""
    seconds: dict[str, float] = {}
    started = time.process_time()
    raw = read_item(InputItem(str(path)))
    document = build_document(
        raw.source, raw.text, title=raw.title, published=raw.published, authors=raw.authors
    )
    seconds["analysis"] = time.process_time() - started
    for kind, mentions in find_all(document, extractors=_timed(registry(), seconds)).items():
        started = time.process_time()
        mentions_to_records(document, kind, mentions)
        seconds[kind] += time.process_time() - started
    return seconds


def measure(pattern: str, kilobytes: float, timeout: float) -> dict[str, float] | None:
    """Stage seconds for the pattern at that size; None when it ran past `timeout`."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(pattern_text(pattern, kilobytes), encoding="utf-8")
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)  # wall time: a stuck run still stops
        try:
            return run_stages(path)
        except Timeout:
            return None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def main(argv: list[str]) -> None:
    stages = "--stages" in argv
    timeout = 300.0
    only: list[str] = []
    sizes: list[float] = []
    args = iter(a for a in argv if a != "--stages")
    for arg in args:
        if arg == "--timeout":
            timeout = float(next(args))
        elif arg == "--only":
            only.append(next(args))
        else:
            sizes.append(float(arg))
    sizes = sizes or [20.0, 200.0]
    patterns = [p for p in PATTERNS if not only or p in only] + [p for p in only if p not in PATTERNS]
    run_stages_warm = Path(tempfile.mkdtemp()) / "warm.txt"
    run_stages_warm.write_text("Phường 1 tổ chức hội nghị ngày 12/7/2023.", encoding="utf-8")
    run_stages(run_stages_warm)
    warm_up(registry())  # models loaded and frozen before the first figure, as in the CLI's workers
    print("pattern".ljust(46) + "".join(f"{f'{kb:g} KB (s)':>14}" for kb in sizes))
    for pattern in patterns:
        cells: list[str] = []
        details: list[str] = []
        for kb in sizes:
            result = measure(pattern, kb, timeout)
            if result is None:
                cells.append(f"{f'> {timeout:g}':>14}")
                continue
            cells.append(f"{sum(result.values()):>14.3f}")
            if stages:
                details.append(f"    {kb:g} KB: " + ", ".join(f"{k} {v:.2f}" for k, v in result.items()))
        print(repr(pattern).ljust(46) + "".join(cells), flush=True)
        for line in details:
            print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
