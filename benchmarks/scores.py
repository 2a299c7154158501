"""Extraction scores on every gold set the project has: prints one Markdown table, asserts nothing.

usage: python benchmarks/scores.py [--sets NAME,...]

Each set is extracted with `bantin extract` (as a user runs it) into a temporary folder and
scored by `bantin.pipeline.check.evaluate` (the same figures as ../shared/tools/score.py). The sets:
- seeds: the five sample bulletins (`corpus/*.txt`, `corpus/gold`);
- real36: the 36 real bulletins of `../shared/real` (skipped when ../shared is not beside the checkout);
- real60: 60 real bulletins with blind gold grown here (`corpus/real`);
- heldout: 30 more, never used to write a rule (`corpus/heldout`);
- pages: 31 of the real36 texts inside portal page layouts (`corpus/pages`);
- fresh: 20 real bulletins collected after the design step (`corpus/fresh`, r111-r130);
- fresh2: 20 more (`corpus/fresh2`, r131-r150), read for rules after its first two scores.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bantin.pipeline.check.evaluate import evaluate  # noqa: E402
from bantin.pipeline.records.schema import KINDS  # noqa: E402

SHARED = ROOT.parent / "shared"
SETS: dict[str, tuple[list[Path], Path]] = {
    "seeds": (sorted((ROOT / "corpus").glob("*.txt")), ROOT / "corpus" / "gold"),
    "real36": ([SHARED / "real" / "articles"], SHARED / "real" / "gold"),
    "real60": ([ROOT / "corpus" / "real" / "articles"], ROOT / "corpus" / "real" / "gold"),
    "heldout": ([ROOT / "corpus" / "heldout" / "articles"], ROOT / "corpus" / "heldout" / "gold"),
    "pages": ([ROOT / "corpus" / "pages" / "html"], ROOT / "corpus" / "pages" / "gold"),
    "fresh": ([ROOT / "corpus" / "fresh" / "articles"], ROOT / "corpus" / "fresh" / "gold"),
    "fresh2": ([ROOT / "corpus" / "fresh2" / "articles"], ROOT / "corpus" / "fresh2" / "gold"),
}
ARTICLE_FIGURES = (
    ("titles", "official_titles_recall"),
    ("published", "published_accuracy"),
    ("title", "title_accuracy"),
    ("ward", "ward_accuracy"),
    ("authors R", "authors_recall"),
    ("authors P", "authors_precision"),
)


def score(inputs: list[Path], gold: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "bantin.pipeline.cli", "extract", *map(str, inputs), "--out", out, "-q"]
        subprocess.run(cmd, cwd=ROOT, check=True)
        result, _ = evaluate(gold, Path(out))
    return result


def main(argv: list[str]) -> None:
    names = list(SETS)
    if "--sets" in argv:
        names = argv[argv.index("--sets") + 1].split(",")
    header = ["set", "macro F1", *KINDS, *(label for label, _ in ARTICLE_FIGURES)]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name in names:
        inputs, gold = SETS[name]
        if not gold.exists():
            print(f"| {name} | (no gold at {gold}) |")
            continue
        r = score(inputs, gold)
        cells = [name, f"{r['macro_f1']:.3f}", *(f"{r[k]['f1']:.3f}" for k in KINDS)]
        cells += ["–" if r[key] is None else f"{r[key]:.3f}" for _, key in ARTICLE_FIGURES]
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
