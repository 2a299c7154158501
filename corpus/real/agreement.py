"""Inter-annotator agreement: write one annotation folder as a pipeline run, so the scorer compares two.

usage: python corpus/real/agreement.py corpus/real/annotations/B OUT_DIR
       python ../shared/tools/score.py corpus/real/annotations/A OUT_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

KIND_OF = {
    "dates": "date",
    "units": "unit",
    "officials": "official",
    "campaigns": "campaign",
    "models": "model",
    "money": "money",
    "counts": "count",
    "measures": "measure",
}


def as_run(gold_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    articles: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = {k: gold.get(k) for k in ("title", "published", "authors", "ward")}
        articles.append({**article, "article_id": path.stem, "source": gold["file"], "text": ""})
        for key, kind in KIND_OF.items():
            for entry in gold.get(key) or []:
                record = {**entry, "kind": kind, "article_id": path.stem}
                if kind == "date":
                    record["date_from"], record["date_to"] = entry.get("from"), entry.get("to")
                records.append(record)
    for name, rows in (("articles.jsonl", articles), ("records.jsonl", records)):
        lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        (out_dir / name).write_text(lines, encoding="utf-8")


if __name__ == "__main__":
    as_run(Path(sys.argv[1]), Path(sys.argv[2]))
