"""`bantin audit`: tampered outputs are caught and named, claims get their status, flags, the HTML page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bantin.pipeline.check.audit import run_audit, ward_key
from bantin.pipeline.cli import app
from tests.conftest import ROOT, extract

Row = dict[str, Any]
runner = CliRunner()


def _read(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, rows: list[Row]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def outputs(corpus_out: Path, tmp_path: Path) -> Path:
    """A private copy of real outputs, to tamper with."""
    copy = tmp_path / "out"
    shutil.copytree(corpus_out, copy)
    return copy


def _tamper_records(out: Path, pick: Callable[[Row], bool], change: Callable[[Row], None]) -> Row:
    rows = _read(out / "records.jsonl")
    target = next(r for r in rows if pick(r))
    change(target)
    _write(out / "records.jsonl", rows)
    return target


def test_clean_outputs_pass(outputs: Path) -> None:
    result = runner.invoke(app, ["audit", str(outputs)])
    assert result.exit_code == 0, result.output
    assert " 0 failed" in result.output
    data = json.loads((outputs / "audit.json").read_text(encoding="utf-8"))
    assert data["summary"]["records"] > 150
    assert data["records_failed"] == [] and data["article_problems"] == []


def test_changed_amount_is_named(outputs: Path) -> None:
    target = _tamper_records(
        outputs,
        lambda r: r["kind"] == "money" and r["amount"] == 670_000_000,
        lambda r: r.update(amount=760_000_000),
    )
    result = runner.invoke(app, ["audit", str(outputs)])
    assert result.exit_code == 1
    (failed,) = json.loads((outputs / "audit.json").read_text(encoding="utf-8"))["records_failed"]
    assert failed["record_id"] == target["record_id"]
    assert "amount: stored 760000000, evidence says 670000000" in failed["problems"][0]
    assert target["record_id"] in result.output


def test_changed_count_date_and_name_are_named(outputs: Path) -> None:
    count = _tamper_records(
        outputs, lambda r: r["kind"] == "count" and r["value"] == 2676, lambda r: r.update(value=2767)
    )
    date = _tamper_records(
        outputs,
        lambda r: r["kind"] == "date" and r["date_from"] == "2023-03-31",
        lambda r: r.update(date_from="2023-03-30", date_to="2023-03-30"),
    )
    official = _tamper_records(
        outputs,
        lambda r: r["kind"] == "official" and r["name"] == "Biện Văn Long",
        lambda r: r.update(name="Biện Văn Lòng"),
    )
    report = run_audit(outputs)
    failed = {c.record_id: " ".join(c.problems) for c in report.checks if c.problems}
    assert set(failed) == {count["record_id"], date["record_id"], official["record_id"]}
    assert "value: stored 2767, evidence says 2676" in failed[count["record_id"]]
    assert "date_from: stored '2023-03-30', evidence says '2023-03-31'" in failed[date["record_id"]]
    assert "name: stored 'Biện Văn Lòng'" in failed[official["record_id"]]


def test_moved_offset_is_named(outputs: Path) -> None:
    target = _tamper_records(
        outputs, lambda r: r["kind"] == "money", lambda r: r.update(start=r["start"] + 1, end=r["end"] + 1)
    )
    report = run_audit(outputs)
    (failed,) = [c for c in report.checks if c.problems]
    assert failed.record_id == target["record_id"]
    assert failed.problems[0].startswith(f"evidence mismatch: article[{target['start']}:{target['end']}]")


def test_changed_article_text_is_named(outputs: Path) -> None:
    articles = _read(outputs / "articles.jsonl")
    edited = next(a for a in articles if a["source"].endswith("001_f6e4806f46cbd4e1.txt"))
    edited["text"] = edited["text"].replace("575 triệu", "757 triệu")
    _write(outputs / "articles.jsonl", articles)
    result = runner.invoke(app, ["audit", str(outputs)])
    assert result.exit_code == 1
    data = json.loads((outputs / "audit.json").read_text(encoding="utf-8"))
    (problem,) = data["article_problems"]
    assert "001_f6e4806f46cbd4e1.txt: article text changed after extraction" in problem
    assert {r["article_id"] for r in data["records_failed"]} == {edited["article_id"]}


def test_unreadable_outputs_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", str(tmp_path)])
    assert result.exit_code == 2
    assert "articles.jsonl not found" in " ".join(result.output.split())  # rich wraps long lines


CLAIMS = """ward,kind,value,unit,date,note
Phường Tân Quy Đông,money,575000000,,,quà Tết
P. Tân Quy Đông,count,2676,lượt người,,
phường tân quy đông,count,3000,lượt người,,a figure the bulletin does not give
Phường Hiệp Ninh,money,1000000,,,no money in that bulletin
Phường Vân Giang,count,6,tập thể,2023,
Phường Hiệp Ninh,date,2023-07-17..2023-07-31,,,
Phường Hiệp Ninh,date,2023-07-20,,,
Phường Không Có,count,1,hộ,,
Phường Vân Giang,count,abc,tập thể,,
"""
EXPECTED = [
    "supported",
    "supported",
    "contradicted",
    "not_found",
    "supported",
    "supported",
    "contradicted",
    "not_found",
    "invalid",
]


def test_claims_get_their_status(outputs: Path, tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text(CLAIMS, encoding="utf-8")
    result = runner.invoke(app, ["audit", str(outputs), "--claims", str(claims)])
    assert result.exit_code == 0, result.output
    data = json.loads((outputs / "audit.json").read_text(encoding="utf-8"))
    assert [c["status"] for c in data["claims"]] == EXPECTED
    contradicted = data["claims"][2]
    assert {e["text"] for e in contradicted["evidence"]} == {"2.676 lượt người", "93 lượt"}
    assert data["claims"][0]["evidence"][0]["text"] == "hơn 575 triệu đồng"
    strict = runner.invoke(app, ["audit", str(outputs), "--claims", str(claims), "--strict"])
    assert strict.exit_code == 1


def test_claims_file_without_columns_says_why(outputs: Path, tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["audit", str(outputs), "--claims", str(claims)])
    assert result.exit_code == 2
    assert "needs the columns kind, value and ward or source" in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Phường 6", ("phường", "6")),
        ("P.6", ("phường", "6")),
        ("P6", ("phường", "6")),
        ("phường 06", ("phường", "6")),
        ("Phường Tân Quy Đông", ("phường", "tân quy đông")),
        ("Tân Quy Đông", (None, "tân quy đông")),
    ],
)
def test_ward_key(written: str, key: tuple[str | None, str]) -> None:
    from bantin.pipeline.text.textnorm import fold

    assert ward_key(written) == (key[0], fold(key[1]))


FLAGGED = """Phường 9 tổng kết công tác an sinh năm 2023

