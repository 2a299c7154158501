"""What an extractor returns: a Mention, the evidence span plus the kind's own fields.

The pipeline turns mentions into validated records (ids, `text`, `sentence`),
drops those in page furniture, and reports those that fail validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.document import Document
from pipeline.numbers import Quantity, find_quantities
from pipeline.spans import Span


@dataclass(frozen=True)
class Mention:
    kind: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


def sentence_quantities(document: Document, sentence: Span) -> list[Quantity]:
    """The number phrases of one sentence, read once and shared by the money and count extractors."""
    return document.memo(
        f"quantities:{sentence.start}:{sentence.end}",
        lambda: find_quantities(document.text, sentence.start, sentence.end),
    )
