"""Loading a run's outputs into a database: an embedded DuckDB file, or a PostgreSQL server.

One schema for both: `articles`, and one table per kind (`dates`, `units`,
`officials`, `campaigns`, `models`, `money`, `counts`, `measures`) with typed columns
(DATE, BIGINT, arrays of TEXT), primary key `record_id`, foreign key
`article_id`, and indexes on what people filter by (ward codes, dates, unit
codes, the article of a record).

A load is one transaction and is idempotent: loading the same outputs twice
leaves the same rows, and loading a re-run updates the records it changed and
removes the records it no longer produces, for the articles it contains. An
article is known by its source (URL or path): a run whose article for a source
has new text replaces the old article and its records, and `prune` removes the
sources a run no longer contains. Every row is validated with the extraction's
Pydantic models before the database is touched; any failure rolls back and says
why, with credentials masked. The register of units is loaded as a table
(`register`), and near-duplicate articles are grouped (`duplicate_group`,
`canonical`) over the whole database after each load.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
from pydantic import ValidationError

from bantin.gazetteer.table import REGISTER_COLUMNS, register_rows, ward_unit
from bantin.pipeline.database import neardup
from bantin.pipeline.outputs.readers import OutputsError, read_jsonl
from bantin.pipeline.outputs.writers import arrow_schema
from bantin.pipeline.records.schema import (
    KINDS,
    PLURAL,
    RECORD_TYPE_BY_KIND,
    Article,
    RecordBase,
    validate_record,
)

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
BYTES = "BLOB"  # BYTEA on PostgreSQL
# A record field's column type: the type of its Parquet column (outputs/writers.py, from its annotation).
_SQL_TYPES: dict[pa.DataType, str] = {
    pa.string(): "TEXT",
    pa.list_(pa.string()): TEXTS,
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE PRECISION",
    pa.bool_(): "BOOLEAN",
    pa.date32(): "DATE",
}


def record_columns(record_type: type[RecordBase]) -> list[tuple[str, str]]:
    """A kind's own columns, in its model's field order (the common fields and `kind` apart)."""
    schema = arrow_schema(record_type)
    return [
        (name, _SQL_TYPES[schema.field(name).type])
        for name in record_type.model_fields
        if name not in RecordBase.model_fields and name != "kind"
    ]


COLUMNS = {kind: record_columns(record_type) for kind, record_type in RECORD_TYPE_BY_KIND.items()}
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
    # Added for issue 16: the register key of the ward, the text's version for its source, and
    # near-duplicate grouping (filled after each load, over the whole database).
    ("ward_unit", "TEXT"),
    ("version", "INTEGER"),
    ("minhash", BYTES),
    ("duplicate_group", "TEXT"),
    ("canonical", "BOOLEAN"),
]
COLUMN = {c: i for i, (c, _) in enumerate(ARTICLE_COLUMNS)}  # an article row's index of each column
# Which article each source (URL or path) currently has: an article is known by its source.
SOURCE_COLUMNS = [("source", "TEXT PRIMARY KEY"), ("article_id", "TEXT NOT NULL")]
INDEXES = [
    ("articles", ("ward_code",)),
    ("articles", ("ward_unit",)),
    ("articles", ("published",)),
    ("articles", ("duplicate_group",)),
    ("article_sources", ("article_id",)),
    ("dates", ("date_from", "date_to")),
    ("units", ("code",)),
    ("units", ("level", "name")),
    ("register", ("code",)),
    *((table, ("article_id",)) for table in TABLE.values()),
]


class LoadError(RuntimeError):
    """The load did not happen (and left the database as it was); the message says why."""


@dataclass(frozen=True)
class Target:
    kind: str  # duckdb or postgresql
    location: str  # a file path, or the PostgreSQL URL

    @property
    def placeholder(self) -> str:
        return "?" if self.kind == "duckdb" else "%s"

    @property
    def shown(self) -> str:
        """Where it loads, fit for a message: a file path, or the server's URL without its password."""
        return mask(self.location)


