"""Writers: JSONL and typed Parquet, each file written atomically.

A file is written beside its target under a temporary name and renamed into
place, so an interrupted run never leaves a half-written file that looks
complete. Parquet columns are typed from the Pydantic models: dates are
date32, amounts int64, lists list<string>.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from bantin.pipeline.records.schema import RECORD_TYPE_BY_KIND, Article


@contextmanager
def atomic_path(target: Path) -> typing.Iterator[Path]:
    """A temporary path in the target's folder, renamed onto the target when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_jsonl(target: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write one JSON object per line, atomically; returns the number of lines."""
    count = 0
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def _arrow_type(annotation: Any) -> pa.DataType:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _arrow_type(args[0])
    if origin in (typing.Union, types.UnionType):
        inner = [_arrow_type(a) for a in args]
        if len(inner) == 1:
            return inner[0]
        if all(pa.types.is_integer(t) or pa.types.is_floating(t) for t in inner):
            return pa.float64()
        return pa.string()
    if origin is typing.Literal:
        return pa.string()
    if origin is list:
        return pa.list_(_arrow_type(args[0]) if args else pa.string())
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        # A nested model (an article's `ward`) is a struct of its typed fields.
        return pa.struct(list(arrow_schema(annotation)))
    if origin is dict:
        return pa.string()  # free-form objects go to Parquet as JSON text
    return {
        str: pa.string(),
        int: pa.int64(),
        float: pa.float64(),
        bool: pa.bool_(),
        dt.date: pa.date32(),
    }.get(annotation, pa.string())


def arrow_schema(record_type: type[BaseModel]) -> pa.Schema:
    """The Parquet schema of a Pydantic model's fields, in declaration order."""
    return pa.schema(
        [
            pa.field(name, _arrow_type(f.annotation), nullable=True)
            for name, f in record_type.model_fields.items()
        ]
    )


def _column_converter(arrow_type: pa.DataType) -> Callable[[Any], Any]:
    if pa.types.is_date32(arrow_type):
        return lambda v: dt.date.fromisoformat(v) if isinstance(v, str) else v
    if pa.types.is_floating(arrow_type):
        return lambda v: float(v) if v is not None else None
    if pa.types.is_string(arrow_type):
        return lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
    return lambda v: v


def _table(schema: pa.Schema, rows: list[dict[str, Any]]) -> pa.Table:
    columns: dict[str, list[Any]] = {}
    for f in schema:
        convert = _column_converter(f.type)
        columns[f.name] = [convert(row.get(f.name)) for row in rows]
    return pa.Table.from_pydict(columns, schema=schema)


class _ParquetStream:
    """A Parquet file written in row groups as rows come, so memory stays bounded."""

    def __init__(self, path: Path, record_type: type[BaseModel], batch: int) -> None:
        self.schema = arrow_schema(record_type)
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []
        self.batch = batch

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(_table(self.schema, self.rows))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


class OutputWriter:
    """All output files of a run, written as rows come and renamed into place together on success.

    Used as a context manager: on an exception every temporary file is removed and the
    previous outputs (if any) stay as they were.
    """

    def __init__(self, out_dir: Path, batch: int = 2000) -> None:
        self.out_dir = out_dir
        self.batch = batch
        self._temps: dict[Path, Path] = {}

    def _temp(self, name: str) -> Path:
        target = self.out_dir / name
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.out_dir)
        os.close(fd)
        self._temps[target] = Path(tmp)
        return Path(tmp)

    def __enter__(self) -> OutputWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._jsonl = {
            name: open(self._temp(f"{name}.jsonl"), "w", encoding="utf-8")  # noqa: SIM115
            for name in ("articles", "records", "errors")
        }
        self._parquet = {"articles": _ParquetStream(self._temp("articles.parquet"), Article, self.batch)}
        for kind, model in RECORD_TYPE_BY_KIND.items():
            self._parquet[kind] = _ParquetStream(self._temp(f"{kind}.parquet"), model, self.batch)
        return self

    def add_article(self, article: dict[str, Any]) -> None:
        self._jsonl["articles"].write(json.dumps(article, ensure_ascii=False) + "\n")
        self._parquet["articles"].add(article)

    def add_record(self, record: dict[str, Any]) -> None:
        self._jsonl["records"].write(json.dumps(record, ensure_ascii=False) + "\n")
        self._parquet[record["kind"]].add(record)

    def add_error(self, error: dict[str, Any]) -> None:
        self._jsonl["errors"].write(json.dumps(error, ensure_ascii=False) + "\n")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        for fh in self._jsonl.values():
            fh.close()
        for stream in self._parquet.values():
            stream.close()
        if exc_type is None:
            mode = 0o666 & ~_umask()
            for target, tmp in self._temps.items():
                os.chmod(tmp, mode)
                os.replace(tmp, target)
        for tmp in self._temps.values():
            if tmp.exists():
                tmp.unlink()
