"""Never lose, hang or crash: bad paths, concurrent runs, resumed runs after edits, dead and slow
workers, unbounded inputs, markup in names, out-of-range values, bad claims, and the messages."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import bantin.pipeline.run.batch
from bantin.pipeline.check.audit import run_audit
from bantin.pipeline.cli import app
from bantin.pipeline.ingest.inputs import IngestError, InputItem, iter_inputs, read_item
from bantin.pipeline.run.article import process_item
from bantin.pipeline.run.batch import JOURNAL_DIR, RunConfig, run_to_dir
from tests.conftest import CORPUS_FILES, ROOT, extract

runner = CliRunner()
Row = dict[str, Any]
GOOD = "Sáng ngày 12/7/2023, Đảng ủy Phường 6 trao 120 suất quà với tổng kinh phí 50 triệu đồng."


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail, not hang, when the block overruns (the defects under test used to hang)."""

    def overrun(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _read(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _inbox(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(inputs: list[Path], out: Path, **kwargs: Any) -> bantin.pipeline.run.batch.RunSummary:
    config = RunConfig(**{k: v for k, v in kwargs.items() if k in ("timeout", "max_bytes")})
    extra = {k: v for k, v in kwargs.items() if k in ("workers", "resume")}
    return run_to_dir(list(iter_inputs(inputs)), out, config, **extra)


# --- 1. a mistyped input, a run that processes nothing --------------------------------------------


def test_a_missing_input_is_a_usage_error_and_leaves_out_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(CORPUS_FILES[0]), "--out", str(out), "-q"]).exit_code == 0
    before = _snapshot(out)
    result = runner.invoke(app, ["extract", str(tmp_path / "inptus"), "--out", str(out), "-q"])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output and "inptus" in result.output
    assert _snapshot(out) == before


def test_a_run_that_processes_no_article_keeps_the_earlier_outputs(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path / "in", {"good.txt": GOOD})
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(inbox), "--out", str(out), "-q"]).exit_code == 0
    outputs = {k: v for k, v in _snapshot(out).items() if not k.startswith(JOURNAL_DIR)}
    result = runner.invoke(app, ["extract", str(tmp_path / "bad"), "--out", str(out), "-q"])
    assert result.exit_code == 1
    assert "empty file" in result.output and "left as they were" in result.output
    assert {k: v for k, v in _snapshot(out).items() if not k.startswith(JOURNAL_DIR)} == outputs
    # The journal still matches the outputs: resuming the first run finds its article done.
    assert _run([inbox], out, resume=True).skipped == 1


# --- 2. one run at a time into an OUT ------------------------------------------------------------


def test_a_second_run_into_the_same_out_refuses(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / JOURNAL_DIR).mkdir(parents=True)
    with open(out / JOURNAL_DIR / "lock", "w") as held:  # as a live run holds it
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write("4242\n")
        held.flush()
        result = runner.invoke(app, ["extract", str(CORPUS_FILES[0]), "--out", str(out), "-q"])
    assert result.exit_code == 2
    assert "in use by another" in result.output and "4242" in result.output
    assert not (out / "articles.jsonl").exists()


