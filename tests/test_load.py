"""`bantin load`: one schema in DuckDB and PostgreSQL, idempotent, transactional, useful queries.

The PostgreSQL cases run against the server in BANTIN_TEST_PG_URL (`.ci/run` starts a
throw-away cluster and sets it); without it they skip, unless BANTIN_REQUIRE_PG is set.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline import load as loader
from pipeline.cli import app
from pipeline.load import TABLE, LoadError, Target, connect, load, parse_target
from pipeline.records import KINDS
from pipeline.resources import load_yaml
from tests.conftest import CORPUS, ROOT

runner = CliRunner()
PG_URL = os.environ.get("BANTIN_TEST_PG_URL")


def _drop_all(target: Target) -> None:
    with connect(target) as con:
        for table in [*TABLE.values(), "articles"]:
            con.execute(f"DROP TABLE IF EXISTS {table}" + (" CASCADE" if target.kind == "postgresql" else ""))
        con.commit()


@pytest.fixture(params=["duckdb", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Target]:
    if request.param == "duckdb":
        yield Target("duckdb", str(tmp_path / "test.duckdb"))
        return
    if not PG_URL:
        if os.environ.get("BANTIN_REQUIRE_PG") or os.environ.get("BANTIN_REQUIRE_BROWSER"):
            pytest.fail("BANTIN_TEST_PG_URL is not set: .ci/run starts a PostgreSQL cluster and sets it")
        pytest.skip("no PostgreSQL server (set BANTIN_TEST_PG_URL; .ci/run does)")
    pg = Target("postgresql", PG_URL)
    _drop_all(pg)
    yield pg
    _drop_all(pg)


def _query(target: Target, sql: str) -> list[tuple[Any, ...]]:
    with connect(target) as con:
        rows = con.execute(sql).fetchall()
        if target.kind == "postgresql":
            con.rollback()
        return [tuple(r) for r in rows]


def _dump(target: Target) -> dict[str, set[tuple[Any, ...]]]:
    out = {}
    for table in ["articles", *TABLE.values()]:
        rows = _query(target, f"SELECT * FROM {table}")
        out[table] = {tuple(tuple(v) if isinstance(v, list) else v for v in r) for r in rows}
    return out


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    for db in dst.glob("*.duckdb*"):
        db.unlink()
    return dst


def _records(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]


def _write_records(out: Path, rows: list[dict[str, Any]]) -> None:
    (out / "records.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )


def test_load_types_and_counts(target: Target, corpus_out: Path, tmp_path: Path) -> None:
    out = _copy(corpus_out, tmp_path / "out")
    result = load(out, target)
    records = _records(out)
    assert result.articles == 5
    for kind in KINDS:
        expected = sum(1 for r in records if r["kind"] == kind)
        assert _query(target, f"SELECT COUNT(*) FROM {TABLE[kind]}") == [(expected,)], kind
    (row,) = _query(
        target,
        "SELECT published, authors, ward_code, ward_code_2025 FROM articles "
        "WHERE source LIKE '%002_84d2a3dbb6a45ac7.txt'",
    )
    assert (str(row[0]), list(row[1]), row[2], list(row[3])) == (
        "2023-07-12",
        ["Quỳnh Yên"],
        "25465",
        ["25459"],
    )
    (amount,) = _query(target, "SELECT amount FROM money WHERE text = 'hơn 575 triệu đồng'")
    assert amount == (575_000_000,) and isinstance(amount[0], int)
    (titles,) = _query(target, "SELECT titles FROM officials WHERE name = 'Nguyễn Thị Tuyết Mai'")
    assert list(titles[0]) == ["QUV", "Phó trưởng Ban Tuyên giáo Quận ủy"]
    (dates,) = _query(target, "SELECT date_from, date_to FROM dates WHERE text LIKE 'từ ngày 17/7%'")
    assert tuple(str(d) for d in dates) == ("2023-07-17", "2023-07-31")
    assert _query(
        target,
        "SELECT COUNT(*) FROM money m LEFT JOIN articles a ON a.article_id = m.article_id "
        "WHERE a.article_id IS NULL",
    ) == [(0,)]


def test_load_twice_leaves_the_same_rows(target: Target, corpus_out: Path, tmp_path: Path) -> None:
    out = _copy(corpus_out, tmp_path / "out")
    load(out, target)
    first = _dump(target)
    again = load(out, target)
    assert again.removed == 0
    assert _dump(target) == first


def test_reload_updates_changed_and_removes_dropped_records(
    target: Target, corpus_out: Path, tmp_path: Path
) -> None:
    out = _copy(corpus_out, tmp_path / "out")
    load(out, target)
    rows = _records(out)
    dropped = next(r for r in rows if r["kind"] == "money" and r["amount"] == 670_000_000)
    changed = next(r for r in rows if r["kind"] == "count" and r["value"] == 2676)
    rows = [r for r in rows if r is not dropped]
    changed["unit"] = "lượt người dự"
    _write_records(out, rows)
    result = load(out, target)
    assert result.removed == 1
    assert _query(target, f"SELECT COUNT(*) FROM money WHERE record_id = '{dropped['record_id']}'") == [(0,)]
    assert _query(target, f"SELECT unit FROM counts WHERE record_id = '{changed['record_id']}'") == [
        ("lượt người dự",)
    ]
    assert _query(target, "SELECT COUNT(*) FROM money") == [(4,)]


def test_bad_file_leaves_the_database_as_it_was(target: Target, corpus_out: Path, tmp_path: Path) -> None:
    out = _copy(corpus_out, tmp_path / "out")
    load(out, target)
    before = _dump(target)
    bad = _copy(corpus_out, tmp_path / "bad")
    with (bad / "records.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"kind": "money", "broken"\n')
    with pytest.raises(LoadError, match=r"records\.jsonl:.*not JSON"):
        load(bad, target)
    assert _dump(target) == before


def test_failure_midway_rolls_back(
    target: Target, corpus_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _copy(corpus_out, tmp_path / "out")
    load(out, target)
    before = _dump(target)
    rows = _records(out)
    rows = [r for r in rows if r["kind"] != "model"]  # a load that would delete records …
    _write_records(out, rows)
    real_upsert = loader._upsert

    def failing(con: Any, table: str, *args: Any) -> None:
        if table == "money":  # … and fails after it has deleted and written some tables
            raise ConnectionError("server gone")
        real_upsert(con, table, *args)

    monkeypatch.setattr(loader, "_upsert", failing)
    with pytest.raises(LoadError, match="rolled back: ConnectionError: server gone"):
        load(out, target)
    assert _dump(target) == before


QUERIES: dict[str, str] = load_yaml("pipeline", "queries.yaml")


def test_readme_shows_the_tested_queries() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, sql in QUERIES.items():
        assert sql.strip() in readme, f"README does not show the query {name}"


def test_useful_queries(target: Target, corpus_out: Path, tmp_path: Path) -> None:
    load(_copy(corpus_out, tmp_path / "out"), target)
    money = set(_query(target, QUERIES["money_per_ward_per_year"]))
    assert ("Tân Quy Đông", None, 919_000_000, 4) in money
    officials = set(_query(target, QUERIES["officials_by_ward"]))
    assert ("Hiệp Ninh", "Lê Hoàng Linh", 1) in officials
    assert (None, "Lê Hồng Phú", 2) in officials  # a district's article on many wards has no ward
    campaigns = _query(target, QUERIES["campaigns_by_articles"])
    assert campaigns[0] == ("Dân vận khéo", 3)


def test_parse_target(tmp_path: Path) -> None:
    assert parse_target(None, tmp_path) == Target("duckdb", str(tmp_path / "bantin.duckdb"))
    assert parse_target("x.duckdb", tmp_path) == Target("duckdb", "x.duckdb")
    assert parse_target("duckdb:///x.duckdb", tmp_path) == Target("duckdb", "x.duckdb")
    assert parse_target("duckdb:////tmp/x.duckdb", tmp_path) == Target("duckdb", "/tmp/x.duckdb")
    assert parse_target("postgresql://u:p@h:5/d", tmp_path).kind == "postgresql"
    with pytest.raises(LoadError, match="unsupported database URL"):
        parse_target("mysql://h/d", tmp_path)


def test_cli_load_and_extract_with_db(corpus_out: Path, tmp_path: Path) -> None:
    out = _copy(corpus_out, tmp_path / "out")
    result = runner.invoke(app, ["load", str(out)])
    assert result.exit_code == 0, result.output
    assert _query(Target("duckdb", str(out / "bantin.duckdb")), "SELECT COUNT(*) FROM articles") == [(5,)]
    db = tmp_path / "run.duckdb"
    result = runner.invoke(
        app,
        [
            "extract",
            str(CORPUS / "001_f6e4806f46cbd4e1.txt"),
            "--out",
            str(tmp_path / "o2"),
            "-q",
            "--db",
            str(db),
        ],
    )
    assert result.exit_code == 0, result.output
    assert _query(Target("duckdb", str(db)), "SELECT SUM(amount) FROM money") == [(919_000_000,)]


def test_cli_load_says_why_it_cannot_connect(corpus_out: Path) -> None:
    result = runner.invoke(
        app, ["load", str(corpus_out), "--db", "postgresql://nobody:secret@127.0.0.1:1/none"]
    )
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "cannot connect to postgresql" in text
    assert "secret" not in text
