"""Loading a run's outputs into a database: an embedded DuckDB file, or a PostgreSQL server.

One schema for both: `articles`, and one table per kind (`dates`, `units`,
`officials`, `campaigns`, `models`, `money`, `counts`, `measures`) with typed columns
(DATE, BIGINT, arrays of TEXT), primary key `record_id`, foreign key
`article_id`, and indexes on what people filter by (ward codes, dates, unit
codes, the article of a record).

A load is one transaction and is idempotent: loading the same outputs twice
leaves the same rows, and loading a re-run updates the records it changed and
removes the records it no longer produces, for the articles it contains. All
input is read and checked before the database is touched; any failure rolls
back and says why.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pipeline.records import KINDS, MODEL_BY_KIND, PLURAL, RecordBase

TABLE = PLURAL
COMMON = [
    ("record_id", "TEXT PRIMARY KEY"),
    ("article_id", "TEXT NOT NULL"),
    ("text", "TEXT NOT NULL"),
    ("span_start", "INTEGER NOT NULL"),
    ("span_end", "INTEGER NOT NULL"),
    ("sentence", "TEXT"),
]
# DuckDB cannot update or delete a row that a foreign key references, even in the transaction
# that deletes the referencing rows (a documented limitation), so there the loader checks the
# reference itself (every record's article is loaded with it) and the constraint is declared
# on PostgreSQL only.
FOREIGN_KEY = "REFERENCES articles(article_id)"
TEXTS = "TEXT[]"
_SQL_TYPES: dict[object, str] = {
    str: "TEXT",
    int: "BIGINT",
    float: "DOUBLE PRECISION",
    bool: "BOOLEAN",
    dt.date: "DATE",
}


def _sql_type(annotation: Any) -> str:
    """The column type of a record field, derived from its Pydantic annotation."""
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _sql_type(args[0])
    if origin in (typing.Union, types.UnionType):
        inner = {_sql_type(a) for a in args}
        if len(inner) == 1:
            return inner.pop()
        return "DOUBLE PRECISION" if inner <= {"BIGINT", "DOUBLE PRECISION"} else "TEXT"
    if origin is typing.Literal:
        return "TEXT"
    if origin is list:
        return TEXTS
    return _SQL_TYPES.get(annotation, "TEXT")


# Each kind's own columns, in the record model's field order (the common fields and `kind` apart).
COLUMNS: dict[str, list[tuple[str, str]]] = {
    kind: [
        (name, _sql_type(f.annotation))
        for name, f in model.model_fields.items()
        if name not in RecordBase.model_fields and name != "kind"
    ]
    for kind, model in MODEL_BY_KIND.items()
}
ARTICLE_COLUMNS = [
    ("article_id", "TEXT PRIMARY KEY"),
    ("source", "TEXT NOT NULL"),
    ("title", "TEXT"),
    ("published", "DATE"),
    ("authors", TEXTS),
    ("ward_level", "TEXT"),
    ("ward_name", "TEXT"),
    ("ward_code", "TEXT"),
    ("ward_code_2025", TEXTS),
    ("ward_name_2025", TEXTS),
    ("ward_link_status", "TEXT"),
    ("ward_via", "TEXT"),
    ("encoding", "TEXT"),
    ("sources", TEXTS),
    ("text", "TEXT NOT NULL"),
]
INDEXES = [
    ("articles", ("ward_code",)),
    ("articles", ("published",)),
    ("dates", ("date_from", "date_to")),
    ("units", ("code",)),
    ("units", ("level", "name")),
    *((table, ("article_id",)) for table in TABLE.values()),
]


class LoadError(RuntimeError):
    """The load did not happen (and left the database as it was); the message says why."""


class Connection(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...


@dataclass(frozen=True)
class Target:
    kind: str  # duckdb or postgresql
    location: str  # a file path, or the PostgreSQL URL

    @property
    def placeholder(self) -> str:
        return "?" if self.kind == "duckdb" else "%s"


def parse_target(url: str | None, out_dir: Path) -> Target:
    """`None` → OUT_DIR/bantin.duckdb; "postgresql://…" → a server; "duckdb:///path" or a path → DuckDB."""
    if url is None:
        return Target("duckdb", str(out_dir / "bantin.duckdb"))
    if url.startswith(("postgresql://", "postgres://")):
        return Target("postgresql", url)
    if url.startswith("duckdb://"):
        # duckdb:///relative.duckdb, duckdb:////absolute/path.duckdb (the SQLAlchemy convention).
        rest = url.removeprefix("duckdb://")
        return Target("duckdb", "/" + rest[2:] if rest.startswith("//") else rest.removeprefix("/"))
    if "://" in url:
        raise LoadError(f"unsupported database URL {url!r}: use postgresql://… or a DuckDB file path")
    return Target("duckdb", url)


@contextmanager
def connect(target: Target) -> Iterator[Any]:
    try:
        if target.kind == "duckdb":
            import duckdb

            Path(target.location).parent.mkdir(parents=True, exist_ok=True)
            con = duckdb.connect(target.location)
        else:
            import psycopg

            con = psycopg.connect(target.location, connect_timeout=10)
    except Exception as exc:
        raise LoadError(f"cannot connect to {target.kind} at {_safe(target.location)}: {exc}") from exc
    try:
        yield con
    finally:
        con.close()


def _safe(location: str) -> str:
    """A URL without its password, for messages."""
    if "://" in location and "@" in location:
        scheme, rest = location.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
    return location


def schema_sql(database: str) -> list[str]:
    """CREATE statements for `database` ("duckdb" or "postgresql")."""
    statements = [
        f"CREATE TABLE IF NOT EXISTS articles ({', '.join(f'{c} {t}' for c, t in ARTICLE_COLUMNS)})"
    ]
    for kind in KINDS:
        cols = [
            (c, f"{t} {FOREIGN_KEY}" if c == "article_id" and database == "postgresql" else t)
            for c, t in COMMON + COLUMNS[kind]
        ]
        statements.append(
            f"CREATE TABLE IF NOT EXISTS {TABLE[kind]} ({', '.join(f'{c} {t}' for c, t in cols)})"
        )
    # Columns added since a database was first created: added in place, nothing is dropped.
    for column, sql_type in ARTICLE_COLUMNS:
        if "PRIMARY KEY" not in sql_type and "NOT NULL" not in sql_type:
            statements.append(f"ALTER TABLE articles ADD COLUMN IF NOT EXISTS {column} {sql_type}")
    for table, cols in INDEXES:
        name = f"idx_{table}_{'_'.join(cols)}"
        statements.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(cols)})")
    return statements


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _article_row(a: dict[str, Any]) -> list[Any]:
    ward = a.get("ward") or {}
    return [
        a["article_id"],
        a["source"],
        a.get("title"),
        _date(a.get("published")),
        list(a.get("authors") or []),
        ward.get("level"),
        ward.get("name"),
        ward.get("code"),
        list(ward.get("code_2025") or []),
        list(ward.get("name_2025") or []),
        ward.get("link_status"),
        ward.get("via"),
        a.get("encoding"),
        list(a.get("sources") or [a["source"]]),
        a["text"],
    ]


def _record_row(r: dict[str, Any]) -> list[Any]:
    kind = r["kind"]
    row = [r["record_id"], r["article_id"], r["text"], r["start"], r["end"], r.get("sentence")]
    for column, sql_type in COLUMNS[kind]:
        value = r.get(column)
        if sql_type == "DATE":
            value = _date(value)
        elif sql_type == "TEXT[]":
            value = list(value or [])
        row.append(value)
    return row


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise LoadError(f"{path} not found: is {path.parent} the output folder of `bantin extract`?")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise LoadError(f"{path}:{number}: not JSON ({exc.msg}); nothing was loaded") from exc
    return rows


@dataclass
class LoadResult:
    articles: int
    records: dict[str, int]
    removed: int


def read_outputs(out_dir: Path) -> tuple[list[list[Any]], dict[str, list[list[Any]]]]:
    """Rows for every table, checked before any database work."""
    articles = _read_jsonl(out_dir / "articles.jsonl")
    records = _read_jsonl(out_dir / "records.jsonl")
    article_rows = []
    for number, a in enumerate(articles, 1):
        try:
            article_rows.append(_article_row(a))
        except (KeyError, TypeError, ValueError) as exc:
            raise LoadError(f"articles.jsonl:{number}: bad article ({exc!r}); nothing was loaded") from exc
    known = {row[0] for row in article_rows}
    by_kind: dict[str, list[list[Any]]] = {kind: [] for kind in KINDS}
    for number, r in enumerate(records, 1):
        try:
            if r["kind"] not in by_kind:
                raise ValueError(f"unknown kind {r['kind']!r}")
            if r["article_id"] not in known:
                raise ValueError(f"article {r['article_id']} is not in articles.jsonl")
            by_kind[r["kind"]].append(_record_row(r))
        except (KeyError, TypeError, ValueError) as exc:
            raise LoadError(f"records.jsonl:{number}: bad record ({exc}); nothing was loaded") from exc
    return article_rows, by_kind


def load(out_dir: Path, target: Target) -> LoadResult:
    """Load OUT_DIR into the target database in one transaction."""
    article_rows, by_kind = read_outputs(out_dir)
    p = target.placeholder
    with connect(target) as con:
        try:
            _begin(con, target)
            for statement in schema_sql(target.kind):
                con.execute(statement)
            article_ids = [row[0] for row in article_rows]
            removed = 0
            for kind in KINDS:
                table = TABLE[kind]
                keep = {row[0] for row in by_kind[kind]}
                stale = _stale_ids(con, table, article_ids, keep, p)
                for chunk in _chunks(stale):
                    con.execute(
                        f"DELETE FROM {table} WHERE record_id IN ({', '.join([p] * len(chunk))})", chunk
                    )
                removed += len(stale)
            _upsert(con, "articles", [c for c, _ in ARTICLE_COLUMNS], article_rows, p)
            for kind in KINDS:
                columns = [c for c, _ in COMMON + COLUMNS[kind]]
                _upsert(con, TABLE[kind], columns, by_kind[kind], p)
            con.commit()
        except LoadError:
            _rollback(con)
            raise
        except Exception as exc:
            _rollback(con)
            raise LoadError(f"load failed and was rolled back: {type(exc).__name__}: {exc}") from exc
    return LoadResult(len(article_rows), {k: len(v) for k, v in by_kind.items()}, removed)


def _begin(con: Any, target: Target) -> None:
    if target.kind == "duckdb":
        con.execute("BEGIN TRANSACTION")
    # psycopg opens a transaction with the first statement (autocommit is off).


def _rollback(con: Any) -> None:
    # The connection may be gone; the server rolls back on its own then.
    with suppress(Exception):
        con.rollback()


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _stale_ids(con: Any, table: str, article_ids: list[str], keep: set[str], p: str) -> list[str]:
    stale: list[str] = []
    for chunk in _chunks(article_ids):
        cur = con.execute(
            f"SELECT record_id FROM {table} WHERE article_id IN ({', '.join([p] * len(chunk))})", chunk
        )
        stale += [rid for (rid,) in cur.fetchall() if rid not in keep]
    return stale


def _upsert(con: Any, table: str, columns: list[str], rows: list[list[Any]], p: str) -> None:
    if not rows:
        return
    key = columns[0]
    updates = ", ".join(
        f"{c} = excluded.{c}" for c in columns[1:] if c != "article_id" or table != "articles"
    )
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([p] * len(columns))}) "
        f"ON CONFLICT ({key}) DO UPDATE SET {updates}"
    )
    if hasattr(con, "executemany"):
        con.executemany(sql, rows)
    else:
        cur = con.cursor()
        cur.executemany(sql, rows)
