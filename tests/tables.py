"""Helpers for the table-driven tests."""

from __future__ import annotations

import pytest


def table_rows(table: list) -> list:
    """Plain (args..., id) tuples become pytest.param; pytest.param rows pass through."""
    return [row if type(row) is not tuple else pytest.param(*row[:-1], id=row[-1]) for row in table]
