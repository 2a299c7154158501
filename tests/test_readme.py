"""The README's sample records are what `bantin extract corpus/` really writes."""

from __future__ import annotations

import json

from tests.conftest import ROOT, Extraction


def test_readme_sample_records_are_real(corpus_run: Extraction) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("## What comes out") : readme.index("## Records")]
    samples = [json.loads(line) for line in block.splitlines() if line.startswith("{")]
    assert len(samples) >= 5
    written = {r["record_id"]: {k: v for k, v in r.items() if k != "sentence"} for r in corpus_run.records}
    for sample in samples:
        assert written.get(sample["record_id"]) == sample
