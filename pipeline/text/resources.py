"""Loading of the per-language data files (YAML/TSV) that live beside the code.

Every word list, pattern list and abbreviation table is read once per process
and shared; parsers never embed the lists themselves.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

import regex
import yaml


def _read_text(package: str, name: str) -> str:
    # `package` is the top folder ("pipeline", "extractors", "gazetteer"), installed under `bantin.`.
    return resources.files(f"bantin.{package}").joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_yaml(package: str, name: str) -> Any:
    """The parsed YAML file `package/data/name`; cached for the process."""
    return yaml.safe_load(_read_text(package, name))


@cache
def load_tsv(package: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of the TSV file `package/data/name` as dicts keyed by its header; `#` lines are comments."""
    lines = [ln for ln in _read_text(package, name).splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t"))


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that "tổ dân phố" wins over "tổ"."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def compile_at(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    r"""`regex.compile` for a pattern read with `.match(text, pos, limit)` at many positions.

    Before it matches, the regex module looks for a literal the pattern requires ("trở" of
    `\s+trở\s+lên`, ":" of `[ \t]*:`) from `pos` on, to `limit` when the literal is absent: a scan
    of the rest of a 200 KB sentence at each of its numbers. An alternative that never matches
    leaves the pattern no required literal and changes no match.
    """
    return regex.compile(f"(?:{pattern})|(?!)", flags)


class _NoAliasLoader(yaml.SafeLoader):
    """safe_load without aliases: a 1 KB file of nested aliases expands to gigabytes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in this file", self.peek_event().start_mark
            )
        return super().compose_node(parent, index)


def load_user_yaml(text: str) -> Any:
    """A YAML file the user gives (the sites file): safe types only, and no aliases."""
    return yaml.load(text, Loader=_NoAliasLoader)
