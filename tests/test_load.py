"""`bantin load`: one schema in DuckDB and PostgreSQL, idempotent, transactional, useful queries.

The PostgreSQL cases run against the server in BANTIN_TEST_PG_URL (`.ci/run` starts a
throw-away cluster and sets it); without it they skip, unless BANTIN_REQUIRE_PG is set.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bantin.pipeline.cli import app
from bantin.pipeline.database import load as loader
from bantin.pipeline.database.load import TABLE, LoadError, Target, connect, load, mask, parse_target
from bantin.pipeline.records.schema import KINDS
from bantin.pipeline.text.resources import load_yaml
from tests.conftest import CORPUS, ROOT, _query

runner = CliRunner()


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


TAN_QUY_DONG = "Phường Tân Quy Đông, Thành phố Sa Đéc, Tỉnh Đồng Tháp → Phường Sa Đéc"
HIEP_NINH = "Phường Hiệp Ninh, Thành phố Tây Ninh, Tỉnh Tây Ninh → Phường Tân Ninh"


def test_useful_queries(target: Target, corpus_out: Path, tmp_path: Path) -> None:
    load(_copy(corpus_out, tmp_path / "out"), target)
    money = set(_query(target, QUERIES["money_per_ward_per_year"]))
    assert ("legacy:29917", TAN_QUY_DONG, None, 919_000_000, 4) in money
    # Seed 000 is about the events of two wards ("Phường 6" and "Phường 11"): about no single ward.
    assert (None, None, None, 670_000_000, 1) in money
    officials = set(_query(target, QUERIES["officials_by_ward"]))
    assert (HIEP_NINH, "Lê Hoàng Linh", 1) in officials
    assert (None, "Lê Hồng Phú", 2) in officials  # a district's article on many wards has no ward
    campaigns = _query(target, QUERIES["campaigns_by_articles"])
    assert campaigns[0] == ("Dân vận khéo", 3)


def test_register_dimension(target: Target, corpus_out: Path, tmp_path: Path) -> None:
    load(_copy(corpus_out, tmp_path / "out"), target)
    (row,) = _query(
        target,
        "SELECT r.code, r.level, r.district_name, r.province_name, r.valid_until, r.successor_codes, r.full_name "
        "FROM register r WHERE r.unit_id = 'legacy:27202'",
    )
    assert row[:5] == ("27202", "phường", "Quận 10", "Thành phố Hồ Chí Minh", dt.date(2025, 6, 30))
    assert row[6] == "Phường 6, Quận 10, Thành phố Hồ Chí Minh → Phường Diên Hồng"
    (successor,) = _query(target, f"SELECT name, valid_from FROM register WHERE unit_id = '2025:{row[5][0]}'")
    assert successor == ("Phường Diên Hồng", dt.date(2025, 7, 1))


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


def _articles(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def _write_articles(out: Path, rows: list[dict[str, Any]]) -> None:
    (out / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def _money(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return next(r for r in rows if r["kind"] == "money")


def _fractional(rows: list[dict[str, Any]]) -> None:
    _money(rows)["amount"] = 1.5


def _negative(rows: list[dict[str, Any]]) -> None:
    _money(rows)["amount"] = -5


def _duplicate(rows: list[dict[str, Any]]) -> None:
    rows.append(dict(_money(rows)))


def _bad_role(rows: list[dict[str, Any]]) -> None:
    _money(rows)["role"] = "rate"  # a rate without its per


def _wrong_type(rows: list[dict[str, Any]]) -> None:
    next(r for r in rows if r["kind"] == "date")["date_from"] = "hôm qua"


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_fractional, r"records\.jsonl:\d+: bad record '\w+' \(money.amount: Input should be a valid integer"),
        (_negative, r"bad record '\w+' \(money.amount: Input should be greater than or equal to 0"),
        (_duplicate, r"records\.jsonl:\d+: duplicate record_id '\w+'"),
        (_bad_role, r"a rate, and only a rate, has a per"),
        (_wrong_type, r"date_from: Input should be a valid date"),
    ],
)
def test_bad_records_are_refused_before_the_database_is_touched(
    spoil: Any, message: str, target: Target, corpus_out: Path, tmp_path: Path
) -> None:
    out = _copy(corpus_out, tmp_path / "out")
    load(out, target)
    before = _dump(target)
    rows = _records(out)
    spoil(rows)
    _write_records(out, rows)
    with pytest.raises(LoadError, match=message):
        load(out, target)
    assert _dump(target) == before


def test_authors_as_a_string_are_refused(corpus_out: Path, tmp_path: Path) -> None:
    out = _copy(corpus_out, tmp_path / "out")
    articles = _articles(out)
    articles[0]["authors"] = "Quỳnh Yên"
    _write_articles(out, articles)
    target = Target("duckdb", str(tmp_path / "x.duckdb"))
    with pytest.raises(LoadError, match=r"articles\.jsonl:1: .*authors"):
        load(out, target)
    assert not Path(target.location).exists()  # refused before the database was even opened


@pytest.mark.parametrize("url", ["", "  ", "duckdb://", "duckdb:///", ":memory:", "postgresql://"])
def test_db_must_name_a_file_or_a_server(url: str, corpus_out: Path) -> None:
    with pytest.raises(LoadError, match="names no"):
        parse_target(url, corpus_out)
    result = runner.invoke(app, ["load", str(corpus_out), "--db", url])
    assert result.exit_code == 1 and "names no" in result.output


def test_credentials_are_masked_in_every_message(
    corpus_out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "postgresql://bantin:s3cr%21t@127.0.0.1:1/none"
    with pytest.raises(LoadError) as info:
        parse_target("mysql://bantin:s3cr%21t@h/d", tmp_path)
    assert "s3cr" not in str(info.value)
    assert mask(f"could not connect to {url}") == "could not connect to postgresql://bantin:***@127.0.0.1:1/none"

    class Failing:
        def execute(self, *args: Any) -> None:
            raise RuntimeError(f"server said: password s3cr%21t for {url} rejected")

        def rollback(self) -> None:
            pass

        def close(self) -> None:
            pass

    import psycopg

    monkeypatch.setattr(psycopg, "connect", lambda *a, **k: Failing())
    with pytest.raises(LoadError) as info:
        load(corpus_out, Target("postgresql", url))
    assert "s3cr" not in str(info.value) and "***" in str(info.value)


def test_articles_stored_before_signatures_are_grouped(target: Target, corpus_out: Path, tmp_path: Path) -> None:
    out = _copy(corpus_out, tmp_path / "out")
    load(out, target)
    with connect(target) as con:  # as a database loaded before near-duplicate grouping existed
        con.execute("UPDATE articles SET minhash = NULL, duplicate_group = NULL, canonical = NULL")
        con.commit()
    first = _articles(out)[:1]
    _write_articles(out, first)
    _write_records(out, [r for r in _records(out) if r["article_id"] == first[0]["article_id"]])
    load(out, target)
    assert _query(target, "SELECT COUNT(*) FROM articles WHERE minhash IS NULL OR canonical IS NULL") == [(0,)]
    assert _query(target, "SELECT COUNT(*) FROM articles WHERE canonical") == [(5,)]
