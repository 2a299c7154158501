"""The outputs load into a real database as they are: keys hold, types arrive typed, joins work."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from bantin.pipeline.records.schema import KINDS


@pytest.fixture(scope="module")
def db(corpus_out: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"CREATE TABLE articles AS SELECT * FROM read_parquet('{corpus_out / 'articles.parquet'}')")
    con.execute("ALTER TABLE articles ADD PRIMARY KEY (article_id)")
    for kind in KINDS:
        con.execute(f"CREATE TABLE {kind} AS SELECT * FROM read_parquet('{corpus_out / f'{kind}.parquet'}')")
        con.execute(f"ALTER TABLE {kind} ADD PRIMARY KEY (record_id)")
    return con


def test_every_record_joins_its_article(db: duckdb.DuckDBPyConnection) -> None:
    for kind in KINDS:
        orphans = db.execute(
            f"SELECT count(*) FROM {kind} r LEFT JOIN articles a USING (article_id) WHERE a.article_id IS NULL"
        ).fetchone()
        assert orphans == (0,), kind


def test_evidence_checks_in_sql(db: duckdb.DuckDBPyConnection) -> None:
    bad = db.execute(
        "SELECT count(*) FROM money r JOIN articles a USING (article_id) "
        'WHERE substr(a.text, r.start + 1, r."end" - r.start) <> r.text'
    ).fetchone()
    assert bad == (0,)


def test_column_types_arrive_typed(db: duckdb.DuckDBPyConnection) -> None:
    types = {
        (table, column): dtype
        for table, column, dtype in db.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
        ).fetchall()
    }
    assert types[("money", "amount")] == "BIGINT"
    assert types[("date", "date_from")] == "DATE"
    assert types[("articles", "published")] == "DATE"
    assert types[("official", "titles")] == "VARCHAR[]"
    assert types[("count", "value")] == "DOUBLE"


def test_money_total_per_article_is_queryable(db: duckdb.DuckDBPyConnection) -> None:
    rows = db.execute(
        "SELECT a.title, sum(m.amount) FROM money m JOIN articles a USING (article_id) "
        "WHERE a.source LIKE '%001_f6e4806f46cbd4e1.txt' GROUP BY a.title"
    ).fetchall()
    assert len(rows) == 1
    assert rows[0][1] == 575_000_000 + 3_000_000 + 21_000_000 + 320_000_000
