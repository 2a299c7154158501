"""Stable identifiers: the same input always gives the same ids."""

from __future__ import annotations

import hashlib


def article_id(text: str) -> str:
    """A short stable hash of the article's normalised text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def record_id(article: str, kind: str, start: int, end: int, discriminator: str = "") -> str:
    """A stable id for one record: its article, kind and evidence span."""
    key = f"{article}|{kind}|{start}|{end}|{discriminator}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
