"""The README's money query gives the hand-computed totals of corpus/totals/ on DuckDB and PostgreSQL.

corpus/totals/ holds 22 bulletins of four wards (two of them "Phường 6", of Quận 10 and of Tân An)
over two years, written after real ones: per-item prices ("mỗi phần 500.000 đồng", "(500.000
đồng/suất)"), totals with their parts ("gồm:", "trong đó", list lines under or above the total),
rates that must not be added ("60 triệu đồng/người/năm"), and one event published three times
(the ward, the district, the provincial front: b4*.txt). expected.csv gives each ward's money per
year as computed by hand, with how. corpus/totals_rescrape/a3.txt is an edited re-scrape of a3.txt
(a figure corrected, a sentence added).
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from bantin.pipeline.database.load import Target, load
from bantin.pipeline.ingest.inputs import iter_inputs
from bantin.pipeline.run.batch import RunConfig, run_to_dir
from tests.conftest import CORPUS, _query
from tests.test_load import QUERIES

TOTALS = CORPUS / "totals"
RESCRAPE = CORPUS / "totals_rescrape" / "a3.txt"
TAN_QUY_DONG = "Phường Tân Quy Đông, Thành phố Sa Đéc, Tỉnh Đồng Tháp → Phường Sa Đéc"
TAN_AN_6 = "Phường 6, Thành phố Tân An, Tỉnh Long An → Phường Long An"


def _expected() -> dict[tuple[str, int], int]:
    with (TOTALS / "expected.csv").open(encoding="utf-8") as fh:
        return {(row["ward"], int(row["year"])): int(row["total_dong"]) for row in csv.DictReader(fh)}


def _extract(inputs: Path, out: Path, resume: bool = False) -> None:
    run_to_dir(list(iter_inputs([inputs])), out, RunConfig(), workers=1, resume=resume)


def _totals(target: Target) -> dict[tuple[str, int], int]:
    return {(ward, year): total for _, ward, year, total, _ in _query(target, QUERIES["money_per_ward_per_year"])}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bulletins copied to a folder of their own (the re-scrape overwrites one) and extracted.

    Inputs are named relative to the run's folder ("in/a3.txt"), so a copy of the run in another
    folder reads the same sources."""
    root = tmp_path_factory.mktemp("totals")
    (root / "in").mkdir()
    for path in sorted(TOTALS.glob("*.txt")):
        shutil.copy(path, root / "in" / path.name)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        _extract(Path("in"), root / "out")
    return root / "in", root / "out"


def _copy_run(run: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    inputs, out = run
    shutil.copytree(inputs, tmp_path / "in")
    shutil.copytree(out, tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    return Path("in"), tmp_path / "out"


def test_corpus_size() -> None:
    assert len(list(TOTALS.glob("*.txt"))) >= 20


def test_money_per_ward_per_year_is_the_hand_computed_total(target: Target, run: tuple[Path, Path]) -> None:
    result = load(run[1], target)
    assert result.groups == 1  # b4, its district copy and its provincial copy
    assert _totals(target) == _expected()
    # The three copies of one event are one group, with one canonical article.
    groups = _query(
        target,
        "SELECT duplicate_group, COUNT(*), SUM(CASE WHEN canonical THEN 1 ELSE 0 END) FROM articles "
        "GROUP BY duplicate_group HAVING COUNT(*) > 1",
    )
    assert [(n, c) for _, n, c in groups] == [(3, 1)]


def test_edited_rescrape_replaces_its_old_version(
    target: Target, run: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs, out = _copy_run(run, tmp_path, monkeypatch)
    load(out, target)
    shutil.copy(RESCRAPE, inputs / "a3.txt")
    _extract(inputs, out)
    result = load(out, target)
    assert result.replaced == [str(inputs / "a3.txt")]
    expected = _expected()
    expected[(TAN_QUY_DONG, 2023)] += 2_000_000  # 32 scholarships of 1 million instead of 30
    assert _totals(target) == expected
    rows = _query(target, "SELECT version, text FROM articles WHERE source LIKE '%a3.txt'")
    assert len(rows) == 1 and rows[0][0] == 2 and "32 suất học bổng" in rows[0][1]
    # Its old records went with it.
    orphans = _query(
        target, "SELECT COUNT(*) FROM money m LEFT JOIN articles a USING (article_id) WHERE a.article_id IS NULL"
    )
    assert orphans == [(0,)]


def test_prune_removes_sources_the_run_no_longer_has(
    target: Target, run: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs, out = _copy_run(run, tmp_path, monkeypatch)
    load(out, target)
    (inputs / "d4.txt").unlink()
    _extract(inputs, out)
    kept = load(out, target)
    assert kept.pruned == []
    assert _totals(target)[(TAN_AN_6, 2024)] == 1_508_000_000  # off by default: d4 stays
    pruned = load(out, target, prune=True)
    assert pruned.pruned == [str(inputs / "d4.txt")]
    assert _totals(target)[(TAN_AN_6, 2024)] == 1_500_000_000
    assert _query(target, "SELECT COUNT(*) FROM articles WHERE source LIKE '%d4.txt'") == [(0,)]


def test_resumed_run_keeps_only_the_new_text_of_a_source(
    run: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs, out = _copy_run(run, tmp_path, monkeypatch)
    shutil.copy(RESCRAPE, inputs / "a3.txt")
    _extract(inputs, out, resume=True)
    articles = [json.loads(line) for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]
    a3 = [a for a in articles if a["source"].endswith("a3.txt")]
    assert len(a3) == 1 and "32 suất học bổng" in a3[0]["text"]
    ids = {a["article_id"] for a in articles}
    records = [json.loads(line) for line in (out / "records.jsonl").read_text("utf-8").splitlines()]
    assert {r["article_id"] for r in records} <= ids
    assert len(articles) == len(list(TOTALS.glob("*.txt")))
