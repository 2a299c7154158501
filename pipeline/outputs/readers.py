"""Reading a run's JSONL outputs back: the one reader the load, the audit and the evaluation use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class OutputsError(ValueError):
    """An output file is missing or not JSON Lines; the message names the file and the line."""


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every row of a JSONL file (blank lines skipped)."""
    if not path.exists():
        raise OutputsError(f"{path} not found: is {path.parent} the output folder of `bantin extract`?")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise OutputsError(f"{path}:{number}: not JSON ({exc.msg})") from None
    return rows