Tổng kinh phí vận động là 300 triệu đồng, gồm: 100 triệu đồng từ ngân sách, 150 triệu đồng từ xã hội hóa.

Toàn phường có 30 hộ nghèo trên tổng số 80 hộ nghèo của quận, chiếm tỷ lệ 50%.

Hội đã trao 40 suất quà và 60 suất quà, tổng cộng 100 suất quà cho hộ khó khăn.

Có 20 hộ thoát nghèo trên tổng số 40 hộ, chiếm tỷ lệ 50%.
"""


def test_consistency_flags(tmp_path: Path) -> None:
    source = tmp_path / "in" / "a.txt"
    source.parent.mkdir()
    source.write_text(FLAGGED, encoding="utf-8")
    extract([source], tmp_path / "out")
    flags = run_audit(tmp_path / "out").flags
    assert [(f.kind, f.reason) for f in flags] == [
        (
            "total_mismatch",
            "total 300.000.000 đồng but the parts listed beside it add up to 250.000.000 đồng",
        ),
        ("percentage_mismatch", "50% stated, but 30 hộ nghèo of 80 hộ nghèo is 37.50%"),
    ]


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_html_report_in_a_real_browser(outputs: Path, tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        if os.environ.get("BANTIN_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (BANTIN_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("chromium not installed (.ci/run installs it)")
    claims = tmp_path / "claims.csv"
    claims.write_text(CLAIMS, encoding="utf-8")
    runner.invoke(app, ["audit", str(outputs), "--claims", str(claims)])
    page = (outputs / "audit.html").resolve()
    assert "http" not in page.read_text(encoding="utf-8").replace("http-equiv", "")  # no network assets
    dom = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--user-data-dir=" + str(tmp_path / "profile"),
            "--dump-dom",
            page.as_uri() + "?status=contradicted",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert 'data-ready="yes"' in dom  # the page's script ran
    assert "<mark>2.676 lượt người</mark>" in dom  # the evidence of the contradicted claim, highlighted
    assert "<mark>hơn 575 triệu đồng</mark>" in dom
    # The filter from the URL hid every item that is not contradicted.
    hidden = dom.count('style="display: none;"')
    assert hidden == dom.count('class="item"') - EXPECTED.count("contradicted")


def test_eval_equals_the_scorer(corpus_out: Path) -> None:
    scorer = ROOT.parent / "shared" / "tools" / "score.py"
    if not scorer.exists():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    ours = runner.invoke(app, ["eval", str(ROOT / "corpus" / "gold"), str(corpus_out), "--json"])
    theirs = subprocess.run(
        [sys.executable, str(scorer), str(ROOT.parent / "shared" / "gold"), str(corpus_out), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(ours.output) == json.loads(theirs.stdout)
    ours_text = runner.invoke(
        app, ["eval", str(ROOT / "corpus" / "gold"), str(corpus_out), "--details"]
    ).output
    theirs_text = subprocess.run(
        [sys.executable, str(scorer), str(ROOT.parent / "shared" / "gold"), str(corpus_out), "--details"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert ours_text == theirs_text


def test_corpus_gold_is_the_shared_gold() -> None:
    shared = ROOT.parent / "shared" / "gold"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    ours = sorted(p.name for p in (ROOT / "corpus" / "gold").glob("*.json"))
    assert ours == sorted(p.name for p in shared.glob("*.json"))
    for name in ours:
        assert (ROOT / "corpus" / "gold" / name).read_bytes() == (shared / name).read_bytes()


def test_pages_whose_date_comes_from_html_metadata_pass(tmp_path: Path) -> None:
    # The text says "Sáng ngày 12/7" with no year; the page's metadata gives 2023-07-12.
    page = (
        '<html><head><meta charset="utf-8"><title>Hội nghị dân vận</title>'
        '<meta property="article:published_time" content="2023-07-12"></head><body><article>'
        "<h1>Phường Hiệp Ninh tổ chức hội nghị dân vận</h1><p>Sáng ngày 12/7, phường Hiệp Ninh tổ chức hội "
        "nghị triển khai công tác dân vận với sự tham dự của 80 đại biểu.</p></article></body></html>"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_text(page, encoding="utf-8")
    batch = extract([tmp_path / "in"], tmp_path / "out")
    assert any(r["kind"] == "date" and r["date_from"] == "2023-07-12" for r in batch.records)
    assert not run_audit(tmp_path / "out").failed