def test_a_stale_lock_of_a_killed_run_is_taken_over(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / JOURNAL_DIR).mkdir(parents=True)
    (out / JOURNAL_DIR / "lock").write_text("999999\n")  # its process is gone: nobody holds it
    result = runner.invoke(app, ["extract", str(CORPUS_FILES[0]), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output


# --- 3. --resume after the inputs changed --------------------------------------------------------


def test_resume_reconciles_by_input(tmp_path: Path) -> None:
    texts = {
        "a.txt": "Phường 6 trao 120 suất quà cho hộ nghèo.",
        "b.txt": "Phường 7 trao 30 suất quà cho hộ nghèo.",
        "c.txt": "Phường 8 trao 45 suất quà cho hộ nghèo.",
    }
    inbox = _inbox(tmp_path / "in", texts)
    out = tmp_path / "out"
    _run([inbox], out)
    (inbox / "b.txt").write_text("Phường 7 trao 31 suất quà cho hộ nghèo.", encoding="utf-8")
    (inbox / "c.txt").unlink()
    summary = _run([inbox], out, resume=True)
    assert (summary.skipped, summary.replaced, summary.dropped, summary.articles) == (1, 1, 1, 2)
    articles = _read(out / "articles.jsonl")
    assert [(Path(a["source"]).name, a["text"]) for a in articles] == [
        ("a.txt", texts["a.txt"]),
        ("b.txt", "Phường 7 trao 31 suất quà cho hộ nghèo."),
    ]
    counts = [r["value"] for r in _read(out / "records.jsonl") if r["kind"] == "count"]
    assert sorted(counts) == [31, 120]
    # The same outputs as a clean run over the inputs as they are now.
    _run([inbox], tmp_path / "clean")
    for name in ("articles.jsonl", "records.jsonl", "errors.jsonl"):
        assert (out / name).read_bytes() == (tmp_path / "clean" / name).read_bytes(), name


# --- 5, 6. names that are not UTF-8, markup in names and values ----------------------------------


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(os.path.join(os.fsencode(inbox), b"n\xff.txt"), "wb") as fh:
        fh.write(GOOD.replace("120", "130").encode())
    line = {"url": "https://x.example.vn/\ud800", "text": "Phường 9 trao 12 suất quà \ud800."}
    (inbox / "pages.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    summary = _run([inbox], tmp_path / "out")
    assert summary.articles == 3
    sources = {a["source"] for a in _read(tmp_path / "out" / "articles.jsonl")}
    assert str(inbox / "n\\xff.txt") in sources and "https://x.example.vn/\\ud800" in sources


def test_markup_in_paths_and_values_is_printed_as_written(tmp_path: Path) -> None:
    inbox = tmp_path / "in[x]"
    (inbox / "a[").mkdir(parents=True)
    (inbox / "a[" / "x]b.txt").write_bytes(b"")  # the path holds "[/x]"
    (inbox / "good.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(inbox), "--out", str(tmp_path / "out[/y]")])
    assert result.exit_code == 0, result.output
    assert "a[/x]b.txt: empty file" in result.output
    sites = tmp_path / "sites.yaml"
    sites.write_text("sites:\n  - match: '[/b]'\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(inbox), "--sites", str(sites), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "entry 1 ([/b])" in result.output
    for command, code in (("audit", 2), ("load", 1)):
        result = runner.invoke(app, [command, str(tmp_path / "x[/y]")])
        assert result.exit_code == code and "x[/y]" in result.output, (command, result.output)


# --- 7. values out of a column's range -----------------------------------------------------------


def test_an_amount_beyond_64_bits_is_a_validation_error(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path / "in", {"a.txt": "Phường 6 vận động được 10 triệu tỷ tỷ đồng và 50 triệu đồng."})
    summary = _run([inbox], tmp_path / "out")
    assert summary.articles == 1
    [error] = _read(tmp_path / "out" / "errors.jsonl")
    assert error["stage"] == "validate" and error["kind"] == "money"
    assert "less than or equal to 9223372036854775807" in error["reason"]
    assert pq.read_table(tmp_path / "out" / "money.parquet").column("amount").to_pylist() == [50_000_000]


# --- 8. claims files -----------------------------------------------------------------------------

CLAIMS = [
    # (the CSV line, its status, the reason says)
    ("Phường Tân Quy Đông,money,575.000.000,,,,", "invalid", "7 cells, but the header has 6 columns"),
    ("Phường Tân Quy Đông,money,sNaN,,,", "invalid", "is not a number"),
    ("Phường Tân Quy Đông,money,NaN,,,", "invalid", "is not a number"),
    ("Phường Tân Quy Đông,count,Infinity,lượt người,,", "invalid", "is not a number"),
    ("Phường Tân Quy Đông,money,575000000,,mùa xuân,", "invalid", "date 'mùa xuân' is not"),
    ("Phường Tân Quy Đông,money,575000000,,2022-13,", "invalid", "date '2022-13' is not"),
    (",money,575000000,,,", "invalid", "neither a ward nor a source"),
    ("ward,kind,value,unit,date,note", "invalid", "a repeated header line"),
    ("Phường Tân Quy Đông,money,575.000.000,,,", "supported", "1 record(s)"),
    ("Phường Tân Quy Đông,count,2.676,lượt người,2022,", "supported", "1 record(s)"),
]


def test_bad_claim_cells_make_that_claim_invalid(corpus_out: Path, tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text("ward,kind,value,unit,date,note\n" + "\n".join(c[0] for c in CLAIMS) + "\n", "utf-8")
    report = run_audit(corpus_out, claims)
    for result, (line, status, reason) in zip(report.claims, CLAIMS, strict=True):
        assert (result.status, reason in result.reason) == (status, True), (line, result.reason)


def test_a_duplicated_header_makes_every_claim_invalid(corpus_out: Path, tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text("ward,kind,value,value\nPhường Tân Quy Đông,money,1,575000000\n", encoding="utf-8")
    [result] = run_audit(corpus_out, claims).claims
    assert result.status == "invalid" and "names the column 'value' twice" in result.reason


# --- 9. workers that die or overrun --------------------------------------------------------------


def _inputs_with_a_bad_one(tmp_path: Path) -> Path:
    texts = {f"{i}.txt": f"Phường {i} trao {i + 10} suất quà cho hộ nghèo." for i in range(1, 5)}
    return _inbox(tmp_path / "in", {**texts, "2-bad.txt": "Phường 9 trao 99 suất quà."})


def test_a_worker_killed_by_the_system_costs_its_input_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def dies_on_bad(item: InputItem, *args: Any) -> Any:
        if item.label.endswith("bad.txt"):
            os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer does
        return process_item(item, *args)

    monkeypatch.setattr(bantin.pipeline.run.batch, "process_item", dies_on_bad)  # inherited by the forked workers
    with deadline(60):
        summary = _run([_inputs_with_a_bad_one(tmp_path)], tmp_path / "out", workers=2)
    assert summary.articles == 4
    [error] = _read(tmp_path / "out" / "errors.jsonl")
    assert error["source"].endswith("2-bad.txt")
    assert "worker process died" in error["reason"] and "SIGKILL" in error["reason"]


def test_an_input_that_overruns_the_time_limit_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_on_bad(item: InputItem, *args: Any) -> Any:
        if item.label.endswith("bad.txt"):
            import time

            time.sleep(60)
        return process_item(item, *args)

    monkeypatch.setattr(bantin.pipeline.run.batch, "process_item", slow_on_bad)
    with deadline(30):
        summary = _run([_inputs_with_a_bad_one(tmp_path)], tmp_path / "out", workers=1, timeout=1.5)
    assert summary.articles == 4
    [error] = _read(tmp_path / "out" / "errors.jsonl")
    assert error["source"].endswith("2-bad.txt") and "longer than 1.5 s" in error["reason"]


# --- 10, 14. unbounded inputs, special files in a folder ------------------------------------------


def test_max_bytes_bounds_what_is_read_from_a_device_or_a_pipe(tmp_path: Path) -> None:
    # /dev/zero never ends: read in a child process whose memory is capped, so that a regression
    # fails at once instead of taking the machine's memory.
    probe = (
        "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from bantin.pipeline.ingest.inputs import IngestError, InputItem, read_item\n"
        "try:\n    read_item(InputItem('/dev/zero'), 100)\nexcept IngestError as exc:\n    print(exc.reason)\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "more than 100 bytes; the limit is 100 bytes" in run.stdout, run.stderr[-500:]
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: _feed(fifo, 10_000_000), daemon=True)
    writer.start()
    with deadline(20), pytest.raises(IngestError, match="too large"):
        read_item(InputItem(str(fifo)), 1000)


def _feed(fifo: Path, size: int) -> None:
    with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as fh:
        fh.write(b"a" * size)


def test_the_size_limit_is_said_in_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_item(InputItem(str(tmp_path / "a.txt")), 100)
    assert f"({len(GOOD.encode())} bytes; the limit is 100 bytes, see --max-bytes)" in info.value.reason


def test_every_path_met_in_a_folder_is_processed_or_reported(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path / "in", {"good.txt": GOOD, "notes.pdf": "not a bulletin"})
    (inbox / "dangling.txt").symlink_to(inbox / "gone.txt")
    (inbox / "loop.txt").symlink_to(inbox / "loop.txt")
    (inbox / "device.txt").symlink_to("/dev/null")
    os.mkfifo(inbox / "fifo.txt")
    (inbox / "sub").mkdir()
    (inbox / "sub" / "up").symlink_to(inbox)
    with deadline(60):
        summary = _run([inbox], tmp_path / "out")
    assert summary.articles == 1
    reasons = {Path(e["source"]).name: e["reason"] for e in _read(tmp_path / "out" / "errors.jsonl")}
    assert reasons == {
        "dangling.txt": "dangling symlink (its target does not exist)",
        "device.txt": "not a regular file (a character device)",
        "fifo.txt": "not a regular file (a FIFO)",
        "loop.txt": "symlink loop, not followed",
        "up": "symlink loop (a link to a folder that contains it), not followed",
    }


# --- 12, 13. sentences and YAML that grow without bound ------------------------------------------


def test_the_stored_sentence_is_capped_around_its_evidence(tmp_path: Path) -> None:
    figures = ", ".join(f"hộ số {i} nhận {i + 1} triệu đồng" for i in range(200))
    text = f"Phường 6 trao quà Tết.\n\nTrong năm, {figures} để đón Tết."
    inbox = _inbox(tmp_path / "in", {"a.txt": text})
    _run([inbox], tmp_path / "out")
    money = [r for r in _read(tmp_path / "out" / "records.jsonl") if r["kind"] == "money"]
    assert len(money) == 200
    for r in money:
        assert len(r["sentence"]) <= 402 and r["text"] in r["sentence"]
    assert money[0]["sentence"].startswith("Trong năm, hộ số 0") and money[0]["sentence"].endswith("…")
    assert money[100]["sentence"].startswith("…") and money[100]["sentence"].endswith("…")
    assert money[-1]["sentence"].endswith("để đón Tết.")
    assert not run_audit(tmp_path / "out").failed


def test_aliases_in_a_sites_file_are_refused(tmp_path: Path) -> None:
    sites = tmp_path / "sites.yaml"
    sites.write_text("a: &a [x, x, x]\nb: &b [*a, *a, *a]\nsites:\n  - {match: a, region: *b}\n", "utf-8")
    result = runner.invoke(app, ["extract", str(CORPUS_FILES[0]), "--sites", str(sites), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "aliases (*name) are not allowed" in result.output


# --- 18, 19. the audit -----------------------------------------------------------------------------


def test_a_total_ends_at_its_sentence(tmp_path: Path) -> None:
    text = (
        "Phường 9 hỗ trợ hộ khó khăn\n\n"
        "Năm qua, phường hỗ trợ tổng cộng 10 hộ, gồm 3 hộ nghèo và 7 hộ cận nghèo.\n\n"
        "Ngoài ra, 5 hộ được vay vốn.\n"
    )
    source = _inbox(tmp_path / "in", {"a.txt": text}) / "a.txt"
    batch = extract([source], tmp_path / "out")
    assert sorted(r["value"] for r in batch.records if r["kind"] == "count") == [3, 5, 7, 10]
    assert run_audit(tmp_path / "out").flags == []


def _tamper(out: Path, name: str, pick: Any, change: Any) -> Row:
    rows = _read(out / name)
    target = next(r for r in rows if pick(r))
    change(target)
    (out / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return target


def test_the_audit_compares_every_stored_field(corpus_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(corpus_out, out)
    units = [r for r in _read(out / "records.jsonl") if r["kind"] == "unit" and r["code"] and r["name_2025"]]
    code = _tamper(out, "records.jsonl", lambda r: r == units[0], lambda r: r.update(code="1"))
    name_2025 = _tamper(out, "records.jsonl", lambda r: r == units[1], lambda r: r.update(name_2025=["X"]))
    sentence = _tamper(
        out, "records.jsonl", lambda r: r["kind"] == "money", lambda r: r.update(sentence=r["text"] + " giả.")
    )
    article = _tamper(
        out, "articles.jsonl", lambda a: a["published"], lambda a: a.update(published="2001-01-01")
    )
    report = run_audit(out)
    failed = {c.record_id: " ".join(c.problems) for c in report.checks if c.problems}
    assert f"code: stored '1', evidence says '{units[0]['code']}'" in failed[code["record_id"]]
    assert "name_2025: stored ['X']" in failed[name_2025["record_id"]]
    assert "sentence: stored" in failed[sentence["record_id"]]
    [problem] = report.article_problems
    assert f"{article['source']}: published changed after extraction (stored '2001-01-01'" in problem


def test_the_audit_relinks_with_the_hints_of_the_run(tmp_path: Path) -> None:
    source = _inbox(tmp_path / "in", {"a.txt": "Phường 6 tổ chức hội nghị với 120 đại biểu."}) / "a.txt"
    batch = extract([source], tmp_path / "out", hints={"region": "Tân An, Long An"})
    [unit] = [r for r in batch.records if r["kind"] == "unit"]
    assert unit["link_status"] == "linked"
    assert not run_audit(tmp_path / "out").failed


# --- 20. temporary files of a killed output build ------------------------------------------------


def test_resume_removes_the_temporary_files_of_a_killed_build(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path / "in", {"a.txt": GOOD})
    out = tmp_path / "out"
    _run([inbox], out)
    stale = [out / ".records.jsonl.k1d2x9_a.tmp", out / ".money.parquet.abcd1234.tmp"]
    for path in stale:
        path.write_bytes(b"half")
    (out / ".mine.tmp").write_bytes(b"not ours")
    _run([inbox], out, resume=True)
    assert not any(p.exists() for p in stale) and (out / ".mine.tmp").exists()


# --- 21. messages --------------------------------------------------------------------------------


def test_an_unknown_option_lists_the_options() -> None:
    result = runner.invoke(app, ["extract", "corpus", "--bogus"])
    assert result.exit_code == 2
    assert "--workers" in result.output and "--timeout" in result.output


def test_messages_are_not_wrapped_when_not_on_a_terminal(tmp_path: Path) -> None:
    deep = tmp_path / ("a-rather-long-folder-name-" * 4) / "outputs"
    result = runner.invoke(app, ["audit", str(deep)])
    assert result.exit_code == 2
    assert f"error: {deep / 'articles.jsonl'} not found: is {deep} the output folder" in result.output


def test_load_says_what_it_did_on_stdout(corpus_out: Path, tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    result = runner.invoke(app, ["load", str(corpus_out), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 0 and result.stdout.startswith("loaded 5 articles")


def test_audit_flags_name_the_source(tmp_path: Path) -> None:
    text = "Phường 9 tổng kết\n\nTổng kinh phí là 300 triệu đồng, gồm: 100 triệu đồng và 150 triệu đồng.\n"
    source = _inbox(tmp_path / "in", {"a.txt": text}) / "a.txt"
    extract([source], tmp_path / "out")
    result = runner.invoke(app, ["audit", str(tmp_path / "out")])
    assert f"FLAG     total_mismatch in {source}: total 300.000.000 đồng" in result.output


def _help(command: str) -> str:
    """A command's help as one line of words (the panel's borders and wrapping taken out)."""
    return " ".join(runner.invoke(app, [command, "--help"]).output.replace("│", " ").split())


def test_help_texts_say_what_they_mean() -> None:
    eval_help = _help("eval")
    assert "(see README, Command line: eval)" in eval_help
    assert "\n### eval\n" in (ROOT / "README.md").read_text(encoding="utf-8")
    audit_help = _help("audit")
    assert "ward or source, kind, value, [unit], [date], [note]" in audit_help


def test_make_clean_removes_every_generated_file() -> None:
    if shutil.which("make") is None:
        pytest.skip("no make")
    dry = subprocess.run(["make", "-n", "clean"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for generated in ("outputs/.bantin", "outputs/bantin.duckdb", "/register-v*.pickle"):
        assert generated in dry
