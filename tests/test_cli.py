"""The `bantin extract` command: files, summary, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from bantin.pipeline.cli import app
from tests.conftest import CORPUS_FILES

runner = CliRunner()


def test_extract_writes_outputs_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(CORPUS_FILES[1]), str(CORPUS_FILES[2]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "articles" in result.output and "records" in result.output and "seconds" in result.output
    articles = [json.loads(x) for x in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(a["source"]).name for a in articles] == [CORPUS_FILES[1].name, CORPUS_FILES[2].name]


def test_bad_file_among_good_exits_zero_and_is_reported(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(CORPUS_FILES[0], inbox)
    (inbox / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(inbox), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(errors) == 1 and "empty file" in errors[0]


def test_nothing_processable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    result = runner.invoke(app, ["extract", str(tmp_path / "bad.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_no_input_files_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no input files" in result.output


def test_missing_argument_is_a_usage_error() -> None:
    assert runner.invoke(app, ["extract"]).exit_code == 2
