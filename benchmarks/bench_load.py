"""Speed of `bantin load`: prints figures, asserts nothing.

usage: python benchmarks/bench_load.py [RECORDS] [POSTGRESQL_URL]
       (default 13,320 records: the sample corpus's outputs repeated, each copy's text made unique)

Measures, on a fresh DuckDB file, the first load (schema, the register's units, every row
validated, near-duplicate groups) and a second load of the same outputs (idempotent: every row
replaced), and the same on PostgreSQL when a URL is given. Best of 3 runs each.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bantin.pipeline.database.load import Target, connect, load  # noqa: E402
from bantin.pipeline.ingest.inputs import iter_inputs  # noqa: E402
from bantin.pipeline.outputs.writers import write_jsonl  # noqa: E402
from bantin.pipeline.run.batch import RunConfig, run_to_dir  # noqa: E402
from bantin.pipeline.text import ids  # noqa: E402


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def build_outputs(out: Path, records_wanted: int) -> tuple[int, int]:
    sample = out / "sample"
    run_to_dir(list(iter_inputs(sorted((ROOT / "corpus").glob("*.txt")))), sample, RunConfig())
    sample_articles, sample_records = _read(sample / "articles.jsonl"), _read(sample / "records.jsonl")
    articles, records = [], []
    copy = 0
    while len(records) < records_wanted:
        for article in sample_articles:
            text = f"{article['text']}\n\n(bản sao {copy})"
            aid = ids.article_id(text)
            source = f"{article['source']}#{copy}"
            articles.append(
                {**article, "article_id": aid, "text": text, "source": source, "sources": [source]}
            )
            for r in sample_records:
                if r["article_id"] == article["article_id"]:
                    rid = ids.record_id(aid, r["kind"], r["start"], r["end"], r["record_id"])
                    records.append({**r, "article_id": aid, "record_id": rid})
        copy += 1
    write_jsonl(out / "articles.jsonl", articles)
    write_jsonl(out / "records.jsonl", records)
    return len(articles), len(records)


def timed(target: Target, out: Path, fresh: bool) -> float:
    if fresh and target.kind == "duckdb":
        Path(target.location).unlink(missing_ok=True)
    elif fresh:
        with connect(target) as con:
            for table in [
                "dates",
                "units",
                "officials",
                "campaigns",
                "models",
                "money",
                "counts",
                "measures",
            ]:
                con.execute(f"DROP TABLE IF EXISTS {table}")
            for table in ["articles", "article_sources", "register"]:
                con.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
            con.commit()
    started = time.perf_counter()
    load(out, target)
    return time.perf_counter() - started


def main() -> None:
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 13_320
    pg_url = sys.argv[2] if len(sys.argv) > 2 else None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        n_articles, n_records = build_outputs(out, wanted)
        print(f"{n_articles} articles, {n_records} records ({json.dumps(str(out))})")
        targets = [Target("duckdb", str(out / "bench.duckdb"))]
        if pg_url:
            targets.append(Target("postgresql", pg_url))
        for target in targets:
            first = min(timed(target, out, fresh=True) for _ in range(3))
            again = min(timed(target, out, fresh=False) for _ in range(3))
            print(f"{target.kind:10} first load {first:.2f} s, load again {again:.2f} s")


if __name__ == "__main__":
    main()
