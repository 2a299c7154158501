"""Command-line options that had no test of their own: -q, -o, --max-bytes, audit --report, eval's exits."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bantin.pipeline.cli import app
from tests.conftest import CORPUS_FILES, ROOT

runner = CliRunner()


def test_quiet_prints_nothing_and_o_names_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "chosen"
    result = runner.invoke(app, ["extract", str(CORPUS_FILES[0]), "-o", str(out), "-q"])
    assert result.exit_code == 0
    assert result.output == ""
    assert (out / "articles.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_max_bytes_reports_a_larger_file_and_keeps_the_others(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "small.txt").write_text("Phường 6 trao 10 suất quà.", encoding="utf-8")
    (inbox / "large.txt").write_text("Phường 6 trao 10 suất quà. " * 20, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(inbox), "-o", str(out), "-q", "--max-bytes", "100"])
    assert result.exit_code == 0  # a bad file among good ones is reported, not fatal
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(e["source"]).name for e in errors] == ["large.txt"]
    assert "100 bytes" in errors[0]["reason"]
    articles = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [Path(json.loads(a)["source"]).name for a in articles] == ["small.txt"]


def test_audit_report_goes_to_the_folder_asked(corpus_out: Path, tmp_path: Path) -> None:
    report = tmp_path / "report"
    result = runner.invoke(app, ["audit", str(corpus_out), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert (report / "audit.html").exists() and (report / "audit.json").exists()
    assert not (corpus_out / "audit.json").exists()


def test_eval_with_the_shipped_gold_needs_no_shared_folder(corpus_out: Path) -> None:
    result = runner.invoke(app, ["eval", str(ROOT / "corpus" / "gold"), str(corpus_out), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["macro_f1"] == 1.0


def test_eval_of_a_missing_folder_exits_2(corpus_out: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["eval", str(tmp_path / "nope"), str(corpus_out)]).exit_code == 2
    assert runner.invoke(app, ["eval", str(ROOT / "corpus" / "gold"), str(tmp_path / "nope")]).exit_code == 2
