"""Near-duplicate articles: one event published by the ward, the district and the province's front.

Copies differ by light edits, another heading or signature, a sentence added or dropped, so
identical-text merging (same `article_id`) misses them. Each article gets a MinHash signature
of its word 3-shingles (`datasketch`, MinHash LSH): candidates come from the LSH index, so a
province's tens of thousands of articles are grouped without comparing every pair, and a
candidate pair is kept when its estimated Jaccard similarity reaches `SIMILARITY` and, when both
texts hold figures, their figures (numbers and dates, a second signature) are alike. Pairs join
into groups (union-find); the group is named by its canonical article: the one linked to a ward
code, then the earliest published, then the longest, then the smallest id.

Articles of one template about different events (a monthly report of another ward or month)
share most of their words but not their figures: tests/test_neardup.py measures precision and
recall on copies and such non-copies.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import regex
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
# LSH bands are tuned to find pairs around this Jaccard; candidates are then checked exactly
# against SIMILARITY on their signatures.
LSH_THRESHOLD = 0.4
SIMILARITY = 0.5
# One template filled for different events (a monthly report of another ward or month) shares
# most of its words with the other reports but not its figures and dates: a pair must also share
# FIGURES_SIMILARITY of its number tokens (a second, smaller signature), when both hold some.
FIGURES_PERM = 64
FIGURES_SIMILARITY = 0.4
MIN_FIGURES = 3
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_FIGURE = regex.compile(r"\d+(?:[.,/-]\d+)*")


def _hash(shingle: bytes) -> int:
    """A stable 32-bit hash (signatures are stored in the database and compared across runs)."""
    return zlib.crc32(shingle)


def shingles(text: str) -> set[bytes]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < 3:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + 3]).encode("utf-8") for i in range(len(words) - 2)}


@cache
def _permutations(num_perm: int) -> Any:
    """The permutations of a MinHash of `num_perm` (drawn once: every MinHash here uses the same seed)."""
    return MinHash(num_perm=num_perm, hashfunc=_hash, scheme="affine32").permutations


def _new(num_perm: int, hashvalues: Any = None) -> MinHash:
    return MinHash(
        num_perm=num_perm,
        hashfunc=_hash,
        hashvalues=hashvalues,
        permutations=_permutations(num_perm),
        scheme="affine32",
    )


def figures(text: str) -> set[bytes]:
    return {f.encode("ascii", "replace") for f in _FIGURE.findall(text)}


def signature(text: str) -> bytes:
    """The MinHash signatures of an article's words and of its figures, as bytes (stored with the
    article), with the number of distinct figures in front."""
    words = _new(NUM_PERM)
    words.update_batch(list(shingles(text)))
    numbers = _new(FIGURES_PERM)
    found = figures(text)
    numbers.update_batch(list(found))
    return (
        np.array([len(found)], dtype="<u4").tobytes()
        + words.hashvalues.astype("<u4").tobytes()
        + numbers.hashvalues.astype("<u4").tobytes()
    )


def _minhashes(sig: bytes) -> tuple[int, MinHash, MinHash]:
    values = np.frombuffer(sig, dtype="<u4")
    words = _new(NUM_PERM, values[1 : 1 + NUM_PERM])
    numbers = _new(FIGURES_PERM, values[1 + NUM_PERM :])
    return int(values[0]), words, numbers


def _similar(a: tuple[int, MinHash, MinHash], b: tuple[int, MinHash, MinHash]) -> bool:
    if a[1].jaccard(b[1]) < SIMILARITY:
        return False
    return min(a[0], b[0]) < MIN_FIGURES or a[2].jaccard(b[2]) >= FIGURES_SIMILARITY


@dataclass(frozen=True)
class Candidate:
    """What grouping needs of an article."""

    article_id: str
    signature: bytes
    linked: bool  # has a ward code
    published: dt.date | None
    length: int


def _rank(c: Candidate) -> tuple[int, dt.date, int, str]:
    return (0 if c.linked else 1, c.published or dt.date.max, -c.length, c.article_id)


def group(candidates: Iterable[Candidate]) -> dict[str, str]:
    """article_id → the canonical article_id of its group (itself when it has no near-duplicate)."""
    items = {c.article_id: c for c in candidates}
    hashes = {aid: _minhashes(c.signature) for aid, c in items.items()}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for aid, m in hashes.items():
        lsh.insert(aid, m[1])
    parent = {aid: aid for aid in items}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for aid, m in hashes.items():
        for other in lsh.query(m[1]):
            if other != aid and find(other) != find(aid) and _similar(m, hashes[other]):
                parent[find(other)] = find(aid)
    members: dict[str, list[Candidate]] = {}
    for aid in items:
        members.setdefault(find(aid), []).append(items[aid])
    canonical: dict[str, str] = {}
    for group_members in members.values():
        best = min(group_members, key=_rank).article_id
        for c in group_members:
            canonical[c.article_id] = best
    return canonical