def parse_target(url: str | None, out_dir: Path) -> Target:
    """`None` → OUT_DIR/bantin.duckdb; "postgresql://…" → a server; "duckdb:///path" or a path → DuckDB.

    A URL must name a file or a server: an empty `--db`, "duckdb://" or ":memory:" would load
    into a database that vanishes when the command ends, and is refused.
    """
    if url is None:
        return Target("duckdb", str(out_dir / "bantin.duckdb"))
    url = url.strip()
    if url.startswith(("postgresql://", "postgres://")):
        if not url.split("://", 1)[1].strip("/"):
            raise LoadError(f"{mask(url)} names no server: use postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
        return Target("postgresql", url)
    path = url
    if url.startswith("duckdb://"):
        # duckdb:///relative.duckdb, duckdb:////absolute/path.duckdb (the SQLAlchemy convention).
        rest = url.removeprefix("duckdb://")
        path = "/" + rest[2:] if rest.startswith("//") else rest.removeprefix("/")
    elif "://" in url:
        raise LoadError(f"unsupported database URL {mask(url)!r}: use postgresql://… or a DuckDB file path")
    if not path.strip() or path.strip() == ":memory:" or path.endswith("/"):
        raise LoadError(
            f"--db {url!r} names no database file: give a DuckDB file (out/bantin.duckdb) "
            "or a postgresql:// URL; nothing was loaded"
        )
    return Target("duckdb", path)


_CREDENTIALS = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<password>[^@\s]*)@", re.I)


def mask(text: str, *secrets: str) -> str:
    """`text` with the password of every URL in it, and every given secret, replaced by ***."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return _CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)


def _password(location: str) -> str:
    m = _CREDENTIALS.search(location)
    return m["password"] if m else ""


def _psycopg() -> Any:
    """psycopg, which the `postgres` extra installs; a `LoadError` naming the extra without it."""
    try:
        import psycopg
    except ImportError as exc:
        raise LoadError(
            f"loading into PostgreSQL needs psycopg, which bantin's `postgres` extra installs: "
            f"pip install 'bantin[postgres]' (or pip install 'psycopg[binary]>=3.1'); {exc}"
        ) from None
    return psycopg


@contextmanager
def connect(target: Target) -> Iterator[Any]:
    con: Any  # a DuckDB or a psycopg connection: the loader uses what both have
    try:
        if target.kind == "duckdb":
            import duckdb

            Path(target.location).parent.mkdir(parents=True, exist_ok=True)
            con = duckdb.connect(target.location)
        else:
            con = _psycopg().connect(target.location, connect_timeout=10)
    except LoadError:
        raise
    except Exception as exc:
        secret = _password(target.location)
        raise LoadError(
            f"cannot connect to {target.kind} at {target.shown}: {mask(str(exc), secret)}"
        ) from None
    try:
        yield con
    finally:
        con.close()


def _types(database: str, columns: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(c, "BYTEA" if t == BYTES and database == "postgresql" else t) for c, t in columns]


def schema_sql(database: str) -> list[str]:
    """CREATE statements for `database` ("duckdb" or "postgresql")."""
    article_columns = _types(database, ARTICLE_COLUMNS)
    statements = [
        f"CREATE TABLE IF NOT EXISTS articles ({', '.join(f'{c} {t}' for c, t in article_columns)})",
        f"CREATE TABLE IF NOT EXISTS article_sources ({', '.join(f'{c} {t}' for c, t in SOURCE_COLUMNS)})",
        f"CREATE TABLE IF NOT EXISTS register ({', '.join(f'{c} {t}' for c, t in REGISTER_COLUMNS)})",
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
    for column, sql_type in article_columns:
        if "PRIMARY KEY" not in sql_type and "NOT NULL" not in sql_type:
            statements.append(f"ALTER TABLE articles ADD COLUMN IF NOT EXISTS {column} {sql_type}")
    for kind in KINDS:
        for column, sql_type in COLUMNS[kind]:
            statements.append(f"ALTER TABLE {TABLE[kind]} ADD COLUMN IF NOT EXISTS {column} {sql_type}")
    for table, indexed in INDEXES:
        name = f"idx_{table}_{'_'.join(indexed)}"
        statements.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(indexed)})")
    # Sources of articles loaded before sources were tracked: each article keeps the ones it lists.
    statements.append(
        "INSERT INTO article_sources (source, article_id) "
        "SELECT DISTINCT ON (s) s, article_id FROM (SELECT unnest(sources) AS s, article_id FROM articles) x "
        "WHERE s NOT IN (SELECT source FROM article_sources) ORDER BY s, article_id"
    )
    return statements


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        return read_jsonl(path)
    except OutputsError as exc:
        raise LoadError(str(exc)) from None


def _problem(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in exc.errors())


@dataclass
class Rows:
    """Every row a load writes, validated: articles and records by table."""

    articles: list[list[Any]] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # source → article_id
    records: dict[str, list[list[Any]]] = field(default_factory=lambda: {kind: [] for kind in KINDS})


def _article_row(a: Article) -> list[Any]:
    ward = a.ward.model_dump() if a.ward else {}
    return [
        a.article_id,
        a.source,
        a.title,
        a.published,
        list(a.authors),
        ward.get("level"),
        ward.get("name"),
        ward.get("code"),
        list(ward.get("code_2025") or []),
        list(ward.get("name_2025") or []),
        ward.get("link_status"),
        ward.get("via"),
        a.encoding,
        list(a.sources or [a.source]),
        a.text,
        ward_unit(ward, a.published),
        1,
        neardup.signature(a.text),
        a.article_id,
        True,
    ]


def _record_row(record: RecordBase) -> list[Any]:
    data = record.model_dump()
    row = [data["record_id"], data["article_id"], data["text"], data["start"], data["end"], data["sentence"]]
    row += [data[column] for column, _ in COLUMNS[data["kind"]]]
    return row


def read_outputs(out_dir: Path) -> Rows:
    """Rows for every table, each validated with the extraction's models before any database work.

    A wrong type, a negative or fractional amount, evidence that is not its article's text, a
    duplicate id: the load is refused, naming the file, the line and the row.
    """
    rows = Rows()
    texts: dict[str, str] = {}
    for number, data in enumerate(_read_jsonl(out_dir / "articles.jsonl"), 1):
        where = f"articles.jsonl:{number}"
        try:
            article = Article.model_validate(data, strict=False)
            if isinstance(data.get("authors"), str):
                raise LoadError(f"{where}: authors must be a list of names, not a string; nothing was loaded")
        except ValidationError as exc:
            name = data.get("article_id") if isinstance(data, dict) else None
            raise LoadError(f"{where}: bad article {name!r} ({_problem(exc)}); nothing was loaded") from None
        if article.article_id in texts:
            raise LoadError(f"{where}: duplicate article_id {article.article_id!r}; nothing was loaded")
        texts[article.article_id] = article.text
        rows.articles.append(_article_row(article))
        for source in article.sources or [article.source]:
            if rows.sources.setdefault(source, article.article_id) != article.article_id:
                raise LoadError(
                    f"{where}: source {source!r} has two articles ({rows.sources[source]} and "
                    f"{article.article_id}); nothing was loaded"
                )
    seen: set[str] = set()
    for number, data in enumerate(_read_jsonl(out_dir / "records.jsonl"), 1):
        where = f"records.jsonl:{number}"
        rid = data.get("record_id") if isinstance(data, dict) else None
        if not isinstance(data, dict) or data.get("kind") not in rows.records:
            kind = data.get("kind") if isinstance(data, dict) else None
            raise LoadError(f"{where}: bad record {rid!r} (unknown kind {kind!r}); nothing was loaded")
        if data.get("article_id") not in texts:
            raise LoadError(
                f"{where}: bad record {rid!r} (article {data.get('article_id')} is not in articles.jsonl); "
                "nothing was loaded"
            )
        try:
            record = validate_record(data, texts[data["article_id"]])
        except ValidationError as exc:
            raise LoadError(f"{where}: bad record {rid!r} ({_problem(exc)}); nothing was loaded") from None
        if record.record_id in seen:
            raise LoadError(f"{where}: duplicate record_id {record.record_id!r}; nothing was loaded")
        seen.add(record.record_id)
        rows.records[record.kind].append(_record_row(record))
    return rows


@dataclass
class LoadResult:
    articles: int
    records: dict[str, int]
    removed: int  # records of the loaded articles that the run no longer produces
    replaced: list[str] = field(default_factory=list)  # sources whose article got a new text
    pruned: list[str] = field(default_factory=list)  # sources removed by --prune
    groups: int = 0  # near-duplicate groups of two or more articles in the database


def load(out_dir: Path, target: Target, prune: bool = False) -> LoadResult:
    """Load OUT_DIR into the target database in one transaction."""
    rows = read_outputs(out_dir)
    secret = _password(target.location)
    with connect(target) as con:
        try:
            _begin(con, target)
            for statement in schema_sql(target.kind):
                con.execute(statement)
            result = _write(con, target, rows, prune)
            con.commit()
        except LoadError:
            _rollback(con)
            raise
        except Exception as exc:
            _rollback(con)
            raise LoadError(
                f"load failed and was rolled back: {type(exc).__name__}: {mask(str(exc), secret)}"
            ) from None
    return result


def _write(con: Any, target: Target, rows: Rows, prune: bool) -> LoadResult:
    p = target.placeholder
    article_ids = [row[0] for row in rows.articles]
    incoming = set(article_ids)
    # Sources that now hold another text (or, with prune, that the run no longer has).
    previous = dict(_select(con, "SELECT source, article_id FROM article_sources", []))
    replaced = sorted(s for s, aid in rows.sources.items() if previous.get(s, aid) != aid)
    pruned = sorted(s for s in previous if s not in rows.sources) if prune else []
    versions = dict(_select(con, "SELECT article_id, version FROM articles", []))
    for row in rows.articles:
        old = {previous[s] for s in row[COLUMN["sources"]] if s in previous and previous[s] != row[0]}
        row[COLUMN["version"]] = max([versions.get(row[0]) or 1, *((versions.get(o) or 1) + 1 for o in old)])
    _delete(con, "article_sources", "source", [*replaced, *pruned], p)
    gone_sources = {s for s in [*replaced, *pruned]}
    left = {aid for s, aid in previous.items() if s not in gone_sources}
    orphans = sorted({previous[s] for s in gone_sources} - left - incoming)
    removed = 0
    for kind in KINDS:
        table = TABLE[kind]
        keep = {row[0] for row in rows.records[kind]}
        stale = [rid for rid in _ids(con, table, article_ids, p) if rid not in keep]
        _delete(con, table, "record_id", stale, p)
        _delete(con, table, "article_id", orphans, p)
        removed += len(stale)
    _delete(con, "articles", "article_id", orphans, p)
    groups, regrouped = _group_duplicates(con, rows.articles, incoming)
    _upsert(con, "articles", _types(target.kind, ARTICLE_COLUMNS), rows.articles, target)
    _update_groups(con, target, regrouped)
    source_rows = [[s, aid] for s, aid in rows.sources.items() if previous.get(s) != aid]
    _upsert(con, "article_sources", SOURCE_COLUMNS, source_rows, target)
    for kind in KINDS:
        _upsert(con, TABLE[kind], COMMON + COLUMNS[kind], rows.records[kind], target)
    _load_register(con, target)
    return LoadResult(
        len(rows.articles), {k: len(v) for k, v in rows.records.items()}, removed, replaced, pruned, groups
    )


def _load_register(con: Any, target: Target) -> None:
    """The register dimension, written once (and again when the register data changes size)."""
    register = register_rows()
    (count,) = _select(con, "SELECT COUNT(*) FROM register", [])[0]
    if count != len(register):
        con.execute("DELETE FROM register")
        _upsert(con, "register", REGISTER_COLUMNS, register, target)


def _group_duplicates(con: Any, incoming: list[list[Any]], ids: set[str]) -> tuple[int, list[list[Any]]]:
    """Near-duplicate groups over the database's articles and the incoming ones.

    Sets `duplicate_group` and `canonical` on the incoming rows; returns the number of groups of
    two or more and, for the articles already stored whose group changed (or that were stored
    before signatures were), their new [duplicate_group, canonical, minhash, article_id].
    """
    # Texts are read only for articles stored before signatures were (their signature is made now).
    stored = [
        row
        for row in _select(
            con,
            "SELECT article_id, minhash, ward_unit, published, duplicate_group, LENGTH(text), "
            "CASE WHEN minhash IS NULL THEN text END FROM articles",
            [],
        )
        if row[0] not in ids
    ]
    signatures = {
        aid: bytes(sig) if sig is not None else neardup.signature(text) for aid, sig, *_, text in stored
    }
    candidates = [
        neardup.Candidate(aid, signatures[aid], unit is not None, published, length)
        for aid, _, unit, published, _, length, _ in stored
    ]
    candidates += [
        neardup.Candidate(
            row[0],
            row[COLUMN["minhash"]],
            row[COLUMN["ward_unit"]] is not None,
            row[COLUMN["published"]],
            len(row[COLUMN["text"]]),
        )
        for row in incoming
    ]
    canonical = neardup.group(candidates)
    for row in incoming:
        row[COLUMN["duplicate_group"]] = canonical[row[0]]
        row[COLUMN["canonical"]] = canonical[row[0]] == row[0]
    regrouped = [
        [canonical[aid], canonical[aid] == aid, signatures[aid], aid]
        for aid, sig, _, _, group, _, _ in stored
        if canonical[aid] != group or sig is None
    ]
    sizes: dict[str, int] = {}
    for group in canonical.values():
        sizes[group] = sizes.get(group, 0) + 1
    return sum(1 for n in sizes.values() if n > 1), regrouped


def _update_groups(con: Any, target: Target, rows: list[list[Any]]) -> None:
    p = target.placeholder
    sql = f"UPDATE articles SET duplicate_group = {p}, canonical = {p}, minhash = {p} WHERE article_id = {p}"
    for chunk in _chunks(rows):
        _executemany(con, sql, chunk)


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


def _select(con: Any, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in con.execute(sql, params).fetchall()]


def _ids(con: Any, table: str, article_ids: list[str], p: str) -> list[str]:
    found: list[str] = []
    for chunk in _chunks(article_ids):
        sql = f"SELECT record_id FROM {table} WHERE article_id IN ({', '.join([p] * len(chunk))})"
        found += [rid for (rid,) in _select(con, sql, chunk)]
    return found


def _delete(con: Any, table: str, key: str, values: list[str], p: str) -> None:
    for chunk in _chunks(values):
        con.execute(f"DELETE FROM {table} WHERE {key} IN ({', '.join([p] * len(chunk))})", chunk)


def _executemany(con: Any, sql: str, rows: list[list[Any]]) -> None:
    if hasattr(con, "executemany"):
        con.executemany(sql, rows)
    else:
        with con.cursor() as cur:
            cur.executemany(sql, rows)


def _upsert(
    con: Any, table: str, columns: list[tuple[str, str]], rows: list[list[Any]], target: Target
) -> None:
    """Insert or replace `rows` (keyed by the first column): DuckDB by bulk insert from Arrow,
    PostgreSQL by INSERT … ON CONFLICT DO UPDATE."""
    if not rows:
        return
    names = [c for c, _ in columns]
    if target.kind == "duckdb":
        arrow = pa.Table.from_arrays(
            [pa.array([row[i] for row in rows], type=_arrow_type(t)) for i, (_, t) in enumerate(columns)],
            names=names,
        )
        con.register("bantin_incoming", arrow)
        try:
            con.execute(f"DELETE FROM {table} WHERE {names[0]} IN (SELECT {names[0]} FROM bantin_incoming)")
            con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT * FROM bantin_incoming")
        finally:
            con.unregister("bantin_incoming")
        return
    p = target.placeholder
    updates = ", ".join(f"{c} = excluded.{c}" for c in names[1:])
    sql = (
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join([p] * len(names))}) "
        f"ON CONFLICT ({names[0]}) DO UPDATE SET {updates}"
    )
    _executemany(con, sql, rows)


def _arrow_type(sql_type: str) -> pa.DataType:
    base = sql_type.split()[0]
    return {
        "TEXT": pa.string(),
        "TEXT[]": pa.list_(pa.string()),
        "BIGINT": pa.int64(),
        "INTEGER": pa.int32(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
        "DATE": pa.date32(),
        "BLOB": pa.binary(),
    }[base]
